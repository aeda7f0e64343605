import { isAbsolute, relative, resolve } from "node:path";

/** A path as a user reads it in a message: relative inside the working directory, absolute outside it. */
export function displayPath(cwd: string, path: string): string {
  const rel = relative(cwd, path);
  if (rel === "") return ".";
  return rel.startsWith("..") || isAbsolute(rel) ? path : rel;
}

/** A path the user typed, taken against the command's working directory (an absolute path stays as it is). */
export function userPath(cwd: string, path: string): string {
  return resolve(cwd, path);
}
