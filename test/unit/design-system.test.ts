/**
 * The design system's rules, checked on the sources: colours and type sizes
 * live in ui/tokens.css; styles live with the primitives in widget-src/ui;
 * features and entries build their screens from those primitives, with no
 * class names of their own, no inline styles and no bare form controls.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

function files(dir: string, ending: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return files(path, ending);
    return entry.name.endsWith(ending) ? [path] : [];
  });
}

/** Classes from ui/base.css that any view may use on text. */
const TEXT_CLASSES = new Set(["muted", "small", "name", "visually-hidden"]);
/** Elements a primitive draws: a feature asks the primitive for them. */
const PRIMITIVE_ELEMENTS = new Set(["button", "input", "select", "textarea", "table", "svg", "fieldset", "dl", "progress"]);

/** What a view does that only a primitive may do: its own classes, inline styles, bare controls. */
function adHocStyling(fileName: string, source: string): string[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const where = (node: ts.Node) => `${fileName}:${file.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  const visit = (node: ts.Node) => {
    if (ts.isJsxOpeningElement(node) || ts.isJsxSelfClosingElement(node)) {
      const tag = node.tagName.getText(file);
      if (PRIMITIVE_ELEMENTS.has(tag)) found.push(`${where(node)} <${tag}>`);
      for (const attribute of node.attributes.properties) {
        if (!ts.isJsxAttribute(attribute)) continue;
        const name = attribute.name.getText(file);
        if (name === "style") found.push(`${where(attribute)} style=`);
        if (name === "class" || name === "className") {
          const value = attribute.initializer;
          const text = value && ts.isStringLiteral(value) ? value.text : undefined;
          if (text === undefined || !text.split(/\s+/).every((name) => TEXT_CLASSES.has(name))) found.push(`${where(attribute)} class=${value?.getText(file)}`);
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

const views = [...files("widget-src/features", ".tsx"), ...files("widget-src/entries", ".tsx")];
const stylesheets = files("widget-src", ".css");

describe("the design system", () => {
  it("finds a view's own classes, inline styles and bare controls (the check itself)", () => {
    const sample = `const A = () => <div class="panel" style={{ color: "red" }}><p class="muted">x</p><button onClick={go}>Go</button><Button>ok</Button></div>;`;
    expect(adHocStyling("sample.tsx", sample)).toEqual([`sample.tsx:1 class="panel"`, `sample.tsx:1 style=`, `sample.tsx:1 <button>`]);
  });

  it("keeps every stylesheet with the primitives in widget-src/ui", () => {
    expect(stylesheets.length).toBeGreaterThan(5);
    expect(stylesheets.filter((path) => !path.startsWith(join("widget-src", "ui")))).toEqual([]);
  });

  it("has colours, fonts, type sizes and radii only as tokens (ui/tokens.css)", () => {
    const outside = stylesheets.filter((path) => !path.endsWith("tokens.css"));
    const wrong = outside.flatMap((path) =>
      readFileSync(path, "utf8")
        .split("\n")
        .flatMap((line, index) => {
          const problems = [
            /#[0-9a-f]{3,8}\b|\b(?:rgba?|hsla?)\(/i.test(line) ? "a colour" : "",
            /font-size:(?!\s*var\()/.test(line) ? "a type size" : "",
            /font-family:/.test(line) ? "a font" : "",
            [...line.matchAll(/border-radius:([^;]*)/g)].some(([, value]) => !/^(\s*(var\(--[\w-]+\)|0))+\s*$/.test(value ?? "")) ? "a radius" : "",
          ].filter(Boolean);
          return problems.map((problem) => `${path}:${index + 1} ${problem}: ${line.trim()}`);
        }),
    );
    expect(wrong).toEqual([]);
  });

  it("builds every screen from the primitives: no view styles itself", () => {
    expect(views.length).toBeGreaterThan(20);
    expect(views.flatMap((path) => adHocStyling(path, readFileSync(path, "utf8")))).toEqual([]);
  });
});
