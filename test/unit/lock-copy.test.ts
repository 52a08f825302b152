import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { withEditRestricted, type LockConfig, type LockingRule } from "../../widget-src/api/locking-configurations";
import { copyConfiguration, fieldRefs, type CopyTarget, type FieldKey } from "../../widget-src/features/lock-settings/copy";
import { criteriaToJson } from "../../widget-src/features/lock-settings/criteria";
import { postBody } from "../../widget-src/features/lock-settings/diff";

const ADMIN = { id: "5725767000000026011", name: "Administrator" };
const dealsField = (apiName: string, n: number, label = apiName.replace(/_/g, " ")): FieldKey => ({ apiName, id: `57257670000001030${String(n).padStart(2, "0")}`, label });
const leadsField = (apiName: string, n: number): FieldKey => ({ apiName, id: `57257670000001031${String(n).padStart(2, "0")}`, label: apiName });

const DEALS_FIELDS = [dealsField("Stage", 1, "Deal stage"), dealsField("Amount", 2), dealsField("Description", 3), dealsField("Email", 4)];
const LEADS_FIELDS = [leadsField("Description", 1), leadsField("Email", 2), leadsField("Lead_Status", 3)];
const fieldOf = (fields: FieldKey[], apiName: string) => fields.find((field) => field.apiName === apiName)!;
const ref = (fields: FieldKey[], apiName: string) => ({ api_name: apiName, id: fieldOf(fields, apiName).id });

const INVOICE = { id: "5725767000000519001", name: "Generate Invoice" };
const SIGN = { id: "5725767000000519002", name: "Send for Signature" };

function deals(changes: Partial<LockConfig> = {}): LockConfig {
  return {
    id: "5725767000000417001",
    lockType: "both",
    lockedFor: "all_profiles_except_excluded_profiles",
    excludedProfiles: [ADMIN],
    excludedFields: [{ apiName: "Description", id: fieldOf(DEALS_FIELDS, "Description").id }, { apiName: "Amount" }],
    restrictedActions: ["update", "delete", "change_owner"],
    restrictedCommunications: ["send_mail"],
    restrictedCustomButtons: [INVOICE, SIGN],
    lockForPortalUsers: false,
    rules: [
      { id: "5725767000000417011", name: "Closed deals", lockExistingRecords: true, criteria: { comparator: "equal", field: ref(DEALS_FIELDS, "Stage"), value: "Closed Won" } },
      { id: "5725767000000417012", name: "Known e-mail", lockExistingRecords: false, criteria: { comparator: "equal", field: ref(DEALS_FIELDS, "Email"), value: "a@example.test" } },
    ],
    systemDefined: false,
    modifiedTime: "2026-01-01T10:00:00+00:00",
    ...changes,
  };
}

const leads = (buttons: CopyTarget["buttons"] = []): CopyTarget => ({ fields: LEADS_FIELDS, buttons });

describe("copyConfiguration", () => {
  it("keeps what the target has, under the target's ids, and lists the rest in the source's words", () => {
    const { config, dropped } = copyConfiguration(deals(), leads([{ id: "5725767000000519101", name: "Send for Signature" }]), DEALS_FIELDS);
    expect(config.excludedFields).toEqual([{ apiName: "Description", id: fieldOf(LEADS_FIELDS, "Description").id }]);
    expect(config.rules.map((rule) => [rule.name, rule.id, rule.lockExistingRecords, criteriaToJson(rule.criteria)])).toEqual([
      ["Known e-mail", undefined, false, { comparator: "equal", field: ref(LEADS_FIELDS, "Email"), value: "a@example.test" }],
    ]);
    // A button is matched by name: ids belong to one module.
    expect(config.restrictedCustomButtons).toEqual([{ id: "5725767000000519101", name: "Send for Signature" }]);
    expect(dropped).toEqual([
      { kind: "field", field: { apiName: "Amount", label: "Amount" } },
      { kind: "rule", name: "Closed deals", missing: [{ apiName: "Stage", label: "Deal stage" }] },
      { kind: "button", name: "Generate Invoice", reason: "missing" },
    ]);
    // Always copied.
    expect(config).toMatchObject({
      lockType: "both",
      lockedFor: "all_profiles_except_excluded_profiles",
      excludedProfiles: [ADMIN],
      restrictedActions: ["update", "delete", "change_owner"],
      restrictedCommunications: ["send_mail"],
      lockForPortalUsers: false,
    });
  });

  it("leaves manual locking when no rule is left of 'manual and automatic', and says so", () => {
    const { config, dropped } = copyConfiguration(deals({ rules: [deals().rules[0]!] }), leads(), DEALS_FIELDS);
    expect(config.lockType).toBe("manual");
    expect(config.rules).toEqual([]);
    expect(dropped).toContainEqual({ kind: "automatic" });
    expect(postBody(config)).toMatchObject({ lock_type: "manual" });
    expect(postBody(config)).not.toHaveProperty("locking_rules");
  });

  it("keeps 'automatic' without rules as it is (the review then says it cannot be sent)", () => {
    const { config, dropped } = copyConfiguration(deals({ lockType: "automatic", rules: [deals().rules[0]!] }), leads(), DEALS_FIELDS);
    expect(config.lockType).toBe("automatic");
    expect(dropped).not.toContainEqual({ kind: "automatic" });
  });

  it("says buttons were dropped because the target's could not be read, not because it lacks them", () => {
    const { config, dropped } = copyConfiguration(deals(), { fields: LEADS_FIELDS, buttons: undefined }, DEALS_FIELDS);
    expect(config.restrictedCustomButtons).toEqual([]);
    expect(dropped.filter((entry) => entry.kind === "button")).toEqual([
      { kind: "button", name: "Generate Invoice", reason: "unreadable" },
      { kind: "button", name: "Send for Signature", reason: "unreadable" },
    ]);
  });

  it("finds a field named only by id through the source's fields, and drops a rule whose field it cannot name", () => {
    const byId = { comparator: "equal", field: { id: fieldOf(DEALS_FIELDS, "Email").id }, value: "x" };
    const unknown = { comparator: "equal", field: { id: "5725767000000999999" }, value: "y" };
    const source = deals({
      rules: [
        { id: "5725767000000417021", name: "By id", lockExistingRecords: false, criteria: byId },
        { id: "5725767000000417022", name: "Unknown", lockExistingRecords: false, criteria: unknown },
      ],
    });
    const { config, dropped } = copyConfiguration(source, leads(), DEALS_FIELDS);
    expect(config.rules.map((rule) => criteriaToJson(rule.criteria))).toEqual([{ comparator: "equal", field: ref(LEADS_FIELDS, "Email"), value: "x" }]);
    expect(dropped).toContainEqual({ kind: "rule", name: "Unknown", missing: [{ apiName: "#5725767000000999999", label: "#5725767000000999999" }] });
  });

  it("looks into nested groups and criteria the editor cannot show, and names each missing field once", () => {
    const criteria = {
      group_operator: "or",
      group: [
        { comparator: "equal", field: { api_name: "Stage" }, value: "A" },
        { odd: [{ field: { api_name: "Stage", extra: 1 } }], field: { api_name: "Amount" } },
      ],
      note: "kept",
    };
    const { dropped } = copyConfiguration(deals({ rules: [{ id: "5725767000000417031", name: "Deep", lockExistingRecords: false, criteria }] }), leads(), DEALS_FIELDS);
    expect(dropped).toContainEqual({
      kind: "rule",
      name: "Deep",
      missing: [
        { apiName: "Stage", label: "Deal stage" },
        { apiName: "Amount", label: "Amount" },
      ],
    });
  });

  it("leaves the source as it was", () => {
    const source = deals();
    const before = JSON.stringify(source);
    copyConfiguration(source, leads(), DEALS_FIELDS);
    expect(JSON.stringify(source)).toBe(before);
  });
});

// ---------------------------------------------------------------- properties

const POOL = ["Stage", "Amount", "Description", "Email", "Phone", "Type", "Lead_Status", "Owner", "__proto__"];
const SOURCE_FIELDS = POOL.map((apiName, index) => dealsField(apiName, index + 1));
const BUTTON_POOL = ["Generate Invoice", "Send for Signature", "Sync to ERP", "Send Survey"];

const fieldRefArb = fc.constantFrom(...SOURCE_FIELDS).chain((field) =>
  fc.constantFrom<Record<string, unknown>>({ api_name: field.apiName }, { api_name: field.apiName, id: field.id }, { id: field.id }),
);
const conditionArb = fc.record({
  comparator: fc.constantFrom("equal", "not_equal", "greater_than"),
  field: fieldRefArb,
  value: fc.oneof(fc.string({ maxLength: 6 }), fc.integer()),
});
const criteriaArb: fc.Arbitrary<unknown> = fc.letrec<{ node: unknown }>((tie) => ({
  node: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    conditionArb,
    fc.record({ group_operator: fc.constantFrom("AND", "OR", "and"), group: fc.array(tie("node"), { minLength: 1, maxLength: 3 }) }),
    // Shapes the editor cannot show: kept as they are, but their fields still count.
    fc.record({ wrapper: fc.array(tie("node"), { maxLength: 2 }), note: fc.string({ maxLength: 4 }) }),
  ),
})).node;

const ruleArb = (index: number): fc.Arbitrary<LockingRule> =>
  fc.record({ lockExistingRecords: fc.boolean(), criteria: criteriaArb }).map((rule) => ({ ...rule, id: `57257670000004170${String(index).padStart(2, "0")}`, name: `Rule ${index}` }));

const subset = <T>(items: readonly T[]) => fc.subarray([...items]);

const sourceArb: fc.Arbitrary<LockConfig> = fc.record({
  lockType: fc.constantFrom("manual", "automatic", "both") as fc.Arbitrary<LockConfig["lockType"]>,
  lockedFor: fc.constantFrom("all_profiles", "all_profiles_except_excluded_profiles") as fc.Arbitrary<LockConfig["lockedFor"]>,
  excludedProfiles: subset([ADMIN, { id: "5725767000000026014", name: "Sales" }]),
  excludedFields: subset(SOURCE_FIELDS).chain((fields) => fc.tuple(...fields.map((field) => fc.constantFrom({ apiName: field.apiName }, { apiName: field.apiName, id: field.id })))),
  restrictedActions: subset(["update", "delete", "tags", "change_owner", "convert"]),
  restrictedCommunications: subset(["send_mail", "send_survery", "send_portal_invitation"]),
  restrictedCustomButtons: subset(BUTTON_POOL.map((name, index) => ({ id: `57257670000005190${index + 1}`, name }))),
  lockForPortalUsers: fc.boolean(),
  rules: fc.integer({ min: 0, max: 5 }).chain((count) => fc.tuple(...Array.from({ length: count }, (_, index) => ruleArb(index + 1)))),
}).map((config) => ({ ...config, id: "5725767000000417001", systemDefined: false }));

const targetArb: fc.Arbitrary<CopyTarget> = fc.record({
  fields: subset(POOL).map((names) => names.map((apiName, index) => leadsField(apiName, index + 1))),
  buttons: fc.option(subset(BUTTON_POOL).map((names) => names.map((name, index) => ({ id: `57257670000005191${index + 1}`, name }))), { nil: undefined }),
});

/** The api name a reference in a generated criteria means. */
const meant = (field: Record<string, unknown>) => (typeof field.api_name === "string" ? field.api_name : SOURCE_FIELDS.find((candidate) => candidate.id === field.id)!.apiName);

/** What a kept rule's criteria must be: the source's, with each field reference naming the target's field. */
function expectedCriteria(criteria: unknown, target: CopyTarget): unknown {
  if (Array.isArray(criteria)) return criteria.map((item) => expectedCriteria(item, target));
  if (typeof criteria !== "object" || criteria === null) return criteria;
  return Object.fromEntries(
    Object.entries(criteria).map(([key, value]) => {
      if (key !== "field" || typeof value !== "object" || value === null) return [key, expectedCriteria(value, target)];
      const field = target.fields.find((candidate) => candidate.apiName === meant(value as Record<string, unknown>))!;
      return [key, { api_name: field.apiName, id: field.id }];
    }),
  );
}

describe("copyConfiguration, for any configuration and target", () => {
  it("lets nothing through that names a field or button the target lacks", () => {
    fc.assert(
      fc.property(sourceArb, targetArb, (source, target) => {
        const { config } = copyConfiguration(source, target, SOURCE_FIELDS);
        const targetIds = new Map(target.fields.map((field) => [field.apiName, field.id]));
        for (const field of config.excludedFields) expect(field.id).toBe(targetIds.get(field.apiName));
        for (const rule of config.rules) {
          for (const field of fieldRefs(criteriaToJson(rule.criteria))) expect(field.id).toBe(targetIds.get(field.api_name as string));
        }
        for (const button of config.restrictedCustomButtons) expect(target.buttons).toContainEqual(button);
      }),
    );
  });

  it("keeps everything else, and lists exactly what it dropped, in order", () => {
    fc.assert(
      fc.property(sourceArb, targetArb, (source, target) => {
        const { config, dropped } = copyConfiguration(source, target, SOURCE_FIELDS);
        const has = (apiName: string) => target.fields.some((field) => field.apiName === apiName);

        expect(config.excludedFields.map((field) => field.apiName)).toEqual(source.excludedFields.map((field) => field.apiName).filter(has));
        expect(dropped.flatMap((entry) => (entry.kind === "field" ? [entry.field.apiName] : []))).toEqual(
          source.excludedFields.map((field) => field.apiName).filter((apiName) => !has(apiName)),
        );

        const missingOf = (rule: LockingRule) => [...new Set(fieldRefs(rule.criteria).map(meant))].filter((apiName) => !has(apiName));
        const kept = source.rules.filter((rule) => missingOf(rule).length === 0);
        expect(config.rules.map((rule) => [rule.name, rule.lockExistingRecords, criteriaToJson(rule.criteria)])).toEqual(
          kept.map((rule) => [rule.name, rule.lockExistingRecords, expectedCriteria(rule.criteria, target)]),
        );
        expect(dropped.flatMap((entry) => (entry.kind === "rule" ? [[entry.name, entry.missing.map((field) => field.apiName)]] : []))).toEqual(
          source.rules.filter((rule) => missingOf(rule).length > 0).map((rule) => [rule.name, missingOf(rule)]),
        );

        const buttonKept = (name: string) => target.buttons?.some((button) => button.name === name) ?? false;
        expect(config.restrictedCustomButtons.map((button) => button.name)).toEqual(source.restrictedCustomButtons.map((button) => button.name).filter(buttonKept));
        expect(dropped.flatMap((entry) => (entry.kind === "button" ? [[entry.name, entry.reason]] : []))).toEqual(
          source.restrictedCustomButtons
            .filter((button) => !buttonKept(button.name))
            .map((button) => [button.name, target.buttons ? "missing" : "unreadable"]),
        );

        expect(config.lockedFor).toBe(source.lockedFor);
        expect(config.excludedProfiles).toEqual(source.excludedProfiles);
        expect(config.restrictedActions).toEqual(withEditRestricted(source.restrictedActions));
        expect(config.restrictedCommunications).toEqual(source.restrictedCommunications);
        expect(config.lockForPortalUsers).toBe(source.lockForPortalUsers);
        const automaticLost = source.lockType === "both" && source.rules.length > 0 && kept.length === 0;
        expect(config.lockType).toBe(automaticLost ? "manual" : source.lockType);
        expect(dropped.some((entry) => entry.kind === "automatic")).toBe(automaticLost);
      }),
    );
  });

  it("copies everything to a module with the same fields and buttons", () => {
    fc.assert(
      fc.property(sourceArb, (source) => {
        const twin: CopyTarget = { fields: SOURCE_FIELDS, buttons: BUTTON_POOL.map((name, index) => ({ id: `57257670000005190${index + 1}`, name })) };
        const { config, dropped } = copyConfiguration(source, twin, SOURCE_FIELDS);
        expect(dropped).toEqual([]);
        expect(config.rules).toHaveLength(source.rules.length);
        expect(config.lockType).toBe(source.lockType);
      }),
    );
  });
});
