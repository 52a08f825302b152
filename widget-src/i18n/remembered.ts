/**
 * The language this browser last showed the widget in. The HTML cannot name
 * the user's strings file (the language is known only once the CRM answers),
 * so the page starts fetching the remembered one while its first reads are
 * out, instead of after they answer (entries/mount.tsx; README "Languages").
 * A wrong guess (another user on this browser) only fetches a file unused.
 */
import { LANGUAGES, type Language } from "./messages";

const KEY = "record-guard:language";

type LanguageStore = Pick<Storage, "getItem" | "setItem">;

/** This browser's local storage, or undefined where it is blocked (a third-party frame with storage off). */
export function localStore(): LanguageStore | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

export function rememberedLanguage(storage: LanguageStore | undefined): Language | undefined {
  try {
    const value = storage?.getItem(KEY);
    return LANGUAGES.find((language) => language === value);
  } catch {
    return undefined;
  }
}

export function rememberLanguage(storage: LanguageStore | undefined, language: Language): void {
  try {
    storage?.setItem(KEY, language);
  } catch {
    // Full or blocked: the next open fetches the strings after the user is known, as the first one did.
  }
}
