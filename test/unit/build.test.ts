import { readFile, stat } from "node:fs/promises";
import { describe, expect, it } from "vitest";
// @ts-expect-error: a plain .mjs build script without type declarations
import { PAGES, SDK_URL, buildWidget, pageHtml } from "../../scripts/build.mjs";

type Page = { name: string; title: string };

describe("production pages", () => {
  it.each(PAGES as Page[])("$name.html loads only the pinned SDK and its own bundle", (page) => {
    const html: string = pageHtml(page);
    const scripts = [...html.matchAll(/<script[^>]*src="([^"]+)"/g)].map((match) => match[1]);
    expect(scripts).toEqual([SDK_URL, `${page.name}.js`]);
    expect(SDK_URL).toBe("https://live.zwidgets.com/js-sdk/1.5/ZohoEmbededAppSDK.min.js");
    expect(html).not.toMatch(/<script>(?!<)/);
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? "";
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self' https://live.zwidgets.com;");
    expect(csp).not.toMatch(/unsafe-(inline|eval)/);
  });

  it("builds fixed names into app/ and leaves ZET's translations alone", async () => {
    await buildWidget();
    for (const { name } of PAGES as Page[]) {
      for (const ext of ["html", "js", "css"]) expect((await stat(`app/${name}.${ext}`)).size).toBeGreaterThan(0);
    }
    const catalogue = JSON.parse(await readFile("app/translations/en.json", "utf8")) as Record<string, string>;
    expect(catalogue["lock.unlocked"]).toBe("Not locked");
  }, 30_000);
});
