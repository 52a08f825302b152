/**
 * What plain-JS node scripts (scripts/bench.mjs) use from the sandbox, built
 * by scripts/build-sandbox.mjs into sandbox/dist/server.mjs: start a sandbox
 * in-process, the mock API alone, the seeded ids, and the call-log helpers
 * of the host page.
 */
export { startSandbox, type Sandbox, type SandboxOptions } from "./server";
export { SEED } from "./seed/ids";
export { TEAM_CANDIDATES, teamDealId } from "./seed/team";
export { createMockCrm } from "./api";
export { API_CALL_CATEGORIES, countRoundTrips, countWaves, type ApiCall, type CallLog } from "./host/call-log";
