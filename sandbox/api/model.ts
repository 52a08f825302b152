/**
 * Internal data model of the mock CRM. These shapes hold internal flags
 * (permissions, counters) that never leave the mock: every route builds its
 * API response explicitly from them.
 */
import type { JsonObject } from "./json";

export interface Ref {
  id: string;
  name: string;
}

export interface ProfilePermissions {
  /** Modules whose "Lock" tool permission is enabled. */
  lockModules: string[];
  share: boolean;
  /** "Customize Zoho CRM" (module customisation, locking configuration). */
  customize: boolean;
  changeOwner: boolean;
  /** "Manage Portal" and "Manage Portal Users". */
  managePortals: boolean;
  /** Can edit records at all. */
  edit: boolean;
}

export interface Profile {
  id: string;
  name: string;
  description: string;
  custom: boolean;
  default: boolean;
  type: "normal_profile" | "lite_profile";
  created_time: string;
  modified_time: string;
  perms: ProfilePermissions;
}

export interface Role {
  id: string;
  name: string;
  description: string;
  reportsTo: string | null;
}

export interface Group {
  id: string;
  name: string;
  description: string;
  memberIds: string[];
}

export interface User {
  id: string;
  first_name: string;
  last_name: string;
  email: string;
  status: "active" | "disabled";
  confirm: boolean;
  profileId: string;
  roleId: string;
  zuid: string;
  locale: string;
  time_zone: string;
  type__s: string;
  created_time: string;
  modified_time: string;
}

export type ModuleKind =
  | "standard"
  | "custom"
  /** Custom module created by an extension: no record locking. */
  | "extension"
  | "linking"
  /** Locking_Information__s. */
  | "system";

export interface ModuleDef {
  id: string;
  api_name: string;
  singular_label: string;
  plural_label: string;
  kind: ModuleKind;
  /** API name of the field holding the record's display name. */
  nameField: string;
}

export interface PicklistValue {
  id: string;
  display_value: string;
  actual_value: string;
  sequence_number: number;
}

export interface FieldDef {
  id: string;
  api_name: string;
  field_label: string;
  data_type: string;
  read_only: boolean;
  system_mandatory: boolean;
  custom_field: boolean;
  pick_list_values?: PicklistValue[];
  lookupModule?: string;
}

/** A field placed in a layout section. */
export interface LayoutFieldRef {
  fieldId: string;
  /** Mandatory in this layout (always true for a system-mandatory field). */
  required: boolean;
}

export interface LayoutSection {
  id: string;
  name: string;
  display_label: string;
  sequence_number: number;
  fields: LayoutFieldRef[];
}

export interface LayoutDef {
  id: string;
  /** Module api_name. */
  module: string;
  name: string;
  display_label: string;
  sections: LayoutSection[];
}

export interface CustomViewDef {
  id: string;
  /** Module api_name. */
  module: string;
  name: string;
  display_value: string;
  system_name: string | null;
  system_defined: boolean;
  default: boolean;
  /**
   * Which records the view shows, in the search grammar (sandbox/api/search-grammar.ts);
   * `${CURRENTUSER}` stands for the acting user's id. Null: every record.
   * Only Record Count by `cvid` reads it.
   */
  criteria: string | null;
}

export interface CustomButton {
  id: string;
  name: string;
  module: string;
}

/** A CRM record; `id` and `Owner` are always present. */
export type CrmRecord = JsonObject & { id: string };

export interface CriteriaCondition {
  comparator: string;
  field: { api_name: string; id: string };
  value: string;
}
export interface CriteriaGroup {
  group_operator: "AND" | "OR";
  group: Criteria[];
}
export type Criteria = CriteriaCondition | CriteriaGroup;

export interface LockingRule {
  id: string;
  name: string;
  lock_existing_records: boolean;
  criteria: Criteria;
}

export type LockType = "manual" | "automatic" | "both";
export type LockedFor = "all_profiles" | "all_profiles_except_excluded_profiles";

export interface LockConfig {
  id: string;
  module: string;
  lock_type: LockType;
  locked_for: LockedFor;
  lock_excluded_profiles: Ref[] | null;
  excluded_fields: { api_name: string; id: string }[] | null;
  restricted_actions: string[];
  restricted_communications: string[] | null;
  restricted_custom_buttons: Ref[] | null;
  lock_for_portal_users: boolean;
  system_defined: boolean;
  locking_rules: LockingRule[];
  created_time: string;
  modified_time: string;
  created_by: string;
  modified_by: string;
}

/** The documented defaults of a configuration's optional keys (docs/crm-api.md#configuration-keys). */
export function configDefaults(): Pick<
  LockConfig,
  | "locked_for"
  | "lock_excluded_profiles"
  | "excluded_fields"
  | "restricted_actions"
  | "restricted_communications"
  | "restricted_custom_buttons"
  | "lock_for_portal_users"
  | "system_defined"
> {
  return {
    locked_for: "all_profiles",
    lock_excluded_profiles: null,
    excluded_fields: null,
    restricted_actions: ["update"],
    restricted_communications: null,
    restricted_custom_buttons: null,
    lock_for_portal_users: true,
    system_defined: false,
  };
}

export interface LockRecord {
  id: string;
  module: string;
  recordId: string;
  configId: string;
  source: "Manual" | "Automatic";
  ruleId: string | null;
  lockedBy: string | null;
  reason: string | null;
  lockedTime: string;
  createdBy: string;
  modifiedBy: string;
  modifiedTime: string;
}

export type SharePermission = "read_only" | "read_write" | "full_access";
export type ShareTargetType = "users" | "groups" | "roles";

export interface ShareEntry {
  sharedWith: { id: string; type: ShareTargetType } | null;
  permission: SharePermission;
  share_related_records: boolean;
  type: "private" | "public";
  sharedTime: string;
  sharedBy: string;
}

export interface ThresholdUser {
  userId: string;
  allowCount: number;
  assigned: number;
  backlogLimit: number | null;
  backlog: number;
  disabled: boolean;
}

export interface Threshold {
  id: string;
  name: string;
  module: string;
  active: boolean;
  /** Records matching this are RECORD_EXCLUDED. */
  exclude: Criteria | null;
  users: ThresholdUser[];
}

export interface Portal {
  name: string;
  zaid: string;
  active: boolean;
  created_time: string;
  modified_time: string;
  createdBy: string;
  modifiedBy: string;
  /** Maximum number of active portal users (licences). */
  licences: number;
}

export interface UserTypeModule {
  id: string;
  shared_type: "private" | "public";
  layouts: { id: string }[] | null;
  views: { id: string; type: string } | null;
  filters: { id: string }[] | null;
  permissions: { view: boolean; edit: boolean; create: boolean; delete: boolean };
  fields: { id: string; read_only: boolean }[];
}

export interface UserType {
  id: string;
  portal: string;
  name: string;
  personalityModule: string;
  active: boolean;
  default: boolean;
  modules: UserTypeModule[];
  created_time: string;
  modified_time: string;
  createdBy: string;
  modifiedBy: string;
}

export interface PortalUser {
  personalityId: string;
  portal: string;
  userTypeId: string;
  active: boolean;
  confirm: boolean;
  invited_time: string;
  status_reason__s: string | null;
}

export interface State {
  /** Counter for ids created at run time. */
  nextId: number;
  profiles: Profile[];
  roles: Role[];
  groups: Group[];
  users: User[];
  modules: ModuleDef[];
  fields: Record<string, FieldDef[]>;
  customButtons: CustomButton[];
  layouts: LayoutDef[];
  customViews: CustomViewDef[];
  records: Record<string, CrmRecord[]>;
  configs: LockConfig[];
  locks: LockRecord[];
  /** Shares keyed by record id (record ids are unique across modules). */
  shares: Record<string, ShareEntry[]>;
  /** Record id -> epoch ms until which a share job is running. */
  shareJobs: Record<string, number>;
  thresholds: Threshold[];
  portals: Portal[];
  userTypes: UserType[];
  portalUsers: PortalUser[];
}
