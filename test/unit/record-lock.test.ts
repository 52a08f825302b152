import { describe, expect, it } from "vitest";
import { decodeLockConfig, type LockConfig } from "../../widget-src/api/locking-configurations";
import type { LockState } from "../../widget-src/api/locking-info";
import { decodeWriteResult } from "../../widget-src/api/items";
import { decodeProfilePermissions, mayLock, mayShare } from "../../widget-src/api/profiles";
import { fail, ok } from "../../widget-src/crm/result";
import { deriveLockOffer } from "../../widget-src/features/record-lock/offer";
import { checkReason } from "../../widget-src/features/record-lock/reason";
import { describeRestrictions, fieldLabel } from "../../widget-src/features/record-lock/restrictions";
import { deriveLockStatus } from "../../widget-src/features/record-lock/status";
import { LOADING, type Load } from "../../widget-src/ui/load";
import { configBody, CONFIG_ID, RULE_ID, STANDARD_PROFILE, ADMIN_PROFILE, profileBody } from "../support/lock-fixtures";

const ready = <T>(value: T): Load<T> => ({ status: "ready", value });
const failed = (code: string, status?: number): Load<never> => ({
  status: "error",
  error: { code, message: "", details: {}, ...(status ? { status } : {}) },
});

function config(overrides: Record<string, unknown> = {}): LockConfig {
  const decoded = decodeLockConfig(ok({ status: 200, body: configBody(overrides) }));
  if (!decoded.ok || !decoded.value) throw new Error("fixture does not decode");
  return decoded.value;
}

const manual: LockState = { kind: "locked", lock: { id: "9", source: "manual", reason: "x" } };
const automatic = (ruleId?: string): LockState => ({
  kind: "locked",
  lock: { id: "9", source: "automatic", ...(ruleId ? { ruleId } : {}) },
});

describe("lock configuration decoder", () => {
  it("reads every key the widget uses", () => {
    expect(config()).toEqual({
      id: CONFIG_ID,
      lockType: "both",
      lockedFor: "all_profiles_except_excluded_profiles",
      excludedProfiles: [ADMIN_PROFILE],
      excludedFields: [{ apiName: "Closing_Date", id: "5725767000000500001" }],
      restrictedActions: ["update", "delete", "change_owner"],
      restrictedCommunications: ["send_mail"],
      restrictedCustomButtons: [{ id: "5725767000000600001", name: "Send for signature" }],
      lockForPortalUsers: true,
      rules: [{ id: RULE_ID, name: "Closed Won deals", lockExistingRecords: true, criteria: {} }],
      systemDefined: false,
      modifiedTime: "2026-01-01T10:00:00+00:00",
    });
  });

  it("accepts the singular locked_for spelling, nulls for lists, and always restricts edit", () => {
    const decoded = config({
      locked_for: "all_profiles_except_excluded_profile",
      restricted_actions: ["delete"],
      excluded_fields: null,
      restricted_custom_buttons: null,
    });
    expect(decoded.lockedFor).toBe("all_profiles_except_excluded_profiles");
    expect(decoded.restrictedActions).toEqual(["update", "delete"]);
    expect(decoded.excludedFields).toEqual([]);
  });

  it("reads 204 as 'no configuration' and refuses what it cannot read", () => {
    expect(decodeLockConfig(ok({ status: 204, body: undefined }))).toEqual({ ok: true, value: undefined });
    expect(decodeLockConfig(ok({ status: 200, body: configBody({ lock_type: "sometimes" }) })).ok).toBe(false);
    expect(decodeLockConfig(ok({ status: 200, body: { record_locking_configurations: [] } })).ok).toBe(false);
  });
});

describe("tool permissions from the profile", () => {
  const permissions = (enabled: boolean) => {
    const decoded = decodeProfilePermissions(ok({ status: 200, body: profileBody(STANDARD_PROFILE, enabled) }));
    if (!decoded.ok) throw new Error("profile not decoded");
    return decoded.value;
  };

  it("finds the module's Lock permission", () => {
    expect(mayLock(permissions(true), "Deals")).toBe(true);
    expect(mayLock(permissions(false), "Deals")).toBe(false);
    expect(mayLock(permissions(true), "Leads")).toBe(false);
  });

  it("finds the Share permission by name or by its label", () => {
    expect(mayShare([{ name: "Crm_Implied_Share", enabled: true }])).toBe(true);
    expect(mayShare([{ name: "Crm_Implied_Share", enabled: false }])).toBe(false);
    expect(mayShare([{ name: "Something_Else", label: "Share", enabled: true }])).toBe(true);
    expect(mayShare([{ name: "Deals_Share", label: "Share", module: "Deals", enabled: true }])).toBe(false);
    expect(mayShare([])).toBe(false);
  });

  it("refuses a profile without permissions_details", () => {
    expect(decodeProfilePermissions(ok({ status: 200, body: { profiles: [STANDARD_PROFILE] } })).ok).toBe(false);
  });
});

describe("single-item write answers", () => {
  it("accepts SUCCESS and returns its details", () => {
    const body = { data: [{ code: "SUCCESS", status: "success", message: "record added", details: { id: "7" } }] };
    expect(decodeWriteResult(ok({ status: 201, body }), "data")).toEqual(ok({ details: { id: "7" } }));
  });

  it("turns an item-level error into a typed error", () => {
    const body = { data: [{ code: "MANDATORY_NOT_FOUND", status: "error", message: "", details: { api_name: "x" } }] };
    expect(decodeWriteResult(ok({ body }), "data")).toMatchObject({ ok: false, error: { code: "MANDATORY_NOT_FOUND" } });
  });

  it("fails a multi-item write if any item failed, and accepts a single-object answer", () => {
    const mixed = {
      share: [
        { code: "SUCCESS", status: "success", message: "", details: {} },
        { code: "INVALID_DATA", status: "error", message: "already has access", details: {} },
      ],
    };
    expect(decodeWriteResult(ok({ status: 200, body: mixed }), "share")).toMatchObject({ ok: false, error: { code: "INVALID_DATA" } });
    const revoked = { share: { code: "SUCCESS", status: "success", message: "Sharing Revoked", details: { id: "1" } } };
    expect(decodeWriteResult(ok({ status: 200, body: revoked }), "share")).toEqual(ok({ details: { id: "1" } }));
  });

  it("never reads an empty or odd answer as success", () => {
    expect(decodeWriteResult(ok({ status: 200, body: undefined }), "data").ok).toBe(false);
    expect(decodeWriteResult(ok({ status: 200, body: { data: [{ code: "SUCCESS" }] } }), "data").ok).toBe(false);
    expect(decodeWriteResult(fail("TIMEOUT", "late"), "data")).toMatchObject({ ok: false, error: { code: "TIMEOUT" } });
  });
});

describe("lock status", () => {
  it("is loading, then unknown on error (never unlocked)", () => {
    expect(deriveLockStatus(LOADING, LOADING)).toEqual({ kind: "loading" });
    expect(deriveLockStatus(failed("INTERNAL_ERROR"), ready(config()))).toMatchObject({ kind: "unknown" });
  });

  it("is unlocked or not configured as read", () => {
    expect(deriveLockStatus(ready({ kind: "unlocked" }), LOADING)).toEqual({ kind: "unlocked" });
    expect(deriveLockStatus(ready({ kind: "notConfigured" }), LOADING)).toEqual({ kind: "notConfigured" });
  });

  it("is manual with the lock", () => {
    expect(deriveLockStatus(ready(manual), ready(config()))).toMatchObject({ kind: "manual", lock: { reason: "x" } });
  });

  it("names the rule of an automatic lock", () => {
    expect(deriveLockStatus(ready(automatic(RULE_ID)), ready(config()))).toMatchObject({
      kind: "automatic",
      rule: { id: RULE_ID, name: "Closed Won deals" },
      ruleGone: false,
    });
  });

  it("says the rule is gone when the configuration no longer has it", () => {
    expect(deriveLockStatus(ready(automatic("5")), ready(config()))).toMatchObject({ kind: "automatic", ruleGone: true });
  });

  it("does not claim the rule is gone when the configuration could not be read", () => {
    const status = deriveLockStatus(ready(automatic(RULE_ID)), failed("NO_PERMISSION"));
    expect(status).toEqual({ kind: "automatic", lock: { id: "9", source: "automatic", ruleId: RULE_ID }, ruleGone: false });
  });
});

describe("restrictions", () => {
  it("describes the configuration and whether the user is exempt", () => {
    const standardUser = { id: "1", name: "Sam", profile: STANDARD_PROFILE };
    expect(describeRestrictions(config(), standardUser)).toEqual({
      blockedActions: ["update", "delete", "change_owner"],
      editableFields: ["Closing Date"],
      restrictedCommunications: ["send_mail"],
      restrictedButtons: ["Send for signature"],
      portalUsersRestricted: true,
      exemptProfiles: ["Administrator"],
      currentUserExempt: false,
    });
    expect(describeRestrictions(config(), { id: "2", name: "Ada", profile: ADMIN_PROFILE }).currentUserExempt).toBe(true);
    expect(describeRestrictions(config(), undefined).currentUserExempt).toBeUndefined();
  });

  it("exempts nobody when the lock applies to all profiles, whatever the excluded list says", () => {
    const all = describeRestrictions(config({ locked_for: "all_profiles" }), { id: "2", name: "Ada", profile: ADMIN_PROFILE });
    expect(all.exemptProfiles).toEqual([]);
    expect(all.currentUserExempt).toBe(false);
  });

  it("orders actions as Zoho lists them and keeps unknown ones", () => {
    const restrictions = describeRestrictions(config({ restricted_actions: ["convert", "future", "tags"] }), undefined);
    expect(restrictions.blockedActions).toEqual(["update", "tags", "convert", "future"]);
  });

  it("labels fields readably", () => {
    expect(fieldLabel("Closing_Date")).toBe("Closing Date");
    expect(fieldLabel("Region__c")).toBe("Region");
  });
});

describe("manual lock offer", () => {
  const canLock = ready(true);
  it("offers a lock on an unlocked record of a manual-capable module", () => {
    expect(deriveLockOffer(ready({ kind: "unlocked" }), ready(config()), canLock)).toEqual({ kind: "offer", unverified: false });
  });

  it.each([
    ["noConfig", ready<LockState>({ kind: "notConfigured" }), ready(config()), canLock],
    ["noConfig", ready<LockState>({ kind: "unlocked" }), ready(undefined), canLock],
    ["automaticOnly", ready<LockState>({ kind: "unlocked" }), ready(config({ lock_type: "automatic" })), canLock],
    ["noPermission", ready<LockState>({ kind: "unlocked" }), ready(config()), ready(false)],
    ["noFeature", failed("FEATURE_NOT_SUPPORTED", 400), failed("FEATURE_NOT_SUPPORTED", 400), canLock],
    ["notSupported", ready<LockState>({ kind: "unlocked" }), failed("NOT_SUPPORTED", 400), canLock],
  ] as const)("blocks with %s", (reason, lock, configLoad, permission) => {
    expect(deriveLockOffer(lock, configLoad, permission)).toEqual({ kind: "blocked", reason });
  });

  it("hides the offer while loading, when locked, or when the lock state is unknown", () => {
    expect(deriveLockOffer(LOADING, ready(config()), canLock)).toEqual({ kind: "hidden" });
    expect(deriveLockOffer(ready(manual), ready(config()), canLock)).toEqual({ kind: "hidden" });
    expect(deriveLockOffer(failed("INTERNAL_ERROR"), ready(config()), canLock)).toEqual({ kind: "hidden" });
    expect(deriveLockOffer(ready({ kind: "unlocked" }), ready(config()), LOADING)).toEqual({ kind: "hidden" });
  });

  it("still offers, marked unverified, when the configuration or permission cannot be read", () => {
    expect(deriveLockOffer(ready({ kind: "unlocked" }), failed("NO_PERMISSION", 403), canLock)).toEqual({
      kind: "offer",
      unverified: true,
    });
    expect(deriveLockOffer(ready({ kind: "unlocked" }), ready(config()), failed("NO_PERMISSION", 403))).toEqual({
      kind: "offer",
      unverified: true,
    });
  });
});

describe("lock reason", () => {
  it("must not be blank and must fit 3000 characters", () => {
    expect(checkReason("")).toBe("blank");
    expect(checkReason(" \n\t ")).toBe("blank");
    expect(checkReason("x".repeat(3000))).toBeUndefined();
    expect(checkReason("x".repeat(3001))).toBe("tooLong");
    expect(checkReason("Audit")).toBeUndefined();
  });
});
