/** Dates in the CRM user's locale and time zone, through Intl. */

/** Zoho sends locales as "en_US"; Intl wants "en-US". */
export function toBcp47(zohoLocale: string | undefined): string | undefined {
  if (!zohoLocale) return undefined;
  const tag = zohoLocale.replace(/_/g, "-");
  try {
    return Intl.getCanonicalLocales(tag)[0];
  } catch {
    return undefined;
  }
}

export function formatDateTime(iso: string, locale?: string, timeZone?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const options: Intl.DateTimeFormatOptions = { dateStyle: "medium", timeStyle: "short" };
  try {
    return new Intl.DateTimeFormat(locale, timeZone ? { ...options, timeZone } : options).format(date);
  } catch {
    // An unknown time zone name must not hide the date.
    return new Intl.DateTimeFormat(locale, options).format(date);
  }
}
