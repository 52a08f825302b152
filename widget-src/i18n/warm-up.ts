/**
 * Starts the worker that loads the browser's formatting data on another
 * thread (warm-up-worker.ts). A page starts it once its first reads are out:
 * the worker's file then loads while they are, and its CPU does not compete
 * with the page's own start. Without it (a browser that refuses the worker,
 * a file that does not load) the first date only formats more slowly.
 */

/** Where the build writes the worker's script: beside the pages, so a page-relative name finds it. */
export const WARM_UP_SCRIPT = "intl-warmup.js";

export function warmUpFormatting(): void {
  try {
    new Worker(WARM_UP_SCRIPT);
  } catch {
    // Refused (a content security policy), or no workers at all: nothing is lost but the head start.
  }
}
