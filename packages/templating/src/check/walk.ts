/**
 * Walks a template's syntax tree with the type of the data it receives, the way Handlebars
 * would look values up at run time, and reports every lookup that cannot work for some
 * contract: a field the data does not have, an optional field printed or entered without
 * `{{#if}}`, a value that cannot be printed, a helper argument of the wrong kind, `#each` over
 * something that is not a list, `#with` on something that is not an object.
 *
 * Scoping follows Handlebars 4: `#each` and `#with` push a context (`this`, `../`), `#if` and
 * `#unless` do not; block parameters (`as |row i|`) and `@index` / `@key` / `@first` /
 * `@last` are lexical; `@root` is the data itself. A field tested with `{{#if x}}` is
 * present inside that block (and in the `{{else}}` of `{{#unless x}}`). An index into a list
 * (`rows.[0]`) is assumed to exist.
 */
import type { HelperSpec } from "../helpers/index.js";
import { argumentMismatch } from "./arguments.js";
import type { TemplateCheckCode, TemplateIssue } from "./issues.js";
import { suggestion } from "./suggest.js";
import { type DataType, describeType, type Field, UNKNOWN, unionOf } from "./types.js";

type Node = { type: string; loc: hbs.AST.SourceLocation };
type Path = hbs.AST.PathExpression;
type Expression = hbs.AST.Expression;

/** A value in scope and where it sits in the data (undefined when it cannot be named). */
interface Binding {
  type: DataType;
  path: readonly string[] | undefined;
}

interface Scope {
  contexts: readonly Binding[];
  params: ReadonlyMap<string, Binding>;
  data: ReadonlyMap<string, DataType>;
  /** Paths proven present by an enclosing `{{#if}}`. */
  guards: ReadonlySet<string>;
  /** Partials being walked, to stop at recursion. */
  partials: readonly string[];
}

interface Value {
  type: DataType;
  path: readonly string[] | undefined;
  /** The value may be missing for some contract. */
  maybeMissing: boolean;
  literal?: string | number | boolean;
  /** A mistake was already reported: say nothing more about this value. */
  failed?: true;
}

export interface Source {
  file: string;
  program: hbs.AST.Program;
  /** Maps a position in the source to the one to report (the manifest's `output` pattern). */
  position?: (line: number, column: number) => { line: number; column: number };
}

export interface WalkContext {
  template: string;
  helpers: Readonly<Record<string, HelperSpec>>;
  partials: ReadonlyMap<string, Source>;
  issues: TemplateIssue[];
  /** Every data path looked up, joined with dots (`inputs.date`, `payment.row.label`). */
  used: Set<string>;
  usedPartials: Set<string>;
}

const key = (path: readonly string[]) => path.join(".");
const isPath = (node: Node): node is Path => node.type === "PathExpression";
const BLOCKS = new Set(["if", "unless", "each", "with"]);

/** Walks one template (or the manifest's output pattern) from the root of the data. */
export function walkTemplate(ctx: WalkContext, source: Source, data: DataType): void {
  const scope: Scope = {
    contexts: [{ type: data, path: [] }],
    params: new Map(),
    data: new Map(),
    guards: new Set(),
    partials: [],
  };
  new Walker(ctx, source).program(source.program, scope);
}

class Walker {
  constructor(
    private readonly ctx: WalkContext,
    private readonly source: Source,
  ) {}

  private report(code: TemplateCheckCode, message: string, node: Node, severity: "error" | "warning" = "error"): void {
    const at = this.source.position?.(node.loc.start.line, node.loc.start.column + 1) ?? {
      line: node.loc.start.line,
      column: node.loc.start.column + 1,
    };
    const issue: TemplateIssue = { code, severity, message, template: this.ctx.template, file: this.source.file, ...at };
    const same = (i: TemplateIssue) =>
      i.file === issue.file && i.line === issue.line && i.column === issue.column && i.code === issue.code && i.message === issue.message;
    if (!this.ctx.issues.some(same)) this.ctx.issues.push(issue);
  }

  program(program: hbs.AST.Program | undefined, scope: Scope): void {
    for (const statement of program?.body ?? []) {
      const node = statement as Node;
      if (node.type === "MustacheStatement") this.mustache(statement as hbs.AST.MustacheStatement, scope);
      else if (node.type === "BlockStatement") this.block(statement as hbs.AST.BlockStatement, scope);
      else if (node.type === "PartialStatement") this.partial(statement as hbs.AST.PartialStatement, scope);
    }
  }

  // ---- values -------------------------------------------------------------------------

  private isHelperName(path: Node): path is Path {
    return isPath(path) && !path.data && path.depth === 0 && path.parts.length === 1 && Object.hasOwn(this.ctx.helpers, path.original);
  }

  /** Looks a path up in scope; reports what cannot be looked up. */
  private lookup(path: Path, scope: Scope): Value {
    const parts = path.parts;
    const original = path.original;
    let base: Binding;
    let rest: readonly string[];
    let prefix: string;
    if (path.data) {
      const head = parts[0] ?? "";
      if (head === "root") {
        base = scope.contexts[0]!;
        rest = parts.slice(1);
        prefix = "@root.";
      } else {
        const type = scope.data.get(head);
        if (type === undefined) {
          const where = head === "index" || head === "key" || head === "first" || head === "last" ? "只能在 {{#each}} 中使用" : "不存在";
          this.report("TEMPLATE_UNKNOWN_VARIABLE", `“@${head}”${where}`, path);
          return { type: UNKNOWN, path: undefined, maybeMissing: false, failed: true };
        }
        return { type, path: undefined, maybeMissing: false };
      }
    } else {
      const scoped = /^(this|\.)([./]|$)/.test(original) || path.depth > 0;
      const param = !scoped && parts[0] !== undefined ? scope.params.get(parts[0]) : undefined;
      if (param !== undefined) {
        base = param;
        rest = parts.slice(1);
        prefix = `${parts[0]!}.`;
      } else {
        const index = scope.contexts.length - 1 - path.depth;
        if (index < 0) {
          this.report("TEMPLATE_UNKNOWN_VARIABLE", `“${original}”中的 ../ 超出了数据的最外层`, path);
          return { type: UNKNOWN, path: undefined, maybeMissing: false, failed: true };
        }
        base = scope.contexts[index]!;
        rest = parts;
        prefix = original.slice(0, original.length - parts.join(".").length);
      }
    }
    return this.walkPath(base, rest, prefix, path, scope);
  }

  /** `prefix` is how the path names its base: "", "this.", "../", "@root." or "row.". */
  private walkPath(base: Binding, segments: readonly string[], prefix: string, node: Path, scope: Scope): Value {
    let type = base.type;
    const path: string[] | undefined = base.path === undefined ? undefined : [...base.path];
    let optional = false;
    let walked = 0;
    const fail = (): Value => ({ type: UNKNOWN, path: undefined, maybeMissing: false, failed: true });
    const upTo = (n: number) => (n === 0 ? prefix.replace(/[./]$/, "") || contextName(base.path) : prefix + segments.slice(0, n).join("."));
    for (const segment of segments) {
      const shown = upTo(walked);
      if (optional && !(path !== undefined && scope.guards.has(key(path)))) {
        this.report(
          "TEMPLATE_MAYBE_MISSING",
          `“${shown}”可能不存在（可选字段），读取“${upTo(walked + 1)}”之前请先用 {{#if ${shown}}} 判断`,
          node,
        );
        return fail();
      }
      const step = this.step(type, segment, shown, node);
      if (step === undefined) return fail();
      if (step.type.kind === "unknown" && type.kind === "unknown") {
        return { type: UNKNOWN, path: undefined, maybeMissing: false };
      }
      type = step.type;
      optional = step.optional;
      path?.push(/^\d+$/.test(segment) ? "[]" : segment);
      walked += 1;
    }
    if (path !== undefined) this.ctx.used.add(key(path));
    const guarded = path !== undefined && scope.guards.has(key(path));
    return { type, path, maybeMissing: optional && !guarded };
  }

  /** One step of a lookup: the field `segment` of a value of `type`. */
  private step(type: DataType, segment: string, shown: string, node: Node): Field | undefined {
    const what = shown.startsWith("（") ? shown : `“${shown}”`;
    switch (type.kind) {
      case "unknown":
        return { type: UNKNOWN, optional: false };
      case "object": {
        const field = type.fields.get(segment);
        if (field !== undefined) return field;
        const why = type.absent?.get(segment);
        if (why !== undefined) this.report("TEMPLATE_UNKNOWN_FIELD", `${what}中没有“${segment}”：${why}`, node);
        else this.report("TEMPLATE_UNKNOWN_FIELD", `${what}没有字段“${segment}”${suggestion(segment, [...type.fields.keys()])}`, node);
        return undefined;
      }
      case "union": {
        const found: Field[] = [];
        let missingSomewhere = false;
        const names = new Set<string>();
        for (const option of type.options) {
          const field = option.kind === "object" ? option.fields.get(segment) : undefined;
          if (option.kind === "object") for (const n of option.fields.keys()) names.add(n);
          if (field === undefined) missingSomewhere = true;
          else found.push(field);
        }
        if (found.length === 0) {
          this.report("TEMPLATE_UNKNOWN_FIELD", `${what}没有字段“${segment}”${suggestion(segment, [...names])}`, node);
          return undefined;
        }
        return { type: unionOf(found.map((f) => f.type)), optional: missingSomewhere || found.some((f) => f.optional) };
      }
      case "array":
        if (segment === "length") return { type: { kind: "number" }, optional: false };
        if (/^\d+$/.test(segment)) return { type: type.element, optional: false };
        this.report("TEMPLATE_UNKNOWN_FIELD", `${what}是列表，没有字段“${segment}”（用 {{#each ${shown}}} 逐项读取）`, node);
        return undefined;
      case "record":
        return { type: type.value, optional: true };
      default:
        this.report("TEMPLATE_UNKNOWN_FIELD", `${what}是${describeType(type)}，没有字段“${segment}”`, node);
        return undefined;
    }
  }

  private expression(expr: Expression, scope: Scope): Value {
    const node = expr as Node;
    switch (node.type) {
      case "PathExpression":
        return this.lookup(expr as Path, scope);
      case "SubExpression": {
        const sub = expr as hbs.AST.SubExpression;
        return { type: this.call(sub.path as Node, sub.params, sub.hash, scope), path: undefined, maybeMissing: false };
      }
      case "StringLiteral": {
        const value = (expr as hbs.AST.StringLiteral).value;
        return { type: { kind: "string", values: [value] }, path: undefined, maybeMissing: false, literal: value };
      }
      case "NumberLiteral":
        return { type: { kind: "number" }, path: undefined, maybeMissing: false, literal: (expr as hbs.AST.NumberLiteral).value };
      case "BooleanLiteral":
        return { type: { kind: "boolean" }, path: undefined, maybeMissing: false, literal: (expr as hbs.AST.BooleanLiteral).value };
      default:
        return { type: UNKNOWN, path: undefined, maybeMissing: true };
    }
  }

  /** Checks a helper call's arguments against its spec; returns the type of its result. */
  private call(path: Node, params: readonly Expression[], hash: hbs.AST.Hash | undefined, scope: Scope): DataType {
    for (const pair of hash?.pairs ?? []) this.expression(pair.value, scope);
    const name = isPath(path) ? path.original : "";
    const spec = Object.hasOwn(this.ctx.helpers, name) ? this.ctx.helpers[name] : undefined;
    params.forEach((param, i) => {
      const value = this.expression(param, scope);
      const arg = spec?.args[i];
      if (arg === undefined || value.failed) return;
      const shown = isPath(param as Node) ? `“${(param as Path).original}”` : "";
      if (value.maybeMissing && !arg.endsWith("?")) {
        this.report(
          "TEMPLATE_MAYBE_MISSING",
          `辅助函数“${name}”的第 ${i + 1} 个参数${shown}可能不存在（可选字段），请先用 {{#if …}} 判断`,
          param as Node,
        );
        return;
      }
      const mismatch = argumentMismatch(arg, value.type, value.literal);
      if (mismatch !== undefined) this.report("TEMPLATE_HELPER_ARGUMENT", `辅助函数“${name}”的第 ${i + 1} 个参数${shown}：${mismatch}`, param as Node);
    });
    if (spec === undefined) return UNKNOWN;
    return spec.returns === "text" ? { kind: "string" } : spec.returns === "integer" ? { kind: "number" } : { kind: "boolean" };
  }

  // ---- statements ---------------------------------------------------------------------

  private mustache(node: hbs.AST.MustacheStatement, scope: Scope): void {
    const path = node.path as Node;
    const hasArguments = node.params.length > 0 || (node.hash?.pairs.length ?? 0) > 0;
    if (hasArguments || this.isHelperName(path)) {
      const result = this.call(path, node.params, node.hash, scope);
      if (result.kind === "boolean") {
        this.report("TEMPLATE_NOT_PRINTABLE", `辅助函数“${(path as Path).original}”的结果是是/否值，不能直接输出（请用在 {{#if (…)}} 中）`, node);
      }
      return;
    }
    const value = this.expression(path as Expression, scope);
    if (value.failed) return;
    const shown = isPath(path) ? path.original : "值";
    if (value.maybeMissing) {
      this.report("TEMPLATE_MAYBE_MISSING", `字段“${shown}”可能不存在（可选字段），请先用 {{#if ${shown}}} 判断`, path);
      return;
    }
    if (!printable(value.type)) {
      this.report("TEMPLATE_NOT_PRINTABLE", `字段“${shown}”是${describeType(value.type)}，不能直接输出（只能输出文字或数字）`, path);
    }
  }

  private block(node: hbs.AST.BlockStatement, scope: Scope): void {
    const path = node.path as Node;
    const name = isPath(path) ? path.original : "";
    for (const pair of node.hash?.pairs ?? []) this.expression(pair.value, scope);
    const param = node.params[0];
    if (!BLOCKS.has(name) || param === undefined) return;
    const value = this.expression(param, scope);
    const shown = isPath(param as Node) ? (param as Path).original : "";
    if (name === "if" || name === "unless") {
      const guarded = value.path === undefined ? scope : withGuard(scope, value.path);
      this.program(node.program, name === "if" ? guarded : scope);
      this.program(node.inverse, name === "unless" ? guarded : scope);
      return;
    }
    if (value.failed) {
      this.program(node.inverse, scope);
      return;
    }
    if (value.maybeMissing) {
      this.report("TEMPLATE_MAYBE_MISSING", `“${shown}”可能不存在（可选字段），{{#${name}}} 之前请先用 {{#if ${shown}}} 判断`, param as Node);
    }
    const params = node.program?.blockParams ?? [];
    if (name === "each") {
      const element = elementOf(value.type);
      if (element === undefined) {
        this.report("TEMPLATE_BLOCK_ARGUMENT", `{{#each}} 需要列表，“${shown}”是${describeType(value.type)}`, param as Node);
      }
      const item: Binding = { type: element?.type ?? UNKNOWN, path: value.path === undefined ? undefined : [...value.path, "[]"] };
      const data = new Map(scope.data);
      data.set("index", { kind: "number" });
      data.set("first", { kind: "boolean" });
      data.set("last", { kind: "boolean" });
      if (element?.keyed) data.set("key", { kind: "string" });
      else data.delete("key");
      const blockParams = new Map(scope.params);
      if (params[0] !== undefined) blockParams.set(params[0], item);
      if (params[1] !== undefined) blockParams.set(params[1], { type: element?.keyed ? { kind: "string" } : { kind: "number" }, path: undefined });
      this.program(node.program, { ...scope, contexts: [...scope.contexts, item], params: blockParams, data });
    } else {
      if (!enterable(value.type)) {
        this.report("TEMPLATE_BLOCK_ARGUMENT", `{{#with}} 需要对象，“${shown}”是${describeType(value.type)}`, param as Node);
      }
      const inner: Binding = { type: value.type, path: value.path };
      const blockParams = new Map(scope.params);
      if (params[0] !== undefined) blockParams.set(params[0], inner);
      this.program(node.program, { ...scope, contexts: [...scope.contexts, inner], params: blockParams });
    }
    this.program(node.inverse, scope);
  }

  private partial(node: hbs.AST.PartialStatement, scope: Scope): void {
    const nameNode = node.name as Node;
    const name = isPath(nameNode) ? nameNode.original : "";
    const source = this.ctx.partials.get(name);
    if (source === undefined) return; // the engine reports unknown partials
    this.ctx.usedPartials.add(name);
    let context = scope.contexts[scope.contexts.length - 1]!;
    const param = node.params[0];
    if (param !== undefined) {
      const value = this.expression(param, scope);
      if (value.maybeMissing && !value.failed) {
        const shown = isPath(param as Node) ? (param as Path).original : "";
        this.report("TEMPLATE_MAYBE_MISSING", `“${shown}”可能不存在（可选字段），传给子模板之前请先用 {{#if ${shown}}} 判断`, param as Node);
      }
      context = { type: value.type, path: value.path };
    }
    const pairs = node.hash?.pairs ?? [];
    if (pairs.length > 0) {
      const fields = new Map(context.type.kind === "object" ? context.type.fields : []);
      for (const pair of pairs) fields.set(pair.key, { type: this.expression(pair.value, scope).type, optional: false });
      context = { type: context.type.kind === "object" || context.type.kind === "unknown" ? { kind: "object", fields } : context.type, path: context.path };
    }
    if (scope.partials.includes(name)) return;
    const inner: Scope = { ...scope, contexts: [...scope.contexts, context], params: new Map(), partials: [...scope.partials, name] };
    new Walker(this.ctx, source).program(source.program, inner);
  }
}

/** How a message names the current context when a path does not: “（signatories 的每一项）”. */
function contextName(path: readonly string[] | undefined): string {
  if (path === undefined) return "（当前上下文）";
  if (path.length === 0) return "（模板数据）";
  const shown = path.join(".").replace(/\.\[\]/g, "[]");
  return shown.endsWith("[]") ? `（${shown.slice(0, -2)} 的每一项）` : `（${shown}）`;
}

function withGuard(scope: Scope, path: readonly string[]): Scope {
  const guards = new Set(scope.guards);
  for (let n = 1; n <= path.length; n++) guards.add(key(path.slice(0, n)));
  return { ...scope, guards };
}

function printable(type: DataType): boolean {
  if (type.kind === "union") return type.options.some(printable);
  return type.kind === "string" || type.kind === "number" || type.kind === "unknown";
}

function enterable(type: DataType): boolean {
  if (type.kind === "union") return type.options.some(enterable);
  return type.kind === "object" || type.kind === "record" || type.kind === "unknown";
}

/** What `#each` iterates over: a list's items, a map's or object's values (with `@key`). */
function elementOf(type: DataType): { type: DataType; keyed: boolean } | undefined {
  switch (type.kind) {
    case "array":
      return { type: type.element, keyed: false };
    case "record":
      return { type: type.value, keyed: true };
    case "object":
      return { type: unionOf([...type.fields.values()].map((f) => f.type)), keyed: true };
    case "unknown":
      return { type: UNKNOWN, keyed: false };
    case "union": {
      const elements = type.options.map(elementOf).filter((e) => e !== undefined);
      return elements.length === 0 ? undefined : { type: unionOf(elements.map((e) => e.type)), keyed: elements.some((e) => e.keyed) };
    }
    default:
      return undefined;
  }
}
