import type { WorkingDayCalendar } from "@qiyue/contract-model";
import { escapeMarkdown } from "@qiyue/document";
import Handlebars from "handlebars";
import { ESCAPE_HELPER, GET_HELPER, rewriteProgram } from "./ast.js";
import { HelperError, TemplateError, type TemplateErrorCode } from "./errors.js";
import { describe } from "./helpers/args.js";
import { HELPERS, type HelperSpec } from "./helpers/index.js";
import { checkTemplateLimits } from "./limits.js";
import { checkPartialCycles, partialCalls } from "./partials.js";

/**
 * The one Handlebars environment for qiyue templates, isolated from the global one: only
 * qiyue's helpers and `if` / `unless` / `each` / `with`, strict lookups, no prototype access,
 * values escaped for Markdown (never HTML), partials only from the template's own folder.
 */
const hb = Handlebars.create();
hb.unregisterHelper("log");
hb.unregisterHelper("lookup");

type HelperOptions = Handlebars.HelperOptions & { loc?: { start: { line: number; column: number }; source?: string } };

/** Marks Markdown that qiyue wrote (a `markdown` helper's result), which is not escaped again. */
class TrustedMarkdown {
  constructor(readonly markdown: string) {}
}

function locationOf(options: HelperOptions, file: string) {
  const start = options.loc?.start;
  return { file: options.loc?.source ?? file, ...(start ? { line: start.line, column: start.column + 1 } : {}) };
}

/** Where a render's context travels through Handlebars: a private `@` data variable. */
const CONTEXT_KEY = "qiyueRenderContext";

function register(name: string, spec: HelperSpec): void {
  hb.registerHelper(name, (...args: unknown[]) => {
    const options = args.pop() as HelperOptions;
    if (spec.calendar) {
      const context = (options.data as Record<string, RenderContext | undefined> | undefined)?.[CONTEXT_KEY];
      while (args.length < spec.max) args.push(undefined);
      args.push(context?.calendar);
    }
    try {
      const result = (spec.fn as (...a: unknown[]) => unknown)(...args);
      return spec.markdown ? new TrustedMarkdown(String(result)) : result;
    } catch (e) {
      if (e instanceof HelperError) throw new TemplateError("TEMPLATE_HELPER", e.message, locationOf(options, "?"));
      throw e;
    }
  });
}

for (const [name, spec] of Object.entries(HELPERS)) register(name, spec);

const own = (object: object, key: string): boolean => Object.hasOwn(object, key);

hb.registerHelper(GET_HELPER, (...args: unknown[]) => {
  const options = args.pop() as HelperOptions;
  const [base, ...names] = args;
  const path = String(options.hash.path);
  let value = base;
  let walked = path.split(".")[0] ?? path;
  for (const name of names as string[]) {
    if (value === null || typeof value !== "object") {
      throw new TemplateError("TEMPLATE_MISSING_FIELD", `“${path}”中的“${walked}”不存在`, locationOf(options, "?"));
    }
    value = own(value, name) ? (value as Record<string, unknown>)[name] : undefined;
    walked = `${walked}.${name}`;
  }
  if (value === undefined && options.hash.required === true) {
    throw new TemplateError("TEMPLATE_MISSING_FIELD", `字段“${path}”不存在`, locationOf(options, "?"));
  }
  return value;
});

hb.registerHelper(ESCAPE_HELPER, (value: unknown, options: HelperOptions) => {
  if (value instanceof TrustedMarkdown) return new hb.SafeString(value.markdown);
  if (typeof value === "string" || typeof value === "number") return new hb.SafeString(escapeMarkdown(String(value)));
  const what = options.hash.path !== undefined ? `字段“${String(options.hash.path)}”` : `“${String(options.hash.helper ?? "值")}”的结果`;
  const message =
    value === undefined || value === null
      ? `${what}不存在（可选字段请先用 {{#if …}} 判断）`
      : `${what}是${describe(value)}，不能直接输出（只能输出文字或数字）`;
  throw new TemplateError("TEMPLATE_MISSING_FIELD", message, locationOf(options, "?"));
});

const KNOWN_HELPERS: Record<string, boolean> = { log: false, lookup: false, [ESCAPE_HELPER]: true, [GET_HELPER]: true };
for (const name of Object.keys(HELPERS)) KNOWN_HELPERS[name] = true;

const COMPILE_OPTIONS = { strict: true, knownHelpersOnly: true, knownHelpers: KNOWN_HELPERS, preventIndent: true } as const;
const RUNTIME_OPTIONS = { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false } as const;

export interface TemplateSource {
  /** The file the text came from, used in every message. */
  file: string;
  text: string;
  /**
   * Where a line and column of `text` are in `file`, when the text is only part of it (the
   * manifest's `output` pattern); the text is the whole file when absent.
   */
  position?: (line: number, column: number) => { line: number; column: number };
}

/** What a render depends on besides its data. */
export interface RenderContext {
  /** The working-day calendar `workdayDue` counts with; the built-in data when absent. */
  calendar?: WorkingDayCalendar;
}

export type CompiledTemplate = (data: unknown, context?: RenderContext) => string;

/** Parses with positions; a syntax error, or a template past the limits (limits.ts), names the file, line and column. */
function parse(source: TemplateSource): hbs.AST.Program {
  checkTemplateLimits(source.text, source.file);
  try {
    return hb.parseWithoutProcessing(source.text, { srcName: source.file });
  } catch (e) {
    const err = e as Error & { lineNumber?: number; column?: number };
    const first = err.message.split("\n");
    const detail = first.slice(1).join("\n");
    if (err.lineNumber !== undefined) {
      const message = err.message.replace(/ - \d+:\d+$/, "");
      throw new TemplateError("TEMPLATE_SYNTAX", `模板语法错误：${message}`, {
        file: source.file,
        line: err.lineNumber,
        ...(err.column !== undefined ? { column: err.column + 1 } : {}),
      });
    }
    const yylloc = (Handlebars as unknown as { Parser?: { lexer?: { yylloc?: { first_line: number; first_column: number } } } }).Parser?.lexer?.yylloc;
    const line = /on line (\d+)/.exec(first[0] ?? "")?.[1];
    throw new TemplateError("TEMPLATE_SYNTAX", `模板语法错误：${detail.split("\n").pop() ?? err.message}`, {
      file: source.file,
      ...(yylloc ? { line: yylloc.first_line, column: yylloc.first_column + 1 } : line ? { line: Number(line) } : {}),
    });
  }
}

function compileOne(source: TemplateSource, ast: hbs.AST.Program, partials: ReadonlySet<string>): HandlebarsTemplateDelegate {
  try {
    rewriteProgram({ file: source.file, helpers: HELPERS, partials }, ast);
    return hb.compile(ast, COMPILE_OPTIONS);
  } catch (e) {
    throw relocate(asTemplateError(e, source.file), source);
  }
}

/** An error about part of a file (see TemplateSource.position), moved to where that part is in the file. */
function relocate(e: unknown, source: TemplateSource): unknown {
  if (source.position === undefined || !(e instanceof TemplateError) || e.file !== source.file || e.line === undefined) return e;
  return new TemplateError(e.code as TemplateErrorCode, e.issues[0]?.message ?? e.message, {
    file: source.file,
    ...source.position(e.line, e.column ?? 1),
  });
}

/** Turns what Handlebars throws into a TemplateError with the file, line and column. */
function asTemplateError(e: unknown, file: string): unknown {
  if (e instanceof TemplateError) {
    return e.file === "?" ? new TemplateError(e.code as "TEMPLATE_HELPER", e.issues[0]?.message ?? e.message, { file, ...pos(e) }) : e;
  }
  const err = e as Error & { lineNumber?: number; column?: number };
  if (err instanceof Error && err.lineNumber !== undefined) {
    return new TemplateError("TEMPLATE_SYNTAX", err.message.replace(/ - \d+:\d+$/, ""), {
      file,
      line: err.lineNumber,
      ...(err.column !== undefined ? { column: err.column + 1 } : {}),
    });
  }
  return e;
}

function pos(e: TemplateError) {
  return { ...(e.line !== undefined ? { line: e.line } : {}), ...(e.column !== undefined ? { column: e.column } : {}) };
}

/**
 * Compiles a template and the partials of its folder (each used as `{{> name}}`).
 * Everything is checked before anything runs: `{{{ }}}`, unknown helpers and partials and
 * syntax errors fail here, with the file, line and column.
 */
export function compileTemplate(main: TemplateSource, partials: Readonly<Record<string, TemplateSource>> = {}): CompiledTemplate {
  const names = new Set(Object.keys(partials));
  const parsed = new Map(Object.entries(partials).map(([name, source]) => [name, { source, ast: parseAt(source) }]));
  const mainAst = parseAt(main);
  checkPartialCycles(
    { file: main.file, calls: partialCalls(mainAst) },
    new Map([...parsed].map(([name, { source, ast }]) => [name, { file: source.file, calls: partialCalls(ast) }])),
  );
  const compiledPartials: Record<string, HandlebarsTemplateDelegate> = {};
  for (const [name, { source, ast }] of parsed) compiledPartials[name] = compileOne(source, ast, names);
  const template = compileOne(main, mainAst, names);
  return (data: unknown, context: RenderContext = {}) => {
    try {
      return template(data, { ...RUNTIME_OPTIONS, partials: compiledPartials, data: { [CONTEXT_KEY]: context } });
    } catch (e) {
      throw relocate(asTemplateError(e, main.file), main);
    }
  };
}

function parseAt(source: TemplateSource): hbs.AST.Program {
  try {
    return parse(source);
  } catch (e) {
    throw relocate(e, source);
  }
}

/** Renders a short text such as an output file name: the same rules, without Markdown escaping. */
export function compilePlainText(source: TemplateSource): CompiledTemplate {
  const render = compileTemplate(source);
  return (data: unknown, context?: RenderContext) => unescapeMarkdown(render(data, context));
}

/** Undoes `escapeMarkdown` for text that is not Markdown (backslash escapes and numeric references). */
export function unescapeMarkdown(text: string): string {
  return text
    .replace(/\\([!-/:-@[-`{-~])/g, "$1")
    .replace(/&#(x[0-9a-fA-F]+|\d+);/g, (_all, code: string) =>
      String.fromCodePoint(code.startsWith("x") ? Number.parseInt(code.slice(1), 16) : Number(code)),
    );
}
