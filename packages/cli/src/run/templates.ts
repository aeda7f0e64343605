import { join } from "node:path";
import { checkTemplates, templateCatalog } from "@qiyue/reports";
import { describeOrigin, formatTemplateIssue, readTemplateFile, type TemplateEntry, type TemplatesCheckResult } from "@qiyue/templating";
import { parseArgs } from "../args.js";
import { ExitCode, usageError } from "../exit.js";
import type { Io } from "../io.js";
import { displayPath, userPath } from "../paths.js";

const OPTIONS = { json: { type: "boolean" }, templates: { type: "string" } } as const;

export type TemplatesRequest =
  | {
      action: "check";
      /** A folder of templates, or one template's folder; the built-in templates when undefined. */
      dir?: string;
      json: boolean;
    }
  | {
      action: "list";
      /** A folder of the user's templates, listed with the built-ins (`--templates`). */
      templatesDir?: string;
      json: boolean;
    };

/** Reads the command line into a request. Pure: reads no file. */
export function templatesRequest(argv: string[], io: Pick<Io, "cwd">): TemplatesRequest {
  const { values, positionals } = parseArgs(argv, OPTIONS);
  const [action, dir, ...rest] = positionals;
  if (action !== "check" && action !== "list") {
    throw usageError(action === undefined ? "请给出子命令：list 或 check" : `未知的子命令“${action}”：只能是 list 或 check`);
  }
  if (action === "list") {
    const extra = [dir, ...rest].filter((x) => x !== undefined);
    if (extra.length > 0) throw usageError(`多余的参数：${extra.join(" ")}（用户模板目录请用 --templates 目录）`);
    return { action, ...(values.templates !== undefined ? { templatesDir: userPath(io.cwd, values.templates) } : {}), json: values.json === true };
  }
  if (values.templates !== undefined) throw usageError("templates check 直接给出要检查的目录，不用 --templates");
  if (rest.length > 0) throw usageError(`多余的参数：${rest.join(" ")}`);
  return {
    action,
    ...(dir !== undefined ? { dir: userPath(io.cwd, dir) } : {}),
    json: values.json === true,
  };
}

function printHuman(io: Io, result: TemplatesCheckResult): void {
  for (const issue of result.issues) {
    io.stdout(`${formatTemplateIssue({ ...issue, file: displayPath(io.cwd, issue.file) })}\n`);
  }
  const errors = result.issues.filter((i) => i.severity === "error").length;
  const warnings = result.issues.length - errors;
  const found = errors + warnings === 0 ? "没有发现问题" : [errors > 0 ? `${errors} 个错误` : "", warnings > 0 ? `${warnings} 个警告` : ""].filter(Boolean).join("，");
  io.stdout(`检查了 ${result.templates.length} 个模板（${result.templates.join("、") || "无"}）：${found}\n`);
}

/** One entry as plain data for --json. */
function entryJson(entry: TemplateEntry): Record<string, unknown> {
  return {
    name: entry.name,
    dir: entry.dir,
    origin: entry.origin,
    ...(entry.shadows !== undefined ? { shadows: { dir: entry.shadows.dir, origin: entry.shadows.origin } } : {}),
  };
}

async function listTemplates(request: Extract<TemplatesRequest, { action: "list" }>, io: Io): Promise<number> {
  const catalog = await templateCatalog({ ...(request.templatesDir !== undefined ? { templatesDir: request.templatesDir } : {}), cwd: io.cwd });
  const entries = catalog.entries();
  if (request.json) {
    io.stdout(`${JSON.stringify(entries.map(entryJson), null, 2)}\n`);
    return ExitCode.ok;
  }
  const titles = await Promise.all(entries.map((e) => templateTitle(e.dir)));
  const nameWidth = Math.max(...entries.map((e) => e.name.length));
  const titleWidth = Math.max(...titles.map(displayWidth));
  entries.forEach((entry, i) => {
    const title = titles[i]!;
    const hides = entry.shadows === undefined ? "" : `（代替${describeOrigin(entry.shadows.origin)}）`;
    const origin = entry.origin.kind === "folder" ? `目录 ${displayPath(io.cwd, entry.origin.folder)}` : describeOrigin(entry.origin);
    io.stdout(`${entry.name.padEnd(nameWidth)}  ${title}${" ".repeat(titleWidth - displayWidth(title))}  ${origin}${hides}\n`);
  });
  io.stdout(`共 ${entries.length} 个模板。另可用已安装的模板包：qiyue render @单位/模板包名 …\n`);
  return ExitCode.ok;
}

/** Columns a text takes in a terminal: CJK characters take two. */
function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return width;
}

/** The manifest's title, for the listing (read without compiling the template). */
async function templateTitle(dir: string): Promise<string> {
  try {
    const text = await readTemplateFile(dir, join(dir, "manifest.yaml"));
    return /^title:\s*["']?([^"'\n#]+)/m.exec(text)?.[1]?.trim() ?? "";
  } catch {
    return "";
  }
}

export async function runTemplates(request: TemplatesRequest, io: Io): Promise<number> {
  if (request.action === "list") return listTemplates(request, io);
  const result = await checkTemplates(request.dir);
  if (request.json) io.stdout(`${JSON.stringify(result, null, 2)}\n`);
  else printHuman(io, result);
  return result.ok ? ExitCode.ok : ExitCode.failed;
}

/** Runs `qiyue templates` (see ../commands/templates.ts for its summary and usage). */
export async function run(argv: string[], io: Io): Promise<number> {
  return runTemplates(templatesRequest(argv, io), io);
}
