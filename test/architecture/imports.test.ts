/**
 * Architecture test: the packages form layers along the data flow, and the sources of each
 * package have no import cycle, neither between files nor between folders.
 *
 * Imports are read with the TypeScript compiler (a syntax-tree walk, so comments and strings
 * that look like imports are not counted): `import`, `import type`, `export … from`,
 * `import x = require("…")`, dynamic `import("…")`, type-position `import("…")` and
 * `require("…")`, each with a string literal.
 *
 * Run: `cd test && npx vitest run architecture`
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { isBuiltin } from "node:module";
import { dirname, extname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

// ---------------------------------------------------------------------------------------------
// The rules
// ---------------------------------------------------------------------------------------------

/** The layer of every template package (`@qiyue/template-*`, folders under templates/). */
const TEMPLATES = "templates";
/** The private test helpers: importable only from test files and bench/. */
const TESTING = "testing";

const REPORTS_MAY_USE = ["contract-model", "document", "templating", "hotline", TEMPLATES] as const;

/** Package folder (packages/<folder>) → the workspace packages its sources may import. */
const MAY_DEPEND_ON: Readonly<Record<string, readonly string[]>> = {
  "contract-model": [],
  fonts: [],
  document: ["fonts"],
  templating: ["document", "contract-model"],
  hotline: ["contract-model"],
  import: ["contract-model"],
  reports: REPORTS_MAY_USE,
  golden: ["reports", ...REPORTS_MAY_USE],
  cli: ["contract-model", "fonts", "document", "templating", "hotline", "import", TEMPLATES, "reports", "golden"],
  // The test helpers sit beside the layers; they import no workspace package, so any package's
  // tests can use them without a cycle.
  testing: [],
};

const TEST_FILE = /\.test\.ts$/;

// ---------------------------------------------------------------------------------------------
// Reading imports
// ---------------------------------------------------------------------------------------------

type ImportKind = "import" | "import type" | "export from" | "dynamic import" | "type import()" | "require";

interface ImportRef {
  specifier: string;
  kind: ImportKind;
  /** Erased at compile time (`import type`, `export type … from`, `typeof import("…")`). */
  typeOnly: boolean;
  line: number;
}

function stringLiteral(node: ts.Node | undefined): string | undefined {
  return node !== undefined && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) ? node.text : undefined;
}

/** Every module specifier `text` refers to, found by walking its syntax tree. */
function extractImports(fileName: string, text: string): ImportRef[] {
  const kind = /\.(mjs|cjs|js)$/.test(fileName) ? ts.ScriptKind.JS : ts.ScriptKind.TS;
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, kind);
  const found: ImportRef[] = [];
  const add = (node: ts.Node, specifier: string | undefined, refKind: ImportKind, typeOnly: boolean) => {
    if (specifier === undefined) return;
    const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
    found.push({ specifier, kind: refKind, typeOnly, line });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node)) {
      const typeOnly = node.importClause?.isTypeOnly === true;
      add(node, stringLiteral(node.moduleSpecifier), typeOnly ? "import type" : "import", typeOnly);
    } else if (ts.isExportDeclaration(node)) {
      add(node, stringLiteral(node.moduleSpecifier), "export from", node.isTypeOnly);
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      add(node, stringLiteral(node.moduleReference.expression), "require", node.isTypeOnly);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      add(node, stringLiteral(node.argument.literal), "type import()", true);
    } else if (ts.isCallExpression(node) && node.arguments.length >= 1) {
      if (node.expression.kind === ts.SyntaxKind.ImportKeyword) add(node, stringLiteral(node.arguments[0]), "dynamic import", false);
      else if (ts.isIdentifier(node.expression) && node.expression.text === "require") add(node, stringLiteral(node.arguments[0]), "require", false);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

// ---------------------------------------------------------------------------------------------
// Cycles
// ---------------------------------------------------------------------------------------------

type Graph = ReadonlyMap<string, Iterable<string>>;

/** Strongly connected components (Tarjan) that contain a cycle: more than one node, or a self-loop. */
function cyclicComponents(graph: Graph): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let next = 0;
  const successors = (node: string) => [...(graph.get(node) ?? [])];
  const nodes = new Set<string>([...graph.keys()]);
  for (const targets of graph.values()) for (const t of targets) nodes.add(t);

  const strongConnect = (root: string) => {
    // Iterative, so a long chain of imports cannot overflow the call stack.
    const work: { node: string; succ: string[]; at: number }[] = [];
    const open = (node: string) => {
      index.set(node, next);
      low.set(node, next);
      next++;
      stack.push(node);
      onStack.add(node);
      work.push({ node, succ: successors(node), at: 0 });
    };
    open(root);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      if (frame.at < frame.succ.length) {
        const w = frame.succ[frame.at++]!;
        if (!index.has(w)) open(w);
        else if (onStack.has(w)) low.set(frame.node, Math.min(low.get(frame.node)!, index.get(w)!));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent !== undefined) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(frame.node)!));
      if (low.get(frame.node) === index.get(frame.node)) {
        const component: string[] = [];
        let w: string;
        do {
          w = stack.pop()!;
          onStack.delete(w);
          component.push(w);
        } while (w !== frame.node);
        const selfLoop = component.length === 1 && successors(frame.node).includes(frame.node);
        if (component.length > 1 || selfLoop) components.push(component.sort());
      }
    }
  };
  for (const node of [...nodes].sort()) if (!index.has(node)) strongConnect(node);
  return components;
}

/** The shortest cycle through `start` that stays inside `within`, as a path that ends where it began. */
function shortestCycleThrough(graph: Graph, start: string, within: ReadonlySet<string>): string[] | undefined {
  const previous = new Map<string, string>();
  const queue: string[] = [];
  for (const w of graph.get(start) ?? []) {
    if (w === start) return [start, start];
    if (within.has(w) && !previous.has(w)) {
      previous.set(w, start);
      queue.push(w);
    }
  }
  for (let i = 0; i < queue.length; i++) {
    const node = queue[i]!;
    for (const w of graph.get(node) ?? []) {
      if (w === start) {
        const path = [start];
        for (let at: string | undefined = node; at !== undefined && at !== start; at = previous.get(at)) path.unshift(at);
        path.unshift(start);
        return path;
      }
      if (within.has(w) && !previous.has(w) && w !== start) {
        previous.set(w, node);
        queue.push(w);
      }
    }
  }
  return undefined;
}

/**
 * The import cycles of `graph`: for every cyclic component, the shortest cycle through each of its
 * nodes (duplicates removed). Each cycle is a path that ends at the node it starts from.
 */
function findCycles(graph: Graph): string[][] {
  const cycles: string[][] = [];
  const seen = new Set<string>();
  for (const component of cyclicComponents(graph)) {
    const within = new Set(component);
    for (const node of component) {
      const cycle = shortestCycleThrough(graph, node, within);
      if (cycle === undefined) continue;
      const ring = cycle.slice(0, -1);
      const first = ring.indexOf([...ring].sort()[0]!);
      const key = [...ring.slice(first), ...ring.slice(0, first)].join("\u0000");
      if (seen.has(key)) continue;
      seen.add(key);
      cycles.push(cycle);
    }
  }
  return cycles;
}

// ---------------------------------------------------------------------------------------------
// The repository
// ---------------------------------------------------------------------------------------------

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const PACKAGES_DIR = join(ROOT, "packages");
const TEMPLATES_DIR = join(ROOT, "templates");

/** A path relative to the repository root, with forward slashes, for messages. */
const rel = (file: string) => relative(ROOT, file).split(sep).join("/");

interface PackageJson {
  name: string;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

interface WorkspacePackage {
  folder: string;
  dir: string;
  json: PackageJson;
}

type Target =
  | { type: "builtin" }
  | { type: "file"; file: string; pkg: string | undefined }
  | { type: "unresolved"; path: string; pkg: string | undefined }
  | { type: "workspace"; layer: string; name: string }
  | { type: "unknown-workspace"; name: string }
  | { type: "third-party"; name: string };

interface ResolvedImport extends ImportRef {
  target: Target;
}

interface SourceFile {
  file: string;
  /** The folder under packages/. */
  pkg: string;
  kind: "src" | "test" | "bench";
  imports: ResolvedImport[];
}

const isFile = (path: string) => existsSync(path) && statSync(path).isFile();
const isDir = (path: string) => existsSync(path) && statSync(path).isDirectory();

function walk(dir: string, accept: (name: string) => boolean): string[] {
  if (!isDir(dir)) return [];
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name === "dist") continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...walk(path, accept));
    else if (entry.isFile() && accept(entry.name)) out.push(path);
  }
  return out.sort();
}

function readJson(file: string): PackageJson {
  return JSON.parse(readFileSync(file, "utf8")) as PackageJson;
}

/** The name of the package a bare specifier imports: `@scope/name` or `name`. */
function packageNameOf(specifier: string): string {
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0]!;
}

/** The package folder (packages/<folder>) a path lies in, if any. */
function packageOfPath(path: string): string | undefined {
  const fromPackages = relative(PACKAGES_DIR, path);
  if (fromPackages.startsWith("..") || fromPackages === "") return undefined;
  return fromPackages.split(sep)[0];
}

/**
 * The source file a relative specifier means: `.js` is the compiled name of a `.ts` source, a
 * folder means its index, and `dist/…` (as bench scripts import) is compiled from `src/…`.
 */
function resolveRelative(fromFile: string, specifier: string): string | { unresolved: string } {
  let target = resolve(dirname(fromFile), specifier);
  const pkg = packageOfPath(target);
  if (pkg !== undefined) {
    const dist = join(PACKAGES_DIR, pkg, "dist");
    const inDist = relative(dist, target);
    if (!inDist.startsWith("..") && inDist !== "") target = join(PACKAGES_DIR, pkg, "src", inDist);
  }
  const ext = extname(target);
  const stem = target.slice(0, target.length - ext.length);
  const candidates: string[] = [];
  if (ext === ".js") candidates.push(`${stem}.ts`, `${stem}.tsx`, target);
  else if (ext === ".mjs") candidates.push(`${stem}.mts`, target);
  else if (ext === ".cjs") candidates.push(`${stem}.cts`, target);
  else if (ext !== "" && ext !== ".") candidates.push(target);
  else candidates.push(`${target}.ts`, `${target}.tsx`, `${target}.mjs`, `${target}.js`, join(target, "index.ts"), join(target, "index.js"));
  if (ext !== "" && isDir(target)) candidates.push(join(target, "index.ts"), join(target, "index.js"));
  return candidates.find(isFile) ?? { unresolved: candidates[0]! };
}

function loadRepository() {
  const packages = new Map<string, WorkspacePackage>();
  for (const folder of readdirSync(PACKAGES_DIR).sort()) {
    const file = join(PACKAGES_DIR, folder, "package.json");
    if (isFile(file)) packages.set(folder, { folder, dir: join(PACKAGES_DIR, folder), json: readJson(file) });
  }
  /** npm name → layer (a package folder, or "templates"). */
  const layerOfName = new Map<string, string>();
  for (const p of packages.values()) layerOfName.set(p.json.name, p.folder);
  for (const folder of isDir(TEMPLATES_DIR) ? readdirSync(TEMPLATES_DIR).sort() : []) {
    const file = join(TEMPLATES_DIR, folder, "package.json");
    if (isFile(file)) layerOfName.set(readJson(file).name, TEMPLATES);
  }

  const classify = (fromFile: string, specifier: string): Target => {
    if (specifier.startsWith(".") || specifier.startsWith("/")) {
      const resolved = resolveRelative(fromFile, specifier);
      if (typeof resolved === "string") return { type: "file", file: resolved, pkg: packageOfPath(resolved) };
      return { type: "unresolved", path: resolved.unresolved, pkg: packageOfPath(resolved.unresolved) };
    }
    if (specifier.startsWith("node:") || isBuiltin(specifier)) return { type: "builtin" };
    const name = packageNameOf(specifier);
    if (name.startsWith("@qiyue/")) {
      const layer = layerOfName.get(name);
      return layer === undefined ? { type: "unknown-workspace", name } : { type: "workspace", layer, name };
    }
    return { type: "third-party", name };
  };

  const files: SourceFile[] = [];
  for (const p of packages.values()) {
    const sources = walk(join(p.dir, "src"), (name) => name.endsWith(".ts"));
    const bench = walk(join(p.dir, "bench"), (name) => /\.(ts|mts|mjs)$/.test(name));
    for (const file of [...sources, ...bench]) {
      const kind = bench.includes(file) ? "bench" : TEST_FILE.test(file) ? "test" : "src";
      const imports = extractImports(file, readFileSync(file, "utf8")).map((ref) => ({ ...ref, target: classify(file, ref.specifier) }));
      files.push({ file, pkg: p.folder, kind, imports });
    }
  }
  return { packages, files };
}

const repo = loadRepository();

/** How an edge of a cycle imports, when it is not a plain runtime import. */
const edgeNote = (ref: ImportRef) => (ref.typeOnly ? ` (${ref.kind}, type only)` : ref.kind === "dynamic import" ? " (dynamic import)" : "");

const where = (f: SourceFile, ref: ImportRef) => `${rel(f.file)}:${ref.line} ${ref.kind} "${ref.specifier}"`;

/** Relative imports from one non-test src file to another in the same package. */
function fileGraph(pkg: string): Map<string, Map<string, ResolvedImport>> {
  const graph = new Map<string, Map<string, ResolvedImport>>();
  const inGraph = new Set(repo.files.filter((f) => f.pkg === pkg && f.kind === "src").map((f) => f.file));
  for (const f of repo.files) {
    if (!inGraph.has(f.file)) continue;
    const edges = new Map<string, ResolvedImport>();
    for (const ref of f.imports) {
      if (ref.target.type === "file" && inGraph.has(ref.target.file) && !edges.has(ref.target.file)) edges.set(ref.target.file, ref);
    }
    graph.set(f.file, edges);
  }
  return graph;
}

/** The folder node of a file: the first path segment under src/ (a subfolder, or a root file). */
function folderNode(pkg: string, file: string): string {
  const inSrc = relative(join(PACKAGES_DIR, pkg, "src"), file).split(sep);
  return inSrc.length > 1 ? `${inSrc[0]}/` : inSrc[0]!;
}

// ---------------------------------------------------------------------------------------------
// The tests
// ---------------------------------------------------------------------------------------------

describe("the analysis itself", () => {
  it("finds a cycle in a synthetic graph, and none in an acyclic one", () => {
    const cyclic = new Map([
      ["a", ["b"]],
      ["b", ["c"]],
      ["c", ["a", "d"]],
      ["d", []],
      ["e", ["e"]],
    ]);
    expect(cyclicComponents(cyclic)).toEqual([["a", "b", "c"], ["e"]]);
    expect(findCycles(cyclic)).toEqual([["a", "b", "c", "a"], ["e", "e"]]);
    const acyclic = new Map([
      ["a", ["b", "c"]],
      ["b", ["c"]],
      ["c", []],
    ]);
    expect(findCycles(acyclic)).toEqual([]);
  });

  it("reads imports from the syntax tree, not from comments or strings", () => {
    const text = [
      `// import { x } from "./commented-out.js";`,
      `const s = "import { y } from './in-a-string.js'";`,
      `import type { A } from "./a.js";`,
      `import { b } from "@qiyue/document";`,
      `export { c } from "./c.js";`,
      `export type { D } from "./d.js";`,
      `let e: typeof import("./e.js");`,
      `const f = await import("./f.js");`,
      `const g = await import(computed);`,
      "import \"./side-effect.js\";",
    ].join("\n");
    expect(extractImports("x.ts", text).map((r) => [r.specifier, r.kind, r.typeOnly])).toEqual([
      ["./a.js", "import type", true],
      ["@qiyue/document", "import", false],
      ["./c.js", "export from", false],
      ["./d.js", "export from", true],
      ["./e.js", "type import()", true],
      ["./f.js", "dynamic import", false],
      ["./side-effect.js", "import", false],
    ]);
  });

  it("sees every package of the layering table and their sources", () => {
    expect([...repo.packages.keys()].sort()).toEqual(Object.keys(MAY_DEPEND_ON).sort());
    const withSources = new Set(repo.files.filter((f) => f.kind === "src").map((f) => f.pkg));
    for (const pkg of ["contract-model", "document", "templating", "hotline", "reports", "golden", "cli", "testing"]) expect(withSources).toContain(pkg);
    expect(repo.files.flatMap((f) => f.imports).length).toBeGreaterThan(500);
  });
});

describe("package layering", () => {
  it("(a) each package imports only the packages below it; @qiyue/testing only from tests and bench/", () => {
    const violations: string[] = [];
    for (const f of repo.files) {
      const allowed = new Set(MAY_DEPEND_ON[f.pkg] ?? []);
      if (f.kind !== "src") allowed.add(TESTING);
      for (const ref of f.imports) {
        const t = ref.target;
        if (t.type === "unknown-workspace") violations.push(`${where(f, ref)}: ${t.name} is no package of this workspace`);
        if (t.type !== "workspace") continue;
        if (t.layer === f.pkg) {
          if (f.kind === "src") violations.push(`${where(f, ref)}: a package's sources import their own package by name (use a relative import)`);
          continue;
        }
        if (allowed.has(t.layer)) continue;
        const rule =
          t.layer === TESTING
            ? "@qiyue/testing may be imported only from *.test.ts files and bench/"
            : `${f.pkg} may not depend on ${t.layer === TEMPLATES ? `the template package ${t.name}` : t.layer} (it may use: ${[...(MAY_DEPEND_ON[f.pkg] ?? [])].join(", ") || "no workspace package"})`;
        violations.push(`${where(f, ref)}: ${rule}`);
      }
    }
    expect(violations).toEqual([]);
  });

  it("(a) package.json declares no workspace package outside the layers below it", () => {
    const layerOfName = new Map<string, string>();
    for (const p of repo.packages.values()) layerOfName.set(p.json.name, p.folder);
    const violations: string[] = [];
    for (const p of repo.packages.values()) {
      const sections = { dependencies: p.json.dependencies, peerDependencies: p.json.peerDependencies, devDependencies: p.json.devDependencies };
      for (const [section, deps] of Object.entries(sections)) {
        for (const name of Object.keys(deps ?? {})) {
          if (!name.startsWith("@qiyue/")) continue;
          const layer = name.startsWith("@qiyue/template-") ? TEMPLATES : layerOfName.get(name);
          if (layer === undefined) {
            violations.push(`packages/${p.folder}/package.json ${section}: ${name} is no package of this workspace`);
            continue;
          }
          const allowed = new Set(MAY_DEPEND_ON[p.folder] ?? []);
          if (section === "devDependencies") allowed.add(TESTING);
          if (layer !== p.folder && !allowed.has(layer)) violations.push(`packages/${p.folder}/package.json ${section}: ${name} — ${p.folder} may not depend on ${layer}`);
        }
      }
    }
    expect(violations).toEqual([]);
  });

  it("relative imports resolve to a file and stay inside their own package", () => {
    const violations: string[] = [];
    for (const f of repo.files) {
      for (const ref of f.imports) {
        const t = ref.target;
        if (t.type === "unresolved") violations.push(`${where(f, ref)}: resolves to no file (looked for ${rel(t.path)})`);
        if ((t.type === "file" || t.type === "unresolved") && t.pkg !== f.pkg) {
          violations.push(`${where(f, ref)}: a relative import out of packages/${f.pkg} (into ${t.pkg === undefined ? rel(t.type === "file" ? t.file : t.path) : `packages/${t.pkg}`}); import the package by name`);
        }
      }
    }
    expect(violations).toEqual([]);
  });
});

describe("import cycles within each package's src/ (test files excluded)", () => {
  const packagesWithSources = [...new Set(repo.files.filter((f) => f.kind === "src").map((f) => f.pkg))].sort();

  it("(b) no file imports itself through a chain of imports", () => {
    const violations: string[] = [];
    for (const pkg of packagesWithSources) {
      const graph = fileGraph(pkg);
      const keys = new Map([...graph].map(([file, edges]) => [file, [...edges.keys()]]));
      for (const cycle of findCycles(keys)) {
        const srcDir = join(PACKAGES_DIR, pkg, "src");
        const steps = cycle.slice(0, -1).map((file, i) => {
          const ref = graph.get(file)!.get(cycle[i + 1]!)!;
          return `${relative(srcDir, file).split(sep).join("/")}:${ref.line}${edgeNote(ref)}`;
        });
        violations.push(`packages/${pkg}/src: ${steps.join(" → ")} → ${relative(srcDir, cycle[0]!).split(sep).join("/")}`);
      }
    }
    expect(violations).toEqual([]);
  });

  it("(c) no cycle between folders (first path segment under src/; src/index.ts, the barrel, may import any)", () => {
    const violations: string[] = [];
    for (const pkg of packagesWithSources) {
      const barrel = join(PACKAGES_DIR, pkg, "src", "index.ts");
      /** folder → folder → the file imports that make the edge. */
      const edges = new Map<string, Map<string, string[]>>();
      for (const [file, targets] of fileGraph(pkg)) {
        const from = folderNode(pkg, file);
        if (!edges.has(from)) edges.set(from, new Map());
        if (file === barrel) continue;
        for (const [target, ref] of targets) {
          const to = folderNode(pkg, target);
          if (to === from) continue;
          const witnesses = edges.get(from)!.get(to) ?? [];
          witnesses.push(`${rel(file)}:${ref.line} ${ref.kind} "${ref.specifier}"`);
          edges.get(from)!.set(to, witnesses);
        }
      }
      const graph = new Map([...edges].map(([from, targets]) => [from, [...targets.keys()]]));
      for (const cycle of findCycles(graph)) {
        const because = cycle.slice(0, -1).map((from, i) => {
          const witnesses = edges.get(from)!.get(cycle[i + 1]!)!;
          const more = witnesses.length > 1 ? ` (and ${witnesses.length - 1} more)` : "";
          return `\n    ${from} → ${cycle[i + 1]}: ${witnesses[0]}${more}`;
        });
        violations.push(`packages/${pkg}/src: ${cycle.join(" → ")}${because.join("")}`);
      }
    }
    expect(violations).toEqual([]);
  });
});

describe("the CLI", () => {
  it("(d) command modules (src/commands/) do not import src/main.ts", () => {
    const commands = join(PACKAGES_DIR, "cli", "src", "commands");
    const main = join(PACKAGES_DIR, "cli", "src", "main.ts");
    const violations: string[] = [];
    for (const f of repo.files) {
      if (f.kind !== "src" || relative(commands, f.file).startsWith("..")) continue;
      for (const ref of f.imports) {
        if (ref.target.type === "file" && ref.target.file === main) violations.push(`${where(f, ref)}: a command module imports main.ts (take the Command type from command.ts)`);
      }
    }
    expect(violations).toEqual([]);
  });
});

describe("package.json", () => {
  it("(e) declares every package its src imports (outside tests); @qiyue/testing only as a devDependency", () => {
    const violations: string[] = [];
    for (const p of repo.packages.values()) {
      const declared = new Set([...Object.keys(p.json.dependencies ?? {}), ...Object.keys(p.json.peerDependencies ?? {})]);
      const dev = new Set(Object.keys(p.json.devDependencies ?? {}));
      const manifest = `packages/${p.folder}/package.json`;
      const testing = repo.packages.get(TESTING)?.json.name ?? "@qiyue/testing";
      if (declared.has(testing)) violations.push(`${manifest}: ${testing} is in dependencies/peerDependencies; it belongs in devDependencies only`);
      /** package name → the first import that needs it. */
      const missing = new Map<string, string>();
      let testingUse: string | undefined;
      for (const f of repo.files) {
        if (f.pkg !== p.folder) continue;
        for (const ref of f.imports) {
          const t = ref.target;
          if (t.type !== "workspace" && t.type !== "third-party") continue;
          if (t.type === "workspace" && t.layer === p.folder) continue;
          if (t.type === "workspace" && t.layer === TESTING) {
            testingUse ??= where(f, ref);
            continue;
          }
          if (f.kind !== "src") continue;
          // A type-only import of a third-party module is also satisfied by its @types package.
          const typesName = t.name.startsWith("@") ? `@types/${t.name.slice(1).replace("/", "__")}` : `@types/${t.name}`;
          if (declared.has(t.name) || (ref.typeOnly && declared.has(typesName))) continue;
          if (!missing.has(t.name)) missing.set(t.name, where(f, ref));
        }
      }
      for (const [name, first] of [...missing].sort()) {
        const alsoDev = dev.has(name) ? " (it is only a devDependency)" : "";
        violations.push(`${manifest}: "${name}" is not in dependencies or peerDependencies${alsoDev}, but ${first} needs it`);
      }
      if (testingUse !== undefined && !dev.has(testing)) violations.push(`${manifest}: ${testingUse} uses ${testing}, which is not in devDependencies`);
    }
    expect(violations).toEqual([]);
  });
});
