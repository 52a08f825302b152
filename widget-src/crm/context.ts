/**
 * The widget's place in CRM, from PageLoad. A detail-page button sends
 * `EntityId` as an array, a related list as a plain string, a web tab little
 * or nothing; all become one shape.
 */
import { isRecord } from "./result";

export interface WidgetContext {
  module?: string;
  recordIds: string[];
  buttonPosition?: string;
}

export function normaliseContext(data: unknown): WidgetContext {
  if (!isRecord(data)) return { recordIds: [] };
  const context: WidgetContext = { recordIds: readIds(data.EntityId) };
  if (typeof data.Entity === "string" && data.Entity !== "") context.module = data.Entity;
  if (typeof data.ButtonPosition === "string" && data.ButtonPosition !== "") {
    context.buttonPosition = data.ButtonPosition;
  }
  return context;
}

function readIds(value: unknown): string[] {
  const values = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  return values.flatMap((id) => {
    if (typeof id === "string" && /^\d+$/.test(id)) return [id];
    // A number is only trustworthy if it never exceeded float precision.
    if (typeof id === "number" && Number.isSafeInteger(id) && id > 0) return [String(id)];
    return [];
  });
}
