// Types of scripts/chromium.mjs, for the tests that import it.
export declare const CHROMIUM: string;
export declare function chromiumArgs(options?: { siteIsolation?: boolean; extra?: string[] }): string[];
