/**
 * The script of the worker that i18n/warm-up.ts starts, built on its own as
 * app/intl-warmup.js (scripts/build.mjs). The browser loads its date and
 * number formatting data once per process, for every thread, so formatting
 * one date and one number here, while the page waits for the CRM, spares the
 * page's own first format that cost (20–50 ms on a slow machine).
 */
new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" }).format(0);
new Intl.NumberFormat().format(1);
close();

// A module for TypeScript (isolatedModules); the build makes it a plain script.
export {};
