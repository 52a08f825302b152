/**
 * "Apply to other modules…": one module's record-locking configuration as a
 * draft for another module. Pure.
 *
 * What does not depend on the module is copied as it is: the lock type, who
 * it applies to and the exempt profiles (profiles belong to the org), the
 * blocked actions and communications, and portal users. What names a field
 * or a button is kept only where the target has one of the same api name
 * (buttons: the same id or name), with the target's own id; anything else is
 * dropped and said so. Rules are kept or dropped whole: a rule missing one of
 * its fields would lock other records than the admin chose.
 */
import { withEditRestricted, type LockConfig } from "../../api/locking-configurations";
import { isRecord } from "../../crm/result";
import { criteriaFromJson } from "./criteria";
import type { ConfigDraft, RuleDraft } from "./types";

/** A field as the copy needs it: its api name (the match) and id (what the target knows it by). */
export interface FieldKey {
  id: string;
  apiName: string;
  label?: string;
}

export interface CopyTarget {
  /** Every field of the target module. */
  fields: readonly FieldKey[];
  /** The target's custom buttons; undefined when they could not be read. */
  buttons: readonly { id: string; name: string }[] | undefined;
}

/** A field named in the source: by api name, with its label in the source module when known. */
export interface FieldName {
  apiName: string;
  label: string;
}

/** Something of the source configuration the target cannot take. */
export type Dropped =
  /** A field that stays editable. */
  | { kind: "field"; field: FieldName }
  /** A rule, with the fields of its criteria the target lacks. */
  | { kind: "rule"; name: string; missing: FieldName[] }
  /** A blocked custom button: the target has none by that name, or its buttons could not be read. */
  | { kind: "button"; name: string; reason: "missing" | "unreadable" }
  /** "Manual and automatic" without a rule left: only manual locking remains. */
  | { kind: "automatic" };

export interface CopyResult {
  config: ConfigDraft;
  dropped: Dropped[];
}

/**
 * `source` as a draft for the target. `sourceFields` (the source module's
 * fields) give the labels the dropped list shows, and the api name of a
 * criteria field named only by id.
 */
export function copyConfiguration(source: LockConfig, target: CopyTarget, sourceFields: readonly FieldKey[] = []): CopyResult {
  const targetByName = new Map(target.fields.map((field) => [field.apiName, field]));
  const sourceById = new Map(sourceFields.map((field) => [field.id, field]));
  const labelOf = (apiName: string) => sourceFields.find((field) => field.apiName === apiName)?.label ?? apiName;
  const dropped: Dropped[] = [];

  const excludedFields = source.excludedFields.flatMap((field) => {
    const match = targetByName.get(field.apiName);
    if (match) return [{ apiName: match.apiName, id: match.id }];
    dropped.push({ kind: "field", field: { apiName: field.apiName, label: labelOf(field.apiName) } });
    return [];
  });

  const rules: RuleDraft[] = [];
  for (const rule of source.rules) {
    const refs = fieldRefs(rule.criteria).map((ref) => apiNameOf(ref, sourceById));
    const missing = unique(refs.filter((apiName) => !targetByName.has(apiName)));
    if (missing.length > 0) {
      dropped.push({ kind: "rule", name: rule.name, missing: missing.map((apiName) => ({ apiName, label: labelOf(apiName) })) });
      continue;
    }
    const criteria = rewriteFields(rule.criteria, (ref) => {
      const field = targetByName.get(apiNameOf(ref, sourceById));
      return field ? { api_name: field.apiName, id: field.id } : ref;
    });
    rules.push({ key: `copy-${rules.length + 1}`, name: rule.name, lockExistingRecords: rule.lockExistingRecords, criteria: criteriaFromJson(criteria) });
  }

  const restrictedCustomButtons = source.restrictedCustomButtons.flatMap((button) => {
    if (!target.buttons) {
      dropped.push({ kind: "button", name: button.name, reason: "unreadable" });
      return [];
    }
    const match = target.buttons.find((candidate) => candidate.id === button.id) ?? target.buttons.find((candidate) => candidate.name.trim() === button.name.trim());
    if (match) return [{ id: match.id, name: match.name }];
    dropped.push({ kind: "button", name: button.name, reason: "missing" });
    return [];
  });

  // Rules are the automatic half of "both": with none left, the target can only be locked by hand.
  const automaticLost = source.lockType === "both" && source.rules.length > 0 && rules.length === 0;
  if (automaticLost) dropped.push({ kind: "automatic" });

  return {
    config: {
      lockType: automaticLost ? "manual" : source.lockType,
      lockedFor: source.lockedFor,
      excludedProfiles: source.excludedProfiles.map(({ id, name }) => ({ id, name })),
      excludedFields,
      restrictedActions: withEditRestricted(source.restrictedActions),
      restrictedCommunications: [...source.restrictedCommunications],
      restrictedCustomButtons,
      lockForPortalUsers: source.lockForPortalUsers,
      rules,
    },
    dropped,
  };
}

type FieldRef = Record<string, unknown>;

/** Every field reference of criteria, in any nesting (conditions, groups, and JSON the editor cannot show): the object under a `field` key. */
export function fieldRefs(criteria: unknown): FieldRef[] {
  const found: FieldRef[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (isRecord(node)) {
      for (const [key, value] of Object.entries(node)) {
        if (key === "field" && isRecord(value)) found.push(value);
        else walk(value);
      }
    }
  };
  walk(criteria);
  return found;
}

/** The api name a reference means: its own, else that of the source field with its id; else its id as text (which no target has). */
function apiNameOf(ref: FieldRef, sourceById: ReadonlyMap<string, FieldKey>): string {
  if (typeof ref.api_name === "string" && ref.api_name !== "") return ref.api_name;
  const byId = typeof ref.id === "string" ? sourceById.get(ref.id) : undefined;
  return byId?.apiName ?? `#${String(ref.id ?? "")}`;
}

/**
 * A copy of `criteria` with every field reference replaced. Objects are
 * rebuilt with Object.fromEntries (define, not assign) so that a key such as
 * "__proto__" stays an ordinary key; the source is left untouched.
 */
function rewriteFields(criteria: unknown, replace: (ref: FieldRef) => FieldRef): unknown {
  if (Array.isArray(criteria)) return criteria.map((item) => rewriteFields(item, replace));
  if (!isRecord(criteria)) return criteria;
  return Object.fromEntries(
    Object.entries(criteria).map(([key, value]) => [key, key === "field" && isRecord(value) ? replace(value) : rewriteFields(value, replace)]),
  );
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
