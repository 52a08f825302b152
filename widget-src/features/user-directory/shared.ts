import type { CrmPort } from "../../crm/port";
import { UserDirectoryModel, type UserDirectory } from "./model";

const directories = new WeakMap<CrmPort, UserDirectory>();

/** One directory per popup, shared by the owner and share pickers, so the users are read once. */
export function sharedDirectory(port: CrmPort): UserDirectory {
  let directory = directories.get(port);
  if (!directory) {
    directory = new UserDirectoryModel(port);
    directories.set(port, directory);
  }
  return directory;
}
