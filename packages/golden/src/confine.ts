/**
 * A golden suite can come from a pull request, so the files it names are read only from inside
 * one folder: the repository holding golden.yaml (the nearest folder up with a `.git`), else the
 * project holding it (the nearest folder up with a `package.json`), else golden.yaml's own folder. `..`, absolute paths and symbolic links
 * that lead out of it are refused before anything is read. A caller may widen it (`--root`).
 */
import { existsSync, realpathSync } from "node:fs";
import { dirname, isAbsolute, join, relative, resolve } from "node:path";

/** The folder the files of the suite in `dir` must stay inside, unless told otherwise. */
export function defaultSuiteRoot(dir: string): string {
  return nearestWith(dir, ".git") ?? nearestWith(dir, "package.json") ?? resolve(dir);
}

/** The nearest folder from `dir` up that holds `name`. */
function nearestWith(dir: string, name: string): string | undefined {
  let at = resolve(dir);
  for (;;) {
    if (existsSync(join(at, name))) return at;
    const parent = dirname(at);
    if (parent === at) return undefined;
    at = parent;
  }
}

/** The real path (symbolic links followed) of a path, or of its nearest existing ancestor joined with the rest. */
function realPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    const parent = dirname(path);
    return parent === path ? path : join(realPath(parent), relative(parent, path));
  }
}

/** Whether `path`, symbolic links followed, lies inside `root` (or is it). */
export function isInside(root: string, path: string): boolean {
  const rel = relative(realPath(root), realPath(path));
  return rel === "" || (!rel.startsWith("..") && !isAbsolute(rel));
}
