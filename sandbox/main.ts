/**
 * `npm start`: runs the sandbox (bundled as sandbox/dist/main.mjs) and prints
 * where to go. Settings come from the environment: PORT, SANDBOX_LATENCY_MS,
 * SANDBOX_FILE_LATENCY_MS (every widget file: HTML, scripts, stylesheets, translations),
 * SANDBOX_ZRC_ERRORS=resolve|reject, ZOHO_SDK_FILE, SANDBOX_HOSTILE=1 (the hostile
 * XSS test data of seed/hostile.ts on top of the default org), SANDBOX_FAULTS
 * (transport faults, syntax in api/README.md), SANDBOX_LOCKED=N (N more locked
 * records across the modules with locking, seed/locked-records.ts), SANDBOX_TEAM=1 (a
 * sales team with different Deals capacities and 500 deals to hand over, seed/team.ts).
 */
import { SEED } from "./seed/ids";
import { startSandbox } from "./server";
import { teamDealId } from "./seed/team";

const sandbox = await startSandbox();
const record = `${sandbox.url}/record?module=Deals&id=${SEED.records.dealAutoLocked}&as=${SEED.users.standard}`;
const R = SEED.records;
const listIds = [R.dealUnlocked, R.dealManualLocked, R.dealAutoLocked, R.dealExcluded].join(",");
const list = `${sandbox.url}/list?module=Deals&ids=${listIds}&as=${SEED.users.admin}`;
const handover = Array.from({ length: 30 }, (_, i) => teamDealId(i + 1)).join(",");
const team = process.env.SANDBOX_TEAM === "1" ? `\n  handover: ${sandbox.url}/list?module=Deals&ids=${handover}&as=${SEED.users.salesManager}` : "";
console.log(`CRM sandbox running
  index:    ${sandbox.url}/
  record:   ${record}
  list:     ${list}${team}
  settings: ${sandbox.url}/settings?as=${SEED.users.admin}
  widget origin: ${sandbox.widgetOrigin}
Press Ctrl+C to stop.`);

let stopping = false;
const stop = (signal: string) => {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: stopping the sandbox`);
  sandbox.close().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
};
process.on("SIGINT", () => stop("SIGINT"));
process.on("SIGTERM", () => stop("SIGTERM"));
