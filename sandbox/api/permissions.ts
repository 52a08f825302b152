/** Profile permission checks used by the routes (flags live in Profile.perms). */
import type { Ctx } from "./context";
import type { Profile } from "./model";
import { noPermission } from "./errors";

export const ADMIN_PROFILE_NAME = "Administrator";

export function isAdminProfile(profile: Profile): boolean {
  return profile.name === ADMIN_PROFILE_NAME;
}

export function canLock(profile: Profile, module: string): boolean {
  return profile.perms.lockModules.includes(module);
}

export function requireLock(ctx: Ctx, module: string): void {
  if (!canLock(ctx.profile, module)) {
    throw noPermission("permission denied to lock or unlock records of this module", [`${module}_Lock`]);
  }
}

export function requireCustomize(ctx: Ctx): void {
  if (!ctx.profile.perms.customize) {
    throw noPermission("permission denied to customize record lock configurations", [
      "Crm_Implied_Customize_Zoho_CRM",
    ]);
  }
}

export function requireShare(ctx: Ctx): void {
  if (!ctx.profile.perms.share) {
    throw noPermission("permission denied to share records", ["Crm_Implied_Share"]);
  }
}

export function requireChangeOwner(ctx: Ctx): void {
  if (!ctx.profile.perms.changeOwner) {
    throw noPermission("permission denied to change the owner of records", ["Crm_Implied_Change_Owner"]);
  }
}

export function requireManagePortals(ctx: Ctx): void {
  if (!ctx.profile.perms.managePortals) {
    throw noPermission("permission denied to manage portals", [
      "Crm_Implied_Manage_Portal",
      "Crm_Implied_Manage_Portal_Users",
    ]);
  }
}

/** Profile permissions as Zoho's `permissions_details` (only on GET /settings/profiles/{id}). */
export function permissionDetails(profile: Profile, modules: string[]): { name: string; display_label: string; module: string | null; enabled: boolean }[] {
  const p = profile.perms;
  const general = [
    { name: "Crm_Implied_Customize_Zoho_CRM", display_label: "Customize Zoho CRM", module: null, enabled: p.customize },
    { name: "Crm_Implied_Share", display_label: "Share", module: null, enabled: p.share },
    { name: "Crm_Implied_Change_Owner", display_label: "Change Owner", module: null, enabled: p.changeOwner },
    { name: "Crm_Implied_Manage_Portal", display_label: "Manage Portal", module: null, enabled: p.managePortals },
  ];
  const perModule = modules.flatMap((m) => [
    { name: `${m}_Edit`, display_label: "Edit", module: m, enabled: p.edit },
    { name: `${m}_Lock`, display_label: "Lock", module: m, enabled: p.lockModules.includes(m) },
  ]);
  return [...general, ...perModule];
}
