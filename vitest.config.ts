import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// One project per test layer; `npm test` runs unit, component and sandbox
// first and the browser tests (e2e) last, against a freshly built app.
export default defineConfig({
  esbuild: { jsx: "automatic", jsxImportSource: "preact" },
  resolve: {
    // Tests load the whole English catalogue, so a part's `import "catalogue:owner"` brings nothing (i18n/catalogue.ts).
    alias: [{ find: /^catalogue:.*$/, replacement: fileURLToPath(new URL("./widget-src/i18n/catalogue.ts", import.meta.url)) }],
  },
  test: {
    projects: [
      { extends: true, test: { name: "unit", include: ["test/unit/**/*.test.ts"], environment: "node" } },
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
      { extends: true, test: { name: "sandbox", include: ["test/sandbox/**/*.test.ts"], environment: "node" } },
      {
        extends: true,
        test: {
          name: "e2e",
          include: ["test/e2e/**/*.test.ts"],
          environment: "node",
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
