/**
 * Checks a parsed template against the rules of qiyue templates and rewrites it so that every
 * value printed with `{{ }}` is escaped for Markdown and every missing field is an error with
 * its line and column:
 *
 * - `{{{ }}}` and `{{& }}`, decorators, partial blocks and dynamic partials are refused;
 * - block statements must use `if`, `unless`, `each` or `with`; every other call must name a
 *   registered helper with the right number of arguments;
 * - `{{x.y}}` becomes `{{__md (__get x "y" path="x.y")}}`: `__get` reads own properties only
 *   and fails on a missing intermediate object, `__md` fails on a missing value and escapes.
 */

import { TemplateError } from "./errors.js";
import type { HelperSpec } from "./helpers/index.js";

type Loc = hbs.AST.SourceLocation;
type Node = { type: string; loc: Loc };
type Path = hbs.AST.PathExpression;
type Expression = hbs.AST.Expression;
type Hash = hbs.AST.Hash;

export const ESCAPE_HELPER = "__md";
export const GET_HELPER = "__get";

const BLOCK_HELPERS = new Set(["if", "unless", "each", "with"]);
/** Block helpers whose argument must exist (iterating or entering a missing field is a mistake). */
const REQUIRED_ARGUMENT = new Set(["each", "with"]);
const FORBIDDEN_NAMES = new Set(["constructor", "__proto__", "prototype", "__defineGetter__", "__defineSetter__", "__lookupGetter__", "__lookupSetter__"]);

export interface RewriteContext {
  file: string;
  helpers: Readonly<Record<string, HelperSpec>>;
  partials: ReadonlySet<string>;
}

function fail(ctx: RewriteContext, code: ConstructorParameters<typeof TemplateError>[0], message: string, node: Node): never {
  throw new TemplateError(code, message, { file: ctx.file, line: node.loc.start.line, column: node.loc.start.column + 1 });
}

function isPath(node: Node): node is Path {
  return node.type === "PathExpression";
}

function emptyHash(loc: Loc): Hash {
  return { type: "Hash", pairs: [], loc } as unknown as Hash;
}

function stringLiteral(value: string, loc: Loc): hbs.AST.StringLiteral {
  return { type: "StringLiteral", value, original: value, loc };
}

function booleanLiteral(value: boolean, loc: Loc): hbs.AST.BooleanLiteral {
  return { type: "BooleanLiteral", value, original: value, loc };
}

function helperPath(name: string, loc: Loc): Path {
  return { type: "PathExpression", data: false, depth: 0, parts: [name], original: name, loc } as Path;
}

function subExpression(name: string, params: Expression[], pairs: [string, Expression][], loc: Loc): hbs.AST.SubExpression {
  return {
    type: "SubExpression",
    path: helperPath(name, loc),
    params,
    hash: { type: "Hash", pairs: pairs.map(([key, value]) => ({ type: "HashPair", key, value, loc })), loc },
    loc,
  } as unknown as hbs.AST.SubExpression;
}

function checkNames(ctx: RewriteContext, path: Path): void {
  for (const part of path.parts) {
    if (FORBIDDEN_NAMES.has(part) || part.startsWith("__")) {
      fail(ctx, "TEMPLATE_FORBIDDEN", `不允许访问“${part}”（${path.original}）`, path);
    }
  }
}

/** `a.b.c` → `(__get a "b" "c" path="a.b.c")`; a one-part path is kept unless `required`. */
function rewritePath(ctx: RewriteContext, path: Path, required = false): Expression {
  checkNames(ctx, path);
  if (path.parts.length <= 1 && !required) return path;
  const [head, ...rest] = path.parts;
  const prefix = `${path.data ? "@" : ""}${"../".repeat(path.depth)}`;
  const base = { ...path, parts: head === undefined ? [] : [head], original: head === undefined ? path.original : prefix + head } as Path;
  const pairs: [string, Expression][] = [["path", stringLiteral(path.original, path.loc)]];
  if (required) pairs.push(["required", booleanLiteral(true, path.loc)]);
  return subExpression(GET_HELPER, [base, ...rest.map((name) => stringLiteral(name, path.loc))], pairs, path.loc);
}

function rewriteExpression(ctx: RewriteContext, expr: Expression): Expression {
  if (isPath(expr)) return rewritePath(ctx, expr);
  if (expr.type === "SubExpression") {
    const sexpr = expr as hbs.AST.SubExpression;
    checkHelperCall(ctx, sexpr.path, sexpr.params, sexpr);
    rewriteCall(ctx, sexpr);
  }
  return expr;
}

function rewriteCall(ctx: RewriteContext, call: { params: Expression[]; hash: Hash | undefined }): void {
  call.params = call.params.map((p) => rewriteExpression(ctx, p));
  for (const pair of call.hash?.pairs ?? []) pair.value = rewriteExpression(ctx, pair.value);
}

function checkHelperCall(ctx: RewriteContext, path: Node, params: readonly Expression[], node: Node): string {
  if (!isPath(path) || path.data || path.depth > 0 || path.parts.length !== 1) {
    fail(ctx, "TEMPLATE_UNKNOWN_HELPER", `“${describeNode(path)}”不是可调用的辅助函数`, node);
  }
  const name = path.original;
  const spec = Object.hasOwn(ctx.helpers, name) ? ctx.helpers[name] : undefined;
  if (spec === undefined) {
    fail(ctx, "TEMPLATE_UNKNOWN_HELPER", `未知的辅助函数“${name}”（可用：${Object.keys(ctx.helpers).join("、")}）`, node);
  }
  if (params.length < spec.min || params.length > spec.max) {
    const expected = spec.min === spec.max ? `${spec.min}` : `${spec.min} 到 ${spec.max}`;
    fail(ctx, "TEMPLATE_UNKNOWN_HELPER", `辅助函数“${name}”需要 ${expected} 个参数，实有 ${params.length} 个`, node);
  }
  return name;
}

function describeNode(node: Node): string {
  if (isPath(node)) return node.original;
  return node.type;
}

function rewriteMustache(ctx: RewriteContext, node: hbs.AST.MustacheStatement): void {
  if (node.type !== "MustacheStatement") fail(ctx, "TEMPLATE_FORBIDDEN", "模板中不允许使用装饰器（{{* }}）", node);
  if (!node.escaped) {
    fail(ctx, "TEMPLATE_FORBIDDEN", "模板中不允许使用 {{{ }}} 或 {{& }}：插入的值一律按 Markdown 转义", node);
  }
  const path = node.path as Node;
  const hasArguments = node.params.length > 0 || (node.hash?.pairs.length ?? 0) > 0;
  const namesHelper = isPath(path) && !path.data && path.depth === 0 && path.parts.length === 1 && Object.hasOwn(ctx.helpers, path.original);
  let value: Expression;
  const pairs: [string, Expression][] = [];
  if (hasArguments || namesHelper) {
    if (isPath(path) && BLOCK_HELPERS.has(path.original)) {
      fail(ctx, "TEMPLATE_FORBIDDEN", `“${path.original}”只能作为块使用：{{#${path.original} …}}…{{/${path.original}}}`, node);
    }
    checkHelperCall(ctx, path, node.params, node);
    const call = subExpression((path as Path).original, node.params, [], node.loc);
    call.hash = node.hash ?? emptyHash(node.loc);
    rewriteCall(ctx, call);
    value = call;
    pairs.push(["helper", stringLiteral((path as Path).original, node.loc)]);
  } else if (isPath(path)) {
    value = rewritePath(ctx, path);
    pairs.push(["path", stringLiteral(path.original, node.loc)]);
  } else {
    value = path as Expression;
  }
  node.path = helperPath(ESCAPE_HELPER, node.loc);
  node.params = [value];
  node.hash = { type: "Hash", pairs: pairs.map(([key, v]) => ({ type: "HashPair", key, value: v, loc: node.loc })), loc: node.loc } as unknown as Hash;
}

function rewriteBlock(ctx: RewriteContext, node: hbs.AST.BlockStatement): void {
  if (node.type !== "BlockStatement") fail(ctx, "TEMPLATE_FORBIDDEN", "模板中不允许使用装饰器（{{#* }}）", node);
  const path = node.path as Node;
  const name = isPath(path) && !path.data && path.depth === 0 && path.parts.length === 1 ? path.original : undefined;
  if (name === undefined || !BLOCK_HELPERS.has(name)) {
    fail(
      ctx,
      "TEMPLATE_FORBIDDEN",
      `块“{{#${describeNode(path)}}}”不被支持：块只能用 #if、#unless、#each、#with（字段请写成 {{#with ${describeNode(path)}}}）`,
      node,
    );
  }
  if (node.params.length !== 1) fail(ctx, "TEMPLATE_SYNTAX", `{{#${name}}} 需要 1 个参数，实有 ${node.params.length} 个`, node);
  const [first] = node.params as [Expression];
  node.params = [REQUIRED_ARGUMENT.has(name) && isPath(first) ? rewritePath(ctx, first, true) : rewriteExpression(ctx, first)];
  for (const pair of node.hash?.pairs ?? []) pair.value = rewriteExpression(ctx, pair.value);
  if (node.program) rewriteProgram(ctx, node.program);
  if (node.inverse) rewriteProgram(ctx, node.inverse);
}

function rewritePartial(ctx: RewriteContext, node: hbs.AST.PartialStatement): void {
  const name = node.name as Node;
  if (!isPath(name) || name.data || name.parts.length !== 1 || !ctx.partials.has(name.original)) {
    const available = [...ctx.partials].join("、") || "无";
    fail(ctx, "TEMPLATE_UNKNOWN_PARTIAL", `未知的子模板“${describeNode(name)}”（本模板目录中可用：${available}）`, node);
  }
  rewriteCall(ctx, node);
}

/** Validates and rewrites a template's syntax tree in place. */
export function rewriteProgram(ctx: RewriteContext, program: hbs.AST.Program): void {
  for (const statement of program.body) {
    const node = statement as Node;
    switch (node.type) {
      case "ContentStatement":
      case "CommentStatement":
        break;
      case "MustacheStatement":
      case "Decorator":
        rewriteMustache(ctx, statement as hbs.AST.MustacheStatement);
        break;
      case "BlockStatement":
      case "DecoratorBlock":
        rewriteBlock(ctx, statement as hbs.AST.BlockStatement);
        break;
      case "PartialStatement":
        rewritePartial(ctx, statement as hbs.AST.PartialStatement);
        break;
      case "PartialBlockStatement":
        fail(ctx, "TEMPLATE_FORBIDDEN", "模板中不允许使用子模板块（{{#> }}）", node);
        break;
      default:
        fail(ctx, "TEMPLATE_FORBIDDEN", `不支持的模板语法（${node.type}）`, node);
    }
  }
}
