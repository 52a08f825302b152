import { describe, expect, it } from "vitest";
import type { ProfilePermission } from "../../widget-src/api/profiles";
import type { ShareEntry } from "../../widget-src/api/share";
import type { CurrentUser } from "../../widget-src/api/users";
import { deriveShareAbility, isShareableModule, type ShareAbilityInput } from "../../widget-src/features/record-share/precondition";
import { LOADING, type Load } from "../../widget-src/ui/load";

const ME = "5725767000000101003";
const OWNER = "5725767000000101001";
const ready = <T>(value: T): Load<T> => ({ status: "ready", value });
const failed: Load<never> = { status: "error", error: { code: "TIMEOUT", message: "", details: {} } };
const standard = ready<CurrentUser>({ id: ME, name: "Sam", profile: { id: "2", name: "Standard" } });
const admin = ready<CurrentUser>({ id: ME, name: "Ada", profile: { id: "1", name: "Administrator" } });
const share = ready<ProfilePermission[]>([{ name: "Crm_Implied_Share", enabled: true }]);
const noShare = ready<ProfilePermission[]>([{ name: "Crm_Implied_Share", enabled: false }]);
const toMe: ShareEntry = { sharedWith: { id: ME, name: "Sam", type: "users" }, permission: "read_only", shareRelatedRecords: false, type: "private" };

const input = (patch: Partial<ShareAbilityInput>): ShareAbilityInput => ({
  module: "Deals",
  user: standard,
  permissions: share,
  owner: ready(OWNER),
  shares: ready([]),
  ...patch,
});

describe("may the user share this record?", () => {
  it("knows which modules cannot be shared directly", () => {
    expect(["Tasks", "Calls", "Events"].map(isShareableModule)).toEqual([false, false, false]);
    expect(["Deals", "Leads", "Custom_Module"].map(isShareableModule)).toEqual([true, true, true]);
    expect(deriveShareAbility(input({ module: "Calls", user: admin }))).toEqual({ kind: "blocked", reason: "module" });
  });

  it("allows a profile with the Share permission", () => {
    expect(deriveShareAbility(input({}))).toEqual({ kind: "allowed", unverified: false });
  });

  it("blocks a profile without it, unless the user is an administrator or the owner", () => {
    expect(deriveShareAbility(input({ permissions: noShare }))).toEqual({ kind: "blocked", reason: "noPermission" });
    expect(deriveShareAbility(input({ permissions: noShare, user: admin }))).toEqual({ kind: "allowed", unverified: false });
    expect(deriveShareAbility(input({ permissions: noShare, owner: ready(ME) }))).toEqual({ kind: "allowed", unverified: false });
  });

  it("blocks re-sharing a record that was shared to the user", () => {
    expect(deriveShareAbility(input({ shares: ready([toMe]) }))).toEqual({ kind: "blocked", reason: "sharedToYou" });
    expect(deriveShareAbility(input({ shares: ready([toMe]), owner: ready(ME) }))).toEqual({ kind: "allowed", unverified: false });
  });

  it("waits while anything it needs is loading", () => {
    expect(deriveShareAbility(input({ user: LOADING }))).toEqual({ kind: "checking" });
    expect(deriveShareAbility(input({ owner: LOADING }))).toEqual({ kind: "checking" });
    expect(deriveShareAbility(input({ permissions: LOADING }))).toEqual({ kind: "checking" });
  });

  it("lets the CRM decide, and says so, when something could not be read", () => {
    expect(deriveShareAbility(input({ permissions: failed }))).toEqual({ kind: "allowed", unverified: true });
    expect(deriveShareAbility(input({ user: failed }))).toEqual({ kind: "allowed", unverified: true });
    // Without the owner, "owners may always share" cannot be ruled out.
    expect(deriveShareAbility(input({ permissions: noShare, owner: failed }))).toEqual({ kind: "allowed", unverified: true });
  });
});
