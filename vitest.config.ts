import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// One project per test layer. `npm test` builds the app, then runs every layer
// in one pass: two files at a time, so a browser test's waits on Chromium
// leave room for another file (Vitest would use one worker on a 2-core CI machine).
export default defineConfig({
  esbuild: { jsx: "automatic", jsxImportSource: "preact" },
  resolve: {
    // Tests load the whole English catalogue, so a part's `import "catalogue:owner"` brings nothing (i18n/catalogue.ts).
    alias: [{ find: /^catalogue:.*$/, replacement: fileURLToPath(new URL("./widget-src/i18n/catalogue.ts", import.meta.url)) }],
  },
  test: {
    maxWorkers: 2,
    // The Node layers (unit, sandbox, e2e) run in forks that are kept from file to file (isolate: false), so
    // the widget's modules, the sandbox and Playwright load once per fork instead of once per file. A test
    // there that changes shared state (a global, an environment variable, the locale, fake timers) must put
    // it back in afterEach. The component layer runs in threads, each file in a fresh one (its files share a
    // DOM), and after the others (groupOrder): two pools at once would run four files on two cores.
    poolOptions: { forks: { isolate: false }, threads: { isolate: true } },
    projects: [
      { extends: true, test: { name: "unit", include: ["test/unit/**/*.test.ts"], environment: "node" } },
      {
        extends: true,
        test: {
          name: "component",
          include: ["test/component/**/*.test.tsx"],
          environment: "happy-dom",
          pool: "threads",
          sequence: { groupOrder: 1 },
          // Stylesheets do not matter here, and there is no server to load them from.
          environmentOptions: { happyDOM: { settings: { disableCSSFileLoading: true, handleDisabledFileLoadingAsSuccess: true } } },
        },
      },
      { extends: true, test: { name: "sandbox", include: ["test/sandbox/**/*.test.ts"], environment: "node" } },
      {
        extends: true,
        test: {
          name: "e2e",
          include: ["test/e2e/**/*.test.ts"],
          environment: "node",
          // Each step fails after 10 s (support.ts); a whole test may take longer when another file shares the CPU.
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
