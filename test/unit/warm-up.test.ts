import { afterEach, describe, expect, it, vi } from "vitest";
import { warmUpFormatting } from "../../widget-src/i18n/warm-up";

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("the formatting warm-up", () => {
  it("starts one worker from the script beside the page", () => {
    const started: unknown[][] = [];
    vi.stubGlobal("Worker", function Worker(...args: unknown[]) {
      started.push(args);
    });
    warmUpFormatting();
    expect(started).toEqual([["intl-warmup.js"]]);
  });

  it("costs the page nothing when the browser refuses the worker, or has none", () => {
    vi.stubGlobal("Worker", function Worker() {
      throw new DOMException("refused by the content security policy", "SecurityError");
    });
    expect(() => warmUpFormatting()).not.toThrow();
    vi.stubGlobal("Worker", undefined);
    expect(() => warmUpFormatting()).not.toThrow();
  });
});
