// `npm run bench`: measured figures, one per line, as `name: value unit`.
// A benchmark, not a test: it reports numbers and never fails on them. It
// exits non-zero, with a message on stderr, only when it cannot measure at
// all (the sandbox or Chromium does not start, or no run shows a lock status).
//
// 1. Bundle sizes: gzip bytes of each widget page's JS and CSS. bundle_gzip_<page>_js
//    is what the page loads before its first paint (its entry file and the
//    chunks that imports statically); _total adds the CSS; _on_demand_js is
//    the chunks it loads only when a section is opened or an error is shown
//    (import()); _strings_de/_ja the strings a German or Japanese user loads.
//    Two floors under the record popup's first paint, each bundled as one
//    file without strings or CSS (scripts/size-floors): bundle_gzip_floor_
//    framework_js, Preact with hooks and signals used as the pages use them;
//    bundle_gzip_floor_record_lock_status_js, the lock status and restrictions
//    alone, booted like the real page (no lock actions, no other sections).
// 2. The pages in Chromium against the sandbox, started in-process
//    (sandbox/dist/server.mjs) on a free port, under two conditions: every
//    mock API answer 200 ms late and every widget file (HTML, scripts,
//    styles, strings, the SDK) 100 ms late, as from Zoho's servers; and
//    0/0 for reference. The suffix says which: _api200_files100, _api0_files0.
//    Each page is opened in a fresh browser context; one warm-up run is not
//    counted, then RUNS runs are, and each figure is the median over them.
//    The first useful paint is, for the record popup, the lock status shown
//    (data-lock-state); for the list view, its table of records; for the
//    settings tab, the overview with every module's state (data-settled).
//    - <page>_time_to_<paint>_<condition> (+ _min, _max): ms from the widget
//      frame's navigation start until that paint. In CRM the page around the
//      widget is already loaded when its button is clicked, so the sandbox's
//      host page (its HTML and host.js) is not counted;
//    - <page>_phase_<phase>_<condition>: where that time went (medians, so
//      they add up only roughly): html, the widget's HTML; files, the files
//      of the first paint after it; start, until the first API call reaches
//      the host (scripts run, SDK handshake, PageLoad); api, until the last
//      call answered before the paint; paint, from there to the paint;
//    - <page>_api_calls_before_<paint>: the widget's CRM API calls answered
//      by then (window.__sandboxCalls, sandbox/host/call-log.ts), and for the
//      record popup record_calls_<category> by category; calls still in
//      flight are not counted;
//    - <page>_round_trips_before_<paint>: the sequential round trips those
//      calls form: a call started after another had answered is one deeper
//      (countRoundTrips in sandbox/host/call-log.ts). 1 means all reads in
//      parallel;
//    - <page>_sequential_file_fetches_before_first_paint: how many of the
//      frame's own fetches happened one after another (sequentialFetches):
//      2 is the HTML, then everything else at once;
//    - record_floor_time_to_lock_status_<condition> (+ _min, _max): the same
//      browser's time for a minimal cross-site frame under the same latencies
//      (bench-floor.mjs: one HTML file, one script, one host round trip, one
//      line of text). Its runs alternate with the popup's;
//    - record_over_floor_<condition> (+ _min, _max): what the widget adds, the
//      popup's time minus the floor's in the run right after it (a paired
//      difference is steadier than the difference of two medians).
// 3. The share picker's type-ahead over a generated list of 10,000 users, in
//    Node: the widget's own search code (bundled from widget-src), timing
//    what one keystroke costs in AddPeople (search every user, turn the
//    matches into candidates), for a typed name and a typed e-mail, letter by
//    letter. picker_filter_10k_users_keystroke_median/_max: ms per keystroke
//    (each keystroke the median of PICKER_REPEATS runs); picker_index_10k_users:
//    ms to build the index once, when the list arrives.
// 4. Owner change: the widget's OwnerChangeModel (bundled from widget-src)
//    checks the assignment capacity of 20 candidates against the sandbox's
//    mock API, each answer delayed by 200 ms, through a minimal CRM port.
//    owner_threshold_checks_20_at_200ms: ms until all 20 have an answer
//    (at most 4 in flight, so about 5 waves); owner_threshold_check_calls: how
//    many permit_threshold calls that took.
// 5. The locked-records console with 10,000 extra locked records
//    (consoleFigures): how many can be listed, a filter change's cost, heap.
// 6. Distributing 500 selected deals among several owners (group
//    "owner-distribute"): the widget's DistributeModel against the sandbox's
//    mock API with the team seed, every answer 200 ms late, acting as Mia
//    Manager. distribute_plan_500_records_20_candidates_200ms: ms from
//    opening the panel and choosing 20 candidates whose thresholds have no
//    exclude criteria until the plan is there (its capacity and per-record
//    check calls beside it; at most 4 checks in flight); and, with one of the
//    20 under a threshold with exclude criteria, ms until the first plan, ms
//    until every one of that candidate's per-record checks has answered, and
//    how many such checks there were.
//
// `npm run bench -- <group>` runs the groups whose name contains it: bundle,
// picker, owner, owner-distribute, console, or a page (record, list, settings).
//
// `npm run bench -- compare <page> <dirA> <dirB> [pairs]` compares two builds
// of app/ (say `buildWidget({ outDir })` before and after a change) on one
// page at API 200 ms and files 100 ms: their runs alternate, A then B, then
// B then A, in one browser, each build served by a sandbox of its own. It
// prints each build's median and mean time to the page's first useful paint
// and in how many pairs B was faster. Separate bench runs a minute apart can
// differ by more than a change of 20 ms on a busy machine; neighbouring runs
// share its state.
import { readFile } from "node:fs/promises";
import { join, dirname, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { chromium } from "playwright-core";
import { COMMON, PAGES, WARM_UP_SCRIPT, buildWidget, withoutStrings } from "./build.mjs";
import { buildSandbox } from "./build-sandbox.mjs";
import { startFloor } from "./bench-floor.mjs";
import { pageSize } from "./bundle-size.mjs";
import { CHROMIUM, chromiumArgs } from "./chromium.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const appDir = join(root, "app");

const RUNS = 5;
const LATENCY_MS = 200;
const FILE_LATENCY_MS = 100;
const RUN_TIMEOUT_MS = 20_000;
// Site isolation kept, as in CRM (the tests turn it off): the bench times the page and clicks nothing.
const CHROMIUM_ARGS = chromiumArgs();
const PHASES = ["html", "files", "start", "api", "paint"];
const SHOWN_STATES = ["locked", "unlocked", "not-configured"];
const PICKER_USERS = 10_000;
const PICKER_REPEATS = 15;
const PICKER_TYPED = ["maria sant", "sa.kov@exa"];

/** A reason the bench cannot measure at all (exit 1), as opposed to a figure. */
class BenchError extends Error {}

export async function bundleFigures() {
  await buildWidget({ minify: true, sourcemap: false });
  const figures = [];
  for (const { name } of PAGES) {
    const { js, css, total, onDemandJs, languages } = await pageSize(name);
    figures.push([`bundle_gzip_${name}_js`, js, "bytes"]);
    figures.push([`bundle_gzip_${name}_css`, css, "bytes"]);
    figures.push([`bundle_gzip_${name}_total`, total, "bytes"]);
    figures.push([`bundle_gzip_${name}_on_demand_js`, onDemandJs, "bytes"]);
    for (const [language, bytes] of Object.entries(languages)) figures.push([`bundle_gzip_${name}_strings_${language}`, bytes, "bytes"]);
  }
  figures.push(["bundle_gzip_floor_framework_js", await floorBytes("framework.tsx"), "bytes"]);
  figures.push(["bundle_gzip_floor_record_lock_status_js", await floorBytes("lock-status.tsx"), "bytes"]);
  return figures;
}

/** Gzip bytes of one size floor (scripts/size-floors), bundled into one file without strings. */
async function floorBytes(file) {
  const result = await build({
    ...COMMON,
    entryPoints: [join(root, "scripts/size-floors", file)],
    splitting: false,
    minify: true,
    write: false,
    outdir: join(root, ".size-floors"),
    plugins: [withoutStrings],
  });
  const js = result.outputFiles.find((output) => output.path.endsWith(".js"));
  return gzipSync(js.contents, { level: 9 }).length;
}

/**
 * Runs in every frame before its own scripts. In the page's widget frame it
 * notes when the page's first useful paint is shown (on the epoch clock all
 * frames share): the lock status, the list's table, the settled overview.
 */
const watchFor = (file, selector) => `(() => {
  if (!location.pathname.endsWith("/${file}")) return;
  const observer = new MutationObserver(() => {
    const element = document.querySelector(${JSON.stringify(selector)});
    // Shown, not just present: the page stays hidden until its language is known.
    if (!element || !element.checkVisibility()) return;
    window.__benchShown = { state: element.getAttribute("data-lock-state"), at: performance.timeOrigin + performance.now() };
    observer.disconnect();
  });
  observer.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ["data-lock-state", "data-settled", "hidden"] });
})();`;

/** The measured pages: where each starts, and what counts as its first useful paint. */
const PAGE_RUNS = {
  record: { file: "record.html", path: (SEED) => `/record?module=Deals&id=${SEED.records.dealAutoLocked}&open=1`, selector: "[data-lock-state]", label: "lock_status" },
  list: {
    file: "list.html",
    path: (SEED) => `/list?module=Deals&ids=${[SEED.records.dealAutoLocked, SEED.records.dealManualLocked, SEED.records.dealUnlocked].join(",")}&open=1`,
    selector: '[data-testid="bulk-table"]',
    label: "table",
  },
  settings: { file: "settings.html", path: (SEED) => `/settings?as=${SEED.users.admin}`, selector: '[data-testid="overview"][data-settled="true"]', label: "overview" },
};

/** The conditions the pages are measured under: API and file latency, in ms. */
const CONDITIONS = [
  { api: LATENCY_MS, files: FILE_LATENCY_MS },
  { api: 0, files: 0 },
];

/**
 * How many fetches of the widget's own files happened one after another
 * before the first paint: the HTML is the first; a fetch that starts only
 * after every fetch of the previous step has ended belongs to the next step
 * (it waited for something in it), one that starts earlier to the same.
 */
function sequentialFetches(entries) {
  const sorted = [...entries].sort((a, b) => a.startTime - b.startTime);
  let steps = 0;
  let stepEnd = -Infinity;
  let stepStart = -Infinity;
  for (const entry of sorted) {
    if (entry.startTime >= stepEnd - 1) {
      steps += 1;
      stepStart = entry.startTime;
      stepEnd = entry.responseEnd;
    } else {
      stepEnd = Math.max(stepEnd, entry.responseEnd);
    }
  }
  void stepStart;
  return steps;
}

/** Figures of the record popup, the list view and the settings overview; expects app/ to be built (bundleFigures does it). */
export async function pageFigures(only) {
  await buildSandbox();
  const { startSandbox, SEED, API_CALL_CATEGORIES, countRoundTrips } = await import(pathToFileURL(join(root, "sandbox/dist/server.mjs")).href);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS }).catch((error) => {
    throw new BenchError(`Chromium did not start (${CHROMIUM}; set CHROMIUM_PATH, or install it: apt-get install -y chromium): ${messageOf(error)}`);
  });
  const figures = [];
  try {
    for (const { api, files } of CONDITIONS) {
      const sandbox = await startSandbox({ port: 0, latencyMs: api, fileLatencyMs: files }).catch((error) => {
        throw new BenchError(`the sandbox did not start: ${messageOf(error)}`);
      });
      try {
        for (const [name, page] of Object.entries(PAGE_RUNS)) {
          if (only && !name.includes(only)) continue;
          const measure = () => measurePageRun(browser, `${sandbox.url}${page.path(SEED)}`, page, { categories: API_CALL_CATEGORIES, countRoundTrips });
          // The record popup's runs alternate with the floor's, so that what the widget adds is a difference of
          // neighbouring runs: on a busy machine two medians taken a minute apart can differ by tens of ms.
          const floor = name === "record" ? await startFloor({ apiMs: api, fileMs: files }) : undefined;
          const runs = [];
          const failures = [];
          const floorTimes = [];
          const overFloor = [];
          try {
            await measure().catch(() => undefined); // warm-ups, not counted
            if (floor) await floorRun(browser, floor.url);
            for (let run = 0; run < RUNS; run += 1) {
              const result = await measure().catch((error) => void failures.push(messageOf(error)));
              if (result) runs.push(result);
              if (!floor) continue;
              const floorTime = await floorRun(browser, floor.url);
              floorTimes.push(floorTime);
              if (result) overFloor.push(result.time - floorTime);
            }
          } finally {
            await floor?.close();
          }
          for (const failure of failures) console.error(`bench: a ${name} run was not counted: ${failure}`);
          if (runs.length === 0) throw new BenchError(`no ${name} run showed its first paint (${failures[0]})`);
          const at = `api${api}_files${files}`;
          figures.push(
            ...spread(`${name}_time_to_${page.label}_${at}`, runs.map((run) => run.time)),
            [`${name}_api_calls_before_${page.label}_${at}`, median(runs.map((run) => run.calls)), "calls"],
            // Without latency every call starts after some answer, so round trips mean something only with it.
            ...(api > 0 ? [[`${name}_round_trips_before_${page.label}_${at}`, median(runs.map((run) => run.waves)), "waves"]] : []),
            [`${name}_sequential_file_fetches_before_first_paint_${at}`, median(runs.map((run) => run.fileSteps)), "fetches"],
            ...PHASES.map((phase) => [`${name}_phase_${phase}_${at}`, Math.round(median(runs.map((run) => run.phases[phase]))), "ms"]),
          );
          if (name === "record") {
            for (const category of API_CALL_CATEGORIES) figures.push([`record_calls_${category}_${at}`, median(runs.map((run) => run.byCategory[category])), "calls"]);
            figures.push(...spread(`record_floor_time_to_lock_status_${at}`, floorTimes), ...spread(`record_over_floor_${at}`, overFloor));
          }
        }
      } finally {
        await sandbox.close();
      }
    }
  } finally {
    await browser.close();
  }
  return figures;
}

/** Two builds of app/ on one page, their runs alternating (see the top of this file). */
async function compareBuilds(name, dirs, pairs) {
  await buildSandbox();
  const { startSandbox, SEED, API_CALL_CATEGORIES, countRoundTrips } = await import(pathToFileURL(join(root, "sandbox/dist/server.mjs")).href);
  const page = PAGE_RUNS[name];
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const sandboxes = await Promise.all(dirs.map((dir) => startSandbox({ port: 0, latencyMs: LATENCY_MS, fileLatencyMs: FILE_LATENCY_MS, appDir: resolve(dir) })));
  try {
    const run = async (which) => (await measurePageRun(browser, `${sandboxes[which].url}${page.path(SEED)}`, page, { categories: API_CALL_CATEGORIES, countRoundTrips })).time;
    await run(0); // warm-ups, not counted
    await run(1);
    const times = [[], []];
    for (let pair = 0; pair < pairs; pair += 1) {
      for (const which of pair % 2 === 0 ? [0, 1] : [1, 0]) times[which].push(await run(which));
    }
    const mean = (values) => values.reduce((sum, value) => sum + value, 0) / values.length;
    const at = `api${LATENCY_MS}_files${FILE_LATENCY_MS}`;
    return [
      ...["a", "b"].flatMap((label, which) => [
        [`compare_${name}_${label}_${at}`, Math.round(median(times[which])), "ms"],
        [`compare_${name}_${label}_${at}_mean`, Math.round(mean(times[which])), "ms"],
      ]),
      [`compare_${name}_b_faster_${at}`, times[1].filter((time, pair) => time < times[0][pair]).length, `of ${pairs} pairs`],
    ];
  } finally {
    await Promise.all(sandboxes.map((sandbox) => sandbox.close()));
    await browser.close();
  }
}

/** One run of the browser's floor under the record popup (bench-floor.mjs), measured like the popup: ms from its frame's navigation start to its paint. */
async function floorRun(browser, url) {
  const context = await browser.newContext();
  try {
    const { frame, shown } = await openUntilShown(context, url, "floor.html", "[data-lock-state]");
    return shown.at - (await frame.evaluate(() => performance.timeOrigin));
  } finally {
    await context.close();
  }
}

/** `name`'s median, with its _min and _max, in ms. */
function spread(name, values) {
  if (values.length === 0) return [];
  return [
    [name, Math.round(median(values)), "ms"],
    [`${name}_min`, Math.round(Math.min(...values)), "ms"],
    [`${name}_max`, Math.round(Math.max(...values)), "ms"],
  ];
}

/** Opens `url` in `context` and waits until its frame `file` shows `selector` (watchFor): the tab, the frame, and what was shown when. */
async function openUntilShown(context, url, file, selector) {
  await context.addInitScript(watchFor(file, selector));
  const tab = await context.newPage();
  await tab.goto(url, { waitUntil: "commit", timeout: RUN_TIMEOUT_MS });
  const frame = await widgetFrameOf(tab, file);
  const handle = await frame.waitForFunction(() => window.__benchShown, undefined, { timeout: RUN_TIMEOUT_MS }).catch(() => {
    throw new Error(`no first paint within ${RUN_TIMEOUT_MS} ms`);
  });
  return { tab, frame, shown: await handle.jsonValue() };
}

/** One run in a fresh context: time to the first useful paint, where it went, the API calls answered before it, and the file fetches in sequence. */
async function measurePageRun(browser, url, page, { categories, countRoundTrips }) {
  const context = await browser.newContext();
  try {
    const { tab, frame, shown } = await openUntilShown(context, url, page.file, page.selector);
    if (page.file === "record.html" && !SHOWN_STATES.includes(shown.state)) throw new Error(`the widget showed lock state "${shown.state}"`);
    const host = await tab.evaluate(() => ({ timeOrigin: performance.timeOrigin, log: window.__sandboxCalls }));
    if (!host.log) throw new Error("the host page has no window.__sandboxCalls (rebuild the sandbox)");
    // The frame's navigation and its own fetches (scripts, styles, strings, the SDK) that started before the paint, on the frame's clock.
    // Not the formatting warm-up's worker (widget-src/i18n/warm-up.ts): nothing waits for it, and a page that cannot load it paints the same.
    const frameTimes = await frame.evaluate(([paintAt, warmUp]) => {
      const limit = paintAt - performance.timeOrigin;
      const navigation = performance.getEntriesByType("navigation")[0];
      const resources = performance
        .getEntriesByType("resource")
        .filter((entry) => entry.startTime < limit && entry.initiatorType !== "fetch" && entry.initiatorType !== "xmlhttprequest" && !entry.name.endsWith(`/${warmUp}`));
      return {
        timeOrigin: performance.timeOrigin,
        entries: [navigation, ...resources].filter(Boolean).map((entry) => ({ startTime: entry.startTime, responseEnd: entry.responseEnd })),
      };
    }, [shown.at, WARM_UP_SCRIPT]);

    // The clock starts when the widget's frame starts to navigate: in CRM the page around it is already there,
    // and the sandbox's host page (its HTML and host.js) is only the stand-in's cost.
    const time = shown.at - frameTimes.timeOrigin;
    // Host calls are timed on the host page's clock: ms since its navigation start.
    const shownOnHostClock = shown.at - host.timeOrigin;
    const before = host.log.calls.filter((call) => call.answeredAt !== undefined && call.answeredAt <= shownOnHostClock);
    const byCategory = Object.fromEntries(categories.map((category) => [category, before.filter((call) => call.category === category).length]));
    const phases = phasesOf(frameTimes, before, host.timeOrigin, time);
    return { time, phases, calls: before.length, byCategory, waves: countRoundTrips(before), fileSteps: sequentialFetches(frameTimes.entries) };
  } finally {
    await context.close();
  }
}

/**
 * Where one run's time went, in ms on the frame's clock; the phases add up to
 * the time to the first paint. html: until the widget's HTML has arrived;
 * files: until the last file the first paint fetched has arrived; start:
 * until the host receives the first API call (the scripts run, the SDK's
 * handshake, PageLoad); api: until the last call answered before the paint
 * is answered; paint: from that answer until the paint is shown.
 */
function phasesOf({ timeOrigin, entries }, calls, hostTimeOrigin, total) {
  const onFrameClock = (hostTime) => hostTime + hostTimeOrigin - timeOrigin;
  const html = entries[0]?.responseEnd ?? 0;
  const files = Math.max(html, ...entries.map((entry) => entry.responseEnd));
  const firstCall = calls.length > 0 ? Math.max(files, onFrameClock(Math.min(...calls.map((call) => call.startedAt)))) : files;
  const lastAnswer = calls.length > 0 ? Math.max(firstCall, onFrameClock(Math.max(...calls.map((call) => call.answeredAt)))) : firstCall;
  return { html, files: files - html, start: firstCall - files, api: lastAnswer - firstCall, paint: total - lastAnswer };
}

async function widgetFrameOf(tab, file) {
  const deadline = Date.now() + RUN_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const frame = tab.frames().find((candidate) => URL.canParse(candidate.url()) && new URL(candidate.url()).pathname.endsWith(`/${file}`));
    if (frame) return frame;
    await tab.waitForTimeout(10);
  }
  throw new Error(`the widget frame ${file} never loaded`);
}

/** Widget code, bundled for Node from a tiny entry of re-exports. */
async function loadWidgetCode(contents) {
  const result = await build({
    stdin: {
      contents,
      resolveDir: root,
      loader: "ts",
    },
    bundle: true,
    format: "esm",
    platform: "node",
    write: false,
  });
  const code = result.outputFiles[0].text;
  return import(`data:text/javascript;base64,${Buffer.from(code).toString("base64")}`);
}

/** Synthetic users from a fixed seed: names mixed from a few parts, some accented, some duplicates. */
function generateUsers(count) {
  const first = ["Maria", "José", "Aiko", "Sam", "Lena", "Omar", "Zoë", "Ivan", "Mei", "Noah", "Ana", "Kofi", "Sara", "Luca", "Priya"];
  const last = ["Santos", "Müller", "Tanaka", "Okafor", "Novak", "Ibrahim", "Kowalski", "Chen", "García", "Smith", "Sakova", "Rossi"];
  let state = 42;
  const next = (n) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state % n;
  };
  return Array.from({ length: count }, (_, i) => {
    const name = `${first[next(first.length)]} ${last[next(last.length)]}`;
    const email = `${name.toLowerCase().replace(/\s+/g, ".").normalize("NFD").replace(/\p{Diacritic}/gu, "")}${i}@example.test`;
    return { id: String(5725767000000000000n + BigInt(i)), name, email, active: next(20) > 0, confirmed: next(30) > 0 };
  });
}

export async function pickerFigures() {
  const { buildIndex, search, userCandidate } = await loadWidgetCode(`export { buildIndex, search } from "./widget-src/features/user-directory/search";
export { userCandidate } from "./widget-src/features/record-share/picker";`);
  const users = generateUsers(PICKER_USERS);
  const started = performance.now();
  const index = buildIndex(users, (user) => `${user.name} ${user.email}`);
  const indexMs = performance.now() - started;
  const keystrokes = [];
  for (const typed of PICKER_TYPED) {
    for (let length = 1; length <= typed.length; length += 1) {
      const query = typed.slice(0, length);
      const runs = [];
      for (let repeat = 0; repeat < PICKER_REPEATS; repeat += 1) {
        const start = performance.now();
        search(index, query).map(userCandidate);
        runs.push(performance.now() - start);
      }
      keystrokes.push(median(runs));
    }
  }
  const round = (ms) => Math.round(ms * 100) / 100;
  return [
    ["picker_index_10k_users", round(indexMs), "ms"],
    ["picker_filter_10k_users_keystroke_median", round(median(keystrokes)), "ms"],
    ["picker_filter_10k_users_keystroke_max", round(Math.max(...keystrokes)), "ms"],
  ];
}

const OWNER_CANDIDATES = 20;

export async function ownerCheckFigures() {
  await buildSandbox();
  const { createMockCrm, SEED } = await import(pathToFileURL(join(root, "sandbox/dist/server.mjs")).href);
  const { OwnerChangeModel, signal } = await loadWidgetCode(`export { OwnerChangeModel } from "./widget-src/features/owner-change/model";
export { signal } from "@preact/signals";`);
  const mock = createMockCrm();
  const actingUser = SEED.users.standard;
  let permitCalls = 0;
  // Just enough of a CRM port: every API answer comes from the mock, LATENCY_MS later.
  const port = {
    context: { module: "Deals", recordIds: [SEED.records.dealUnlocked] },
    request: (method, path, options = {}) =>
      new Promise((resolve) => {
        if (path.endsWith("/permit_threshold")) permitCalls += 1;
        setTimeout(() => {
          const answer = mock.handle({ method, path: `/crm/v8${path}`, query: options.query ?? {}, body: options.body, userId: actingUser });
          const body = answer.body;
          resolve(
            answer.status < 300
              ? { ok: true, value: { status: answer.status, body } }
              : { ok: false, error: { code: body?.code ?? "HTTP_ERROR", message: body?.message ?? "", details: body?.details ?? {}, status: answer.status } },
          );
        }, LATENCY_MS);
      }),
  };
  const ready = (value) => signal({ status: "ready", value });
  const model = new OwnerChangeModel({
    port,
    session: { user: ready({ id: actingUser, name: "Sam", profile: { id: SEED.profiles.standard, name: "Standard" } }), permissions: ready([]) },
    record: ready({ id: SEED.records.dealUnlocked, module: "Deals", name: "Deal", owner: { id: actingUser, name: "Sam" } }),
    reloadRecord: async () => {},
    lock: ready({ kind: "unlocked" }),
    restrictions: signal(undefined),
    module: "Deals",
    recordId: SEED.records.dealUnlocked,
  });
  const candidates = Object.values(SEED.users).filter((id) => id !== actingUser).slice(0, OWNER_CANDIDATES);
  if (candidates.length < OWNER_CANDIDATES) throw new BenchError(`the seed has only ${candidates.length} candidate users`);
  const started = performance.now();
  model.checkCandidates(candidates);
  await new Promise((resolve, reject) => {
    const deadline = setTimeout(() => reject(new BenchError("the threshold checks did not finish within 20 s")), 20_000);
    const poll = setInterval(() => {
      if (candidates.every((id) => model.checks.value.get(id)?.status !== "loading")) {
        clearInterval(poll);
        clearTimeout(deadline);
        resolve();
      }
    }, 5);
  });
  return [
    ["owner_threshold_checks_20_at_200ms", Math.round(performance.now() - started), "ms"],
    ["owner_threshold_check_calls", permitCalls, "calls"],
  ];
}

const DISTRIBUTE_RECORDS = 500;

/** Polls until `done()` holds; a BenchError after `seconds`. */
function until(done, seconds, what) {
  return new Promise((resolve, reject) => {
    const deadline = setTimeout(() => reject(new BenchError(`${what} did not happen within ${seconds} s`)), seconds * 1000);
    const poll = setInterval(() => {
      if (!done()) return;
      clearInterval(poll);
      clearTimeout(deadline);
      resolve();
    }, 5);
  });
}

/**
 * Distributing the selection among several owners: the widget's
 * DistributeModel (bundled from widget-src) over the team seed's 500 deals,
 * against the sandbox's mock API with every answer 200 ms late, acting as
 * Mia Manager (who may read the threshold settings). Timed from opening the
 * panel (the lock settings, the profile and the threshold settings read)
 * and choosing the candidates, until the plan is there.
 */
export async function distributeFigures() {
  await buildSandbox();
  const { createMockCrm, SEED, TEAM_CANDIDATES, teamDealId } = await import(pathToFileURL(join(root, "sandbox/dist/server.mjs")).href);
  const { BulkModel, DistributeModel } = await loadWidgetCode(`export { BulkModel } from "./widget-src/features/bulk-actions/model";
export { DistributeModel } from "./widget-src/features/bulk-actions/distribute-model";`);
  const actingUser = SEED.users.salesManager;
  const ids = Array.from({ length: DISTRIBUTE_RECORDS }, (_, i) => teamDealId(i + 1));

  async function run(candidateIds) {
    const mock = createMockCrm({ team: true });
    const counts = { module: 0, record: 0 };
    const answerOf = (answer) => {
      const body = answer.body;
      return answer.status < 300
        ? { ok: true, value: { status: answer.status, body } }
        : { ok: false, error: { code: body?.code ?? "HTTP_ERROR", message: body?.message ?? "", details: body?.details ?? {}, status: answer.status } };
    };
    const port = {
      context: { module: "Deals", recordIds: ids },
      request: (method, path, options = {}) =>
        new Promise((resolve) => {
          if (path === "/Deals/actions/permit_threshold") counts.module += 1;
          else if (path.endsWith("/permit_threshold")) counts.record += 1;
          setTimeout(() => resolve(answerOf(mock.handle({ method, path: `/crm/v8${path}`, query: options.query ?? {}, body: options.body, userId: actingUser }))), LATENCY_MS);
        }),
      currentUser: () =>
        new Promise((resolve) =>
          setTimeout(() => resolve({ ok: true, value: { users: [{ id: actingUser, full_name: "Mia Manager", profile: { id: SEED.profiles.salesManager, name: "Sales Manager" } }] } }), LATENCY_MS),
        ),
    };
    const users = mock.handle({ method: "GET", path: "/crm/v8/users", query: { type: "AllUsers" }, userId: actingUser }).body.users;
    const candidates = candidateIds.map((id) => {
      const user = users.find((entry) => entry.id === id);
      return { id, name: user.full_name, active: true, confirmed: true };
    });
    const bulk = new BulkModel(port, "Deals", ids);
    await bulk.load();
    const model = new DistributeModel(port, "Deals", bulk);
    const started = performance.now();
    void model.prepare();
    for (const candidate of candidates) model.toggle(candidate);
    await until(() => model.plan.value !== null, 60, "the plan");
    const planned = performance.now() - started;
    const checksAtPlan = counts.record;
    await until(() => model.checksSettled.value, 120, "every per-record check");
    return { planned, settled: performance.now() - started, counts, checksAtPlan, plan: model.plan.value };
  }

  const plain = await run(TEAM_CANDIDATES);
  if (plain.plan.assignee.size !== DISTRIBUTE_RECORDS) throw new BenchError(`the plan gave ${plain.plan.assignee.size} of ${DISTRIBUTE_RECORDS} records a new owner`);
  // Carla's threshold (the first Deals one) has exclude criteria: every fourth deal is excluded from it.
  const withExclude = await run([...TEAM_CANDIDATES.slice(0, 19), SEED.users.carla]);
  return [
    ["distribute_plan_500_records_20_candidates_200ms", Math.round(plain.planned), "ms"],
    ["distribute_plan_500_records_20_candidates_capacity_checks", plain.counts.module, "calls"],
    ["distribute_plan_500_records_20_candidates_record_checks", plain.counts.record, "calls"],
    ["distribute_plan_500_records_1_exclude_candidate_first_plan_200ms", Math.round(withExclude.planned), "ms"],
    ["distribute_plan_500_records_1_exclude_candidate_all_checked_200ms", Math.round(withExclude.settled), "ms"],
    ["distribute_plan_500_records_1_exclude_candidate_record_checks", withExclude.counts.record, "calls"],
  ];
}

const CONSOLE_LOCKED = 10_000;
const CONSOLE_FILTER_REPEATS = 9;

/**
 * The locked-records console at scale: the mock seeded with 10,000 extra
 * locked records (SANDBOX_LOCKED), loaded page by page through the console's
 * own model (Zoho's search stops at 2,000 records per module, so the list
 * holds what can be listed), every record's details read, then each filter
 * changed in turn. Reported: how long a filter change takes to give the new
 * list, and the heap the loaded console holds.
 */
export async function consoleFigures() {
  await buildSandbox();
  const { createMockCrm, SEED } = await import(pathToFileURL(join(root, "sandbox/dist/server.mjs")).href);
  const { LockedRecordsModel, signal } = await loadWidgetCode(`export { LockedRecordsModel } from "./widget-src/features/locked-records/model";
export { signal } from "@preact/signals";`);
  const mock = createMockCrm({ lockedRecords: CONSOLE_LOCKED });
  const admin = SEED.users.admin;
  // Answers at once: this measures the browser's work, not the network.
  const port = {
    context: { module: "Deals", recordIds: [] },
    request: async (method, path, options = {}) => {
      const answer = mock.handle({ method, path: `/crm/v8${path}`, query: options.query ?? {}, body: options.body, userId: admin });
      const body = answer.body;
      return answer.status < 300
        ? { ok: true, value: { status: answer.status, body } }
        : { ok: false, error: { code: body?.code ?? "HTTP_ERROR", message: body?.message ?? "", details: body?.details ?? {}, status: answer.status } };
    },
  };
  const ready = (value) => signal({ status: "ready", value });
  const session = { user: ready({ id: admin, name: "Ada", profile: { id: SEED.profiles.administrator, name: "Administrator" } }), permissions: ready([]) };
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const model = new LockedRecordsModel(port, session);
  const modules = ["Deals", "Contacts", "Accounts", "Tasks"].map((apiName) => ({ apiName, label: apiName, rules: [] }));
  await model.load(modules);
  while (model.totals.value.more) await model.loadMore();
  const loaded = model.records.value.length;
  model.readAllDetails();
  await new Promise((resolve, reject) => {
    const deadline = setTimeout(() => reject(new BenchError("the console's details were not read within 60 s")), 60_000);
    const poll = setInterval(() => {
      if (model.unread.value === 0) {
        clearInterval(poll);
        clearTimeout(deadline);
        resolve();
      }
    }, 5);
  });
  const lockers = model.lockers.value;
  const changes = [
    { module: "Deals" },
    { module: "" },
    { source: "manual" },
    { source: "automatic" },
    { source: "" },
    { lockedBy: lockers[0]?.id ?? "" },
    { lockedBy: "" },
    { olderThanDays: 30 },
    { olderThanDays: null },
  ];
  const times = [];
  for (let repeat = 0; repeat < CONSOLE_FILTER_REPEATS; repeat += 1) {
    for (const change of changes) {
      const start = performance.now();
      model.setFilters(change);
      void model.filtered.value.records.length;
      times.push(performance.now() - start);
    }
  }
  global.gc?.();
  const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 1_048_576;
  const round = (ms) => Math.round(ms * 100) / 100;
  return [
    ["console_locked_records_listed", loaded, "records"],
    ["console_filter_change_median", round(median(times)), "ms"],
    ["console_filter_change_max", round(Math.max(...times)), "ms"],
    ["console_heap_with_details", Math.round(heapMb * 10) / 10, "MiB"],
  ];
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function messageOf(error) {
  return error instanceof Error ? error.message.split("\n")[0] : String(error);
}

const print = (figures) => {
  for (const [name, value, unit] of figures) console.log(`${name}: ${value} ${unit}`);
};

const GROUPS = {
  bundle: bundleFigures,
  picker: pickerFigures,
  owner: ownerCheckFigures,
  "owner-distribute": distributeFigures,
  console: consoleFigures,
  pages: pageFigures,
};
const only = process.argv[2];
try {
  if (only === "compare") {
    const [page, dirA, dirB, pairs = "12"] = process.argv.slice(3);
    if (!PAGE_RUNS[page] || !dirA || !dirB) throw new BenchError("usage: npm run bench -- compare <record|list|settings> <dirA> <dirB> [pairs]");
    print(await compareBuilds(page, [dirA, dirB], Number(pairs)));
  } else {
    for (const [name, figures] of Object.entries(GROUPS)) {
      // `npm run bench -- record` (or list, settings) measures that page only.
      if (!only || name.includes(only)) print(await figures());
      else if (name === "pages" && Object.keys(PAGE_RUNS).some((page) => page.includes(only))) print(await figures(only));
    }
  }
} catch (error) {
  console.error(`bench: ${error instanceof BenchError ? error.message : (error?.stack ?? error)}`);
  process.exit(1);
}
