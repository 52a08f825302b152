/**
 * GET /settings/automation/assignment_thresholds?module= : the module's
 * thresholds, with whether each has exclude criteria and whom it restricts.
 * Zoho documents the endpoint and its parameters [D8]; the keys of its
 * answer are not in the part of the page we could read, so the mock answers
 * only the keys the widget reads (sandbox/api/README.md, "Answer shapes").
 */
import type { Ctx } from "../context";
import type { Threshold } from "../model";
import type { MockResponse } from "../types";
import { findModule, userRef } from "../context";
import { ApiError, featureNotSupported, noPermission } from "../errors";
import { route } from "../router";

const WRAPPER = "assignment_thresholds";

function present(ctx: Ctx, threshold: Threshold): Record<string, unknown> {
  return {
    id: threshold.id,
    name: threshold.name,
    exclude_criteria: threshold.exclude,
    restrict_to: threshold.users.map((entry) => ({ user: userRef(ctx.state, entry.userId) })),
  };
}

function listThresholds(ctx: Ctx): MockResponse {
  if (ctx.options.edition === "standard") throw featureNotSupported();
  // Who may read threshold settings is not documented: here, the profiles that may customize the CRM [SB].
  if (!ctx.profile.perms.customize) throw noPermission("permission denied to read assignment thresholds", ["Crm_Implied_Customize_Zoho_CRM"]);
  const name = ctx.query["module"];
  const mod = name === undefined ? undefined : findModule(ctx.state, name);
  if (name !== undefined && !mod) throw new ApiError(400, "INVALID_MODULE", "the module name given seems to be invalid", { param_name: "module" });
  const status = ctx.query["status"] ?? "all";
  if (!["active", "inactive", "all"].includes(status)) {
    throw new ApiError(400, "INVALID_DATA", "invalid status", { param_name: "status", supported_values: ["active", "inactive", "all"] });
  }
  const found = ctx.state.thresholds.filter(
    (t) => (!mod || t.module === mod.api_name) && (status === "all" || (status === "active") === t.active),
  );
  if (found.length === 0) return { status: 204 };
  return { status: 200, body: { [WRAPPER]: found.map((t) => present(ctx, t)) } };
}

export const assignmentThresholdRoutes = [route("GET", "settings/automation/assignment_thresholds", listThresholds)];
