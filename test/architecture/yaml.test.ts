/**
 * Architecture test: every YAML file qiyue reads goes through one reader,
 * `parseYaml` in packages/contract-model/src/yaml/parse.ts, which refuses alias bombs and
 * reports every problem at its line and column. No other source calls the `yaml` package's
 * parsers (`parse`, `parseDocument`, `parseAllDocuments`, `Parser`, `Composer`, `Lexer`) or
 * imports it whole. Test files may (they build YAML to feed the reader).
 *
 * Run: `cd test && npx vitest run architecture`
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const READER = "packages/contract-model/src/yaml/parse.ts";
const PARSERS = new Set(["parse", "parseDocument", "parseAllDocuments", "Parser", "Composer", "Lexer", "default"]);

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== "node_modules" && entry.name !== "dist") out.push(...sources(path));
    } else if (/\.(ts|mts|js|mjs)$/.test(entry.name) && !/\.test\.ts$/.test(entry.name) && !entry.name.endsWith(".d.ts")) out.push(path);
  }
  return out;
}

/** The names a file takes from the `yaml` package's parsers, as `file: name`. */
function yamlParsers(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier) && node.moduleSpecifier.text === "yaml") {
      const clause = node.importClause;
      if (clause !== undefined && !clause.isTypeOnly) {
        if (clause.name !== undefined) found.push("default");
        const bindings = clause.namedBindings;
        if (bindings !== undefined && ts.isNamespaceImport(bindings)) found.push("* as");
        if (bindings !== undefined && ts.isNamedImports(bindings)) {
          for (const element of bindings.elements) {
            const name = (element.propertyName ?? element.name).text;
            if (!element.isTypeOnly && PARSERS.has(name)) found.push(name);
          }
        }
      }
    }
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [arg] = node.arguments;
      if (arg !== undefined && ts.isStringLiteral(arg) && arg.text === "yaml") found.push("import()");
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe("one YAML reader", () => {
  it("no source but the shared reader parses YAML itself", () => {
    const offenders: string[] = [];
    for (const top of ["packages", "templates"]) {
      for (const file of sources(join(ROOT, top))) {
        const rel = relative(ROOT, file).split("\\").join("/");
        if (rel === READER || !rel.includes("/src/")) continue;
        for (const name of yamlParsers(file)) offenders.push(`${rel}: ${name}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it("the shared reader is where this test says", () => {
    expect(yamlParsers(join(ROOT, READER))).toContain("parseDocument");
  });
});
