/**
 * The owner section's part, imported on demand in one go when the section
 * opens: its models and its view arrive together, so opening it is one
 * fetch, and none of it is in the first paint.
 */
import { sharedDirectory } from "../user-directory/shared";
import { OwnerChangeModel, type OwnerModelInput } from "./model";
import OwnerBody from "./OwnerBody";
import type { OwnerParts } from "./OwnerPanel";

export function createOwnerParts(input: OwnerModelInput): OwnerParts {
  return { model: new OwnerChangeModel(input), directory: sharedDirectory(input.port), Body: OwnerBody };
}
