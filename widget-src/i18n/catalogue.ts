/**
 * What `import "catalogue:<prefix>"` stands for outside the build. A part of
 * the widget that loads on demand imports the catalogues it shows (one key
 * prefix each, e.g. `import "catalogue:owner"`); the build turns each into
 * that prefix's English strings, less those the page's first paint carries
 * (PAGES in scripts/build.mjs). In tests the whole English catalogue is
 * loaded already (i18n/messages.ts), so vitest.config.ts points every
 * `catalogue:` import here, and it adds nothing.
 */
export {};
