/** Values of a rule's conditions and of the record as a person reads them. Pure apart from the catalogue. */
import type { FieldInfo } from "../../api/fields";
import { isRecord, str } from "../../api/read";
import { formatDateTime } from "../../i18n/format";
import { formatNumber, t } from "../../i18n/messages";
import type { Actual } from "./evaluate";

/** The user's formats (Zoho's locale as BCP 47, and time zone). */
export interface Formatting {
  locale?: string;
  timeZone?: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const NUMERIC_TYPES = new Set(["currency", "double", "integer", "bigint", "decimal", "percent", "long"]);

/** A picklist's display value, a lookup's name, numbers and dates in the user's format; text as it is. */
export function showValue(value: unknown, field: FieldInfo | undefined, formatting: Formatting): string {
  if (typeof value === "number") return formatNumber(value);
  if (typeof value === "boolean") return value ? t("why.yes") : t("why.no");
  if (typeof value === "string") {
    const option = field?.picklist?.find((candidate) => candidate.value === value);
    if (option) return option.label;
    if (DATE_TIME.test(value)) return formatDateTime(value, formatting.locale, formatting.timeZone);
    if (DATE.test(value)) return formatDate(value, formatting.locale);
    return value;
  }
  if (Array.isArray(value)) return value.map((item) => showValue(item, field, formatting)).join(", ");
  if (isRecord(value)) return str(value.name) ?? str(value.id) ?? t("why.unreadable");
  return t("why.unreadable");
}

/** The rule's value; a number kept as text (as Zoho sends it) is shown as a number where the field holds numbers. */
export function showExpected(expected: unknown, field: FieldInfo | undefined, actual: Actual, formatting: Formatting): string {
  const numeric = (field && NUMERIC_TYPES.has(field.dataType)) || (actual.kind === "value" && typeof actual.value === "number");
  const number = typeof expected === "string" && expected.trim() !== "" ? Number(expected) : NaN;
  return numeric && Number.isFinite(number) ? formatNumber(number) : showValue(expected, field, formatting);
}

/** The record's value, or why there is none to show. */
export function showActual(actual: Actual, field: FieldInfo | undefined, formatting: Formatting): string {
  switch (actual.kind) {
    case "value":
      return showValue(actual.value, field, formatting);
    case "empty":
      return t("why.empty");
    default:
      return t("why.absent");
  }
}

/** A date without a time is a calendar day: shown as such, whatever the time zone. */
function formatDate(value: string, locale: string | undefined): string {
  try {
    return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" }).format(new Date(`${value}T00:00:00Z`));
  } catch {
    return value;
  }
}
