/**
 * What a lock means on a record of this module, in plain terms, read from the
 * module's configuration.
 */
import { RESTRICTABLE_ACTIONS, withEditRestricted, type LockConfig } from "../../api/locking-configurations";
import type { CurrentUser } from "../../api/users";

export interface Restrictions {
  /** Restricted actions in Zoho's order; edit is always first (withEditRestricted). */
  blockedActions: string[];
  /** Fields that stay editable, as readable labels. */
  editableFields: string[];
  restrictedCommunications: string[];
  restrictedButtons: string[];
  portalUsersRestricted: boolean;
  /** Profiles that may still edit locked records; empty when the lock applies to every profile. */
  exemptProfiles: string[];
  /** undefined when we could not tell (the user's profile is unknown). */
  currentUserExempt: boolean | undefined;
}

export function describeRestrictions(config: LockConfig, user: CurrentUser | undefined): Restrictions {
  const known: readonly string[] = RESTRICTABLE_ACTIONS;
  const blocked = [
    ...RESTRICTABLE_ACTIONS.filter((action) => config.restrictedActions.includes(action)),
    ...config.restrictedActions.filter((action) => !known.includes(action)),
  ];
  const exemptProfiles =
    config.lockedFor === "all_profiles_except_excluded_profiles" ? config.excludedProfiles : [];
  return {
    blockedActions: withEditRestricted(blocked),
    editableFields: config.excludedFields.map((field) => fieldLabel(field.apiName)),
    restrictedCommunications: config.restrictedCommunications,
    restrictedButtons: config.restrictedCustomButtons.map((button) => button.name || button.id),
    portalUsersRestricted: config.lockForPortalUsers,
    exemptProfiles: exemptProfiles.map((profile) => profile.name || profile.id),
    currentUserExempt: user?.profile ? exemptProfiles.some((profile) => profile.id === user.profile?.id) : undefined,
  };
}

/** "Closing_Date" reads as "Closing Date"; custom fields keep their name without "__c". */
export function fieldLabel(apiName: string): string {
  return apiName.replace(/__c$/, "").replace(/_/g, " ");
}
