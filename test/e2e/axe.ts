/**
 * axe-core in the widget's frame. The widget pages run under a strict CSP
 * (script-src 'self' and Zoho's CDN), so axe is not added as a script tag:
 * its source is evaluated through the DevTools protocol, which the page's
 * CSP does not govern. Only the widget's own document is checked, never the
 * sandbox's host page around it.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Frame } from "playwright-core";
import type { AxeResults, Result } from "axe-core";

const require = createRequire(import.meta.url);
let source: string | undefined;

function axeSource(): string {
  source ??= readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
  return source;
}

/** WCAG 2.0 and 2.1, levels A and AA, plus axe's best practices (landmarks, headings, regions). */
export const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"];

export interface AxeViolation {
  id: string;
  impact: string | null | undefined;
  help: string;
  /** One line per failing element: its selector and axe's explanation. */
  nodes: string[];
}

function summarise(violation: Result): AxeViolation {
  return {
    id: violation.id,
    impact: violation.impact,
    help: violation.help,
    nodes: violation.nodes.map((node) => `${node.target.join(" ")}: ${node.failureSummary?.replace(/\s+/g, " ").trim() ?? ""}`),
  };
}

/** Runs axe over the frame's document and returns its violations, summarised. */
export async function axeViolations(frame: Frame): Promise<AxeViolation[]> {
  const loaded = await frame.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe === "object");
  if (!loaded) await frame.evaluate(axeSource());
  // No animation or transition half way through a contrast check.
  await frame.evaluate(() => {
    for (const animation of document.getAnimations()) {
      const timing = animation.effect?.getComputedTiming();
      if (timing && timing.iterations !== Infinity) animation.finish();
    }
  });
  const results = await frame.evaluate(
    (tags) =>
      (window as unknown as { axe: { run: (context: Document, options: object) => Promise<AxeResults> } }).axe.run(document, {
        runOnly: { type: "tag", values: tags },
        resultTypes: ["violations"],
      }),
    AXE_TAGS,
  );
  return results.violations.map(summarise);
}

/** Readable text for an assertion message. */
export function describeViolations(violations: AxeViolation[]): string {
  return violations
    .map((violation) => [`${violation.id} (${violation.impact}): ${violation.help}`, ...violation.nodes.map((node) => `  - ${node}`)].join("\n"))
    .join("\n");
}

/** The widget's two palettes (ui/tokens.css), picked by the data-theme attribute. */
const THEMES = ["day", "night"] as const;

/**
 * Collects the violations of every panel a test opens, in the day and the
 * night theme, so one run lists them all; a test then expects `text` to be
 * empty. Each panel is checked in both palettes in place (the test sets
 * data-theme, as the CRM's preference would), which halves the browser time.
 */
export class AxeReport {
  private readonly found: string[] = [];
  private checked = 0;

  async check(frame: Frame, panel: string): Promise<void> {
    this.checked += 1;
    const shown = await frame.evaluate(() => document.documentElement.dataset.theme);
    for (const theme of THEMES) {
      await frame.evaluate((name) => (document.documentElement.dataset.theme = name), theme);
      const violations = await axeViolations(frame);
      if (violations.length > 0) this.found.push(`[${theme}] ${panel}:\n${describeViolations(violations)}`);
    }
    await frame.evaluate((name) => (name ? (document.documentElement.dataset.theme = name) : delete document.documentElement.dataset.theme), shown);
  }

  /** How many panels were checked, so a test can show it checked what it meant to. */
  get panels(): number {
    return this.checked;
  }

  get text(): string {
    return this.found.join("\n\n");
  }
}
