/** Builds the sharing section's models when it is opened; imported on demand, so its code stays out of the first paint. */
import { sharedDirectory } from "../user-directory/shared";
import { RecordShareModel, type ShareModelInput } from "./model";
import type { ShareParts } from "./SharePanel";

export function createShareParts(input: ShareModelInput): ShareParts {
  return { model: new RecordShareModel(input), directory: sharedDirectory(input.port) };
}
