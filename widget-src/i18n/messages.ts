/**
 * The message catalogue. English lives in app/translations/en.json (the ZET
 * convention) and is bundled; German and Japanese load once, when the CRM
 * user's locale asks for them. English is the fallback for every key.
 *
 * The build gives each page only the English strings its first paint
 * declares (PAGES in scripts/build.mjs); parts opened on demand bring theirs
 * with `import "catalogue:<prefix>"` (see i18n/catalogue.ts), and error
 * strings load with the first error (see i18n/error-message.ts). Views
 * re-render when strings arrive, because `t` reads a signal.
 */
import { signal } from "@preact/signals";
import en from "../../app/translations/en.json";

export type MessageKey = keyof typeof en;
export type MessageParams = Record<string, string | number>;
/**
 * A counted message: the catalogue holds one key per plural form the
 * language needs (`key#one`, `key#other`, … as Intl.PluralRules names them),
 * and `t(key, { count })` picks the form.
 */
export type PluralKey = { [K in MessageKey]: K extends `${infer Base}#other` ? Base : never }[MessageKey];

/** The languages the widget speaks besides English (ISO 639-1, as Zoho locales begin). */
export const LANGUAGES = ["en", "de", "ja"] as const;
export type Language = (typeof LANGUAGES)[number];

const english: Record<string, string> = { ...en };
let translated: Record<string, string> = {};
/** Bumped whenever strings arrive, so every view that used `t` renders again. */
const version = signal(0);
let language: Language = "en";
let numberLocale: string | undefined;

const loaders: Record<Exclude<Language, "en">, () => Promise<{ default: Record<string, string> }>> = {
  de: () => import("../../app/translations/de.json"),
  ja: () => import("../../app/translations/ja.json"),
};

/** Starts fetching a language's strings ahead of applyLocale, which then finds them loaded (the module is fetched once). */
export function prefetchLanguage(wanted: Language | undefined): void {
  if (wanted && wanted !== "en") loaders[wanted]().catch(() => undefined);
}

/** A message in the user's language; a counted one (PluralKey) in the form its `count` needs. */
export function t(key: MessageKey | PluralKey, params: MessageParams = {}): string {
  return lookup(key, params) ?? key;
}

/** For keys built at run time (error codes); undefined when the key is absent. */
export function lookup(key: string, params: MessageParams = {}): string | undefined {
  void version.value;
  const count = params.count;
  const template =
    translated[key] ??
    english[key] ??
    (typeof count === "number" ? (find(`${key}#${pluralForm(count)}`) ?? find(`${key}#other`)) : undefined);
  return template === undefined ? undefined : fill(template, params);
}

const find = (key: string): string | undefined => translated[key] ?? english[key];

/** "one", "other", … : the plural form the language uses for `count` (Intl.PluralRules). */
function pluralForm(count: number): string {
  try {
    return new Intl.PluralRules(language).select(count);
  } catch {
    return "other";
  }
}

/** English strings that arrived with a part of the widget loaded on demand. */
export function addMessages(strings: Record<string, string>): void {
  Object.assign(english, strings);
  version.value++;
}

/** The language for a Zoho locale ("de_DE", "ja_JP", "en_GB"); English when we do not speak it. */
export function languageOf(zohoLocale: string | undefined): Language {
  const code = zohoLocale?.slice(0, 2).toLowerCase();
  return LANGUAGES.find((candidate) => candidate === code) ?? "en";
}

export function currentLanguage(): Language {
  return language;
}

/**
 * Switches to the user's language. Numbers follow the full locale (de_CH
 * groups digits differently from de_DE). If the strings cannot load, the
 * widget stays in English rather than failing.
 */
export async function applyLocale(zohoLocale: string | undefined, bcp47?: string): Promise<Language> {
  numberLocale = bcp47;
  const wanted = languageOf(zohoLocale);
  if (wanted !== "en") {
    try {
      translated = (await loaders[wanted]()).default;
      language = wanted;
    } catch {
      translated = {};
      language = "en";
    }
  } else {
    translated = {};
    language = "en";
  }
  if (typeof document !== "undefined") document.documentElement.lang = language;
  version.value++;
  return language;
}

/** Right-to-left letters and direction controls: a name with them could reorder the sentence around it. */
const BIDI = /[\u0590-\u08FF\u200E\u200F\u202A-\u202E\u2066-\u2069\uFB1D-\uFDFF\uFE70-\uFEFF]/;

function fill(template: string, params: MessageParams): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) => {
    const value = params[name];
    if (value === undefined) return match;
    if (typeof value === "number") return formatNumber(value);
    // Isolated (FSI … PDI), so its direction stays inside it.
    return BIDI.test(value) ? `\u2068${value}\u2069` : value;
  });
}

/** A number as the user writes it (grouping, digits), for numbers shown outside a sentence. */
export function formatNumber(value: number): string {
  // Until the user's locale is known a number is written in one of our own languages, and English, German and
  // Japanese all write a whole number below 1000 as plain digits. A page's first render (the list view's "3
  // selected") so skips the browser's number data, which costs 20–50 ms to load before its reads leave.
  if (!numberLocale && Number.isInteger(value) && value > -1000 && value < 1000) return String(value);
  try {
    return new Intl.NumberFormat(numberLocale ?? language).format(value);
  } catch {
    return String(value);
  }
}
