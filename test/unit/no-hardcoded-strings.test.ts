import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

/** Attributes a person reads or hears. */
const READ_ATTRIBUTES = new Set(["aria-label", "aria-description", "aria-roledescription", "aria-valuetext", "title", "placeholder", "alt", "label"]);
const WORDS = /\p{L}/u;

function tsxFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return tsxFiles(path);
    return entry.name.endsWith(".tsx") ? [path] : [];
  });
}

/** Text in the markup that does not come from the catalogue: JSX text, read attributes, literal children. */
function hardCodedStrings(fileName: string, source: string): string[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const where = (node: ts.Node) => `${fileName}:${file.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  const literalText = (node: ts.Node | undefined): string | undefined =>
    node && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) ? node.text : undefined;
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && WORDS.test(node.text)) found.push(`${where(node)} text "${node.text.trim()}"`);
    if (ts.isJsxAttribute(node) && READ_ATTRIBUTES.has(node.name.getText(file))) {
      const value = node.initializer;
      const text = literalText(value) ?? (value && ts.isJsxExpression(value) ? literalText(value.expression) : undefined);
      if (text !== undefined && WORDS.test(text)) found.push(`${where(node)} ${node.name.getText(file)}="${text}"`);
    }
    if (ts.isJsxExpression(node) && (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))) {
      const text = literalText(node.expression);
      if (text !== undefined && WORDS.test(text)) found.push(`${where(node)} child "${text}"`);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

describe("UI strings", () => {
  it("finds hard-coded text, attributes and literal children (the check itself)", () => {
    const sample = `const A = () => <p title="Close it" aria-label={"Shut"}>Hello {"there"} {t("app.close")} · {"—"}</p>;`;
    expect(hardCodedStrings("sample.tsx", sample)).toEqual([
      `sample.tsx:1 title="Close it"`,
      `sample.tsx:1 aria-label="Shut"`,
      `sample.tsx:1 text "Hello"`,
      `sample.tsx:1 child "there"`,
    ]);
  });

  it("come from the catalogue in every view", () => {
    const files = tsxFiles("widget-src");
    expect(files.length).toBeGreaterThan(20);
    expect(files.flatMap((path) => hardCodedStrings(path, readFileSync(path, "utf8")))).toEqual([]);
  });
});
