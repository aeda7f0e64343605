import { isAbsolute, relative } from "node:path";

/** A path as a user reads it in a message: relative inside the working directory, absolute outside it. */
export function displayPath(cwd: string, path: string): string {
  const rel = relative(cwd, path);
  if (rel === "") return ".";
  return rel.startsWith("..") || isAbsolute(rel) ? path : rel;
}
