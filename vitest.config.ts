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
    projects: [
      // The Node layers (unit, sandbox, e2e) share one module graph per worker (isolate: false): loading the
      // widget's modules, the sandbox and Playwright once per worker instead of once per file takes about 45 s
      // off a run. So a test there that changes shared state (a global, an environment variable, the locale,
      // fake timers) must put it back in afterEach. The component layer stays isolated: its files share a DOM.
      { extends: true, test: { name: "unit", include: ["test/unit/**/*.test.ts"], environment: "node", isolate: false } },
      {
        extends: true,
        test: {
          name: "component",
          include: ["test/component/**/*.test.tsx"],
          environment: "happy-dom",
          // Stylesheets do not matter here, and there is no server to load them from.
          environmentOptions: { happyDOM: { settings: { disableCSSFileLoading: true, handleDisabledFileLoadingAsSuccess: true } } },
        },
      },
      { extends: true, test: { name: "sandbox", include: ["test/sandbox/**/*.test.ts"], environment: "node", isolate: false } },
      {
        extends: true,
        test: {
          name: "e2e",
          include: ["test/e2e/**/*.test.ts"],
          environment: "node",
          isolate: false,
          // Each step fails after 10 s (support.ts); a whole test may take longer when another file shares the CPU.
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
