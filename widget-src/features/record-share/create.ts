/**
 * The sharing section's part, imported on demand in one go when the section
 * opens: its models and its view arrive together, so opening it is one
 * fetch, and none of it is in the first paint.
 */
import { sharedDirectory } from "../user-directory/shared";
import { RecordShareModel, type ShareModelInput } from "./model";
import ShareBody from "./ShareBody";
import type { ShareParts } from "./SharePanel";

export function createShareParts(input: ShareModelInput): ShareParts {
  return { model: new RecordShareModel(input), directory: sharedDirectory(input.port), Body: ShareBody };
}
