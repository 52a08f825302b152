/** Builds the owner section's models when it is opened; imported on demand, so its code stays out of the first paint. */
import { sharedDirectory } from "../user-directory/shared";
import { OwnerChangeModel, type OwnerModelInput } from "./model";
import type { OwnerParts } from "./OwnerPanel";

export function createOwnerParts(input: OwnerModelInput): OwnerParts {
  return { model: new OwnerChangeModel(input), directory: sharedDirectory(input.port) };
}
