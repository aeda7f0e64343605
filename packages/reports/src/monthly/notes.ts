import { readFile } from "node:fs/promises";
import { basename, extname } from "node:path";
import { normalizeLineBreaks, parseYaml } from "@qiyue/contract-model";
import { isMap, isScalar, isSeq, type LineCounter, type Node } from "yaml";
import { z } from "zod";
import { MonthlyReportError } from "./errors.js";

/** The narrative parts of a monthly report, which no export contains. */
export const NOTE_SECTIONS = ["hotIssues", "typicalCases", "proactive", "problems", "nextMonthPlan"] as const;
export type NoteSection = (typeof NOTE_SECTIONS)[number];

/** The heading each part has in the report (and may have in a Markdown notes file). */
export const NOTE_LABELS: Readonly<Record<NoteSection, string>> = {
  hotIssues: "热点问题",
  typicalCases: "典型案例",
  proactive: "主动治理",
  problems: "存在问题",
  nextMonthPlan: "下月计划",
};

/** Headings a Markdown notes file may use for each part, numbering such as “一、” or “（二）” aside. */
const HEADING_NAMES: Readonly<Record<NoteSection, readonly string[]>> = {
  hotIssues: ["热点问题", "热点问题分析", "热点诉求"],
  typicalCases: ["典型案例", "典型案例分析"],
  proactive: ["主动治理", "主动治理情况", "未诉先办", "主动治理（未诉先办）", "主动治理、未诉先办"],
  problems: ["存在问题", "存在的问题", "问题"],
  nextMonthPlan: ["下月计划", "下月工作计划", "下一步工作计划", "下步工作计划", "工作计划"],
};

/** One entry of a part: an optional title (a typical case's name) and its paragraphs. */
export const NoteItem = z.strictObject({ title: z.string().optional(), paragraphs: z.array(z.string()) });
export type NoteItem = z.infer<typeof NoteItem>;

/** What the report's cover says about the report itself, which no export contains. */
export interface CoverNotes {
  /** 报送日期, YYYY-MM-DD. */
  submitted?: string;
  /** 编制人. */
  compiler?: string;
  /** 审核人. */
  reviewer?: string;
}

/** The cover's keys: in YAML under `cover`, in Markdown as “报送日期：…” lines under a 封面 heading. */
export const COVER_LABELS: Readonly<Record<keyof CoverNotes, string>> = { submitted: "报送日期", compiler: "编制人", reviewer: "审核人" };

export type ReportNotes = Partial<Record<NoteSection, NoteItem[]>> & { cover?: CoverNotes };

const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

function paragraphsOf(text: string): string[] {
  return text
    .replace(/\r\n?/g, "\n")
    .split(/\n[ \t]*\n/)
    .map((p) =>
      p
        .split("\n")
        .map((l) => l.trim())
        .join(""),
    )
    .filter((p) => p !== "");
}

function position(node: Node | null | undefined, lines: LineCounter): { line: number; column: number } | Record<string, never> {
  const offset = node?.range?.[0];
  if (offset === undefined) return {};
  const pos = lines.linePos(offset);
  return { line: pos.line, column: pos.col };
}

/**
 * Notes as YAML: each of the keys `hotIssues`, `typicalCases`, `proactive`, `problems`,
 * `nextMonthPlan` holds text (paragraphs separated by blank lines) or a list whose entries
 * are text or `{ title, text }`. Any other key is an error at its line.
 */
export function parseNotesYaml(text: string, file: string): ReportNotes {
  const parsed = parseYaml(text, file);
  if ("issues" in parsed) {
    const first = parsed.issues[0]!;
    throw new MonthlyReportError("MONTHLY_NOTES_INVALID", first.message, {
      file,
      ...(first.line === undefined ? {} : { line: first.line, column: first.column ?? 1 }),
    });
  }
  const { doc, lineCounter: lines } = parsed;
  const fail = (message: string, node: Node | null | undefined): never => {
    throw new MonthlyReportError("MONTHLY_NOTES_INVALID", message, { file, ...position(node, lines) });
  };
  const root = doc.contents;
  if (root === null || (isScalar(root) && (root.value === null || root.value === ""))) return {};
  if (!isMap(root)) return fail(`月报素材应为键值表，键为 ${NOTE_SECTIONS.join("、")}`, root);
  const out: ReportNotes = {};
  for (const pair of root.items) {
    const keyNode = pair.key as Node;
    const key = isScalar(keyNode) ? String(keyNode.value) : "";
    if (key === "cover") {
      out.cover = coverFromYaml(pair.value as Node | null, fail);
      continue;
    }
    if (!(NOTE_SECTIONS as readonly string[]).includes(key)) {
      fail(`未知的键“${key}”；可用的键：${NOTE_SECTIONS.map((k) => `${k}（${NOTE_LABELS[k]}）`).join("、")}、cover（封面：报送日期、编制人、审核人）`, keyNode);
    }
    const section = key as NoteSection;
    const value = pair.value as Node | null;
    const items: NoteItem[] = [];
    const textOf = (node: Node | null | undefined, what: string): string => {
      if (isScalar(node) && (typeof node.value === "string" || typeof node.value === "number")) return String(node.value);
      return fail(`${key}${what}应为文字`, node ?? keyNode);
    };
    if (isSeq(value)) {
      for (const entry of value.items as Node[]) {
        if (isMap(entry)) {
          const known = new Set(["title", "text"]);
          for (const p of entry.items) {
            const k = isScalar(p.key) ? String(p.key.value) : "";
            if (!known.has(k)) fail(`${key} 的条目只能有 title 和 text，收到“${k}”`, p.key as Node);
          }
          const title = entry.get("title", true) as Node | undefined;
          const body = entry.get("text", true) as Node | undefined;
          if (body === undefined) fail(`${key} 的条目缺少 text`, entry);
          const item: NoteItem = { paragraphs: paragraphsOf(textOf(body, " 的 text ")) };
          if (title !== undefined) item.title = textOf(title, " 的 title ").trim();
          items.push(item);
        } else {
          items.push({ paragraphs: paragraphsOf(textOf(entry, " 的条目")) });
        }
      }
    } else if (value !== null && !(isScalar(value) && (value.value === null || value.value === ""))) {
      items.push(...paragraphsOf(textOf(value, " ")).map((p) => ({ paragraphs: [p] })));
    }
    const kept = items.filter((i) => i.paragraphs.length > 0 || i.title !== undefined);
    if (kept.length > 0) out[section] = kept;
  }
  return out;
}

/** The `cover` map of a YAML notes file: `submitted` (YYYY-MM-DD), `compiler`, `reviewer`. */
function coverFromYaml(value: Node | null, fail: (message: string, node: Node | null | undefined) => never): CoverNotes {
  if (!isMap(value)) return fail("cover 应为键值表：submitted（报送日期，YYYY-MM-DD）、compiler（编制人）、reviewer（审核人）", value);
  const cover: CoverNotes = {};
  for (const p of value.items) {
    const k = isScalar(p.key) ? String(p.key.value) : "";
    if (!(k in COVER_LABELS)) fail(`cover 的键只能是 submitted（报送日期）、compiler（编制人）、reviewer（审核人），收到“${k}”`, p.key as Node);
    const v = p.value as Node | null;
    const text = isScalar(v) && (typeof v.value === "string" || typeof v.value === "number") ? String(v.value).trim() : "";
    if (text === "") fail(`cover.${k}（${COVER_LABELS[k as keyof CoverNotes]}）应为文字`, v ?? (p.key as Node));
    if (k === "submitted" && !ISO_DATE.test(text)) fail(`cover.submitted（报送日期）应写作 YYYY-MM-DD，收到“${text}”`, v);
    cover[k as keyof CoverNotes] = text;
  }
  return cover;
}

/** "一、典型案例" → "典型案例". */
function headingName(text: string): string {
  return text
    .trim()
    .replace(/^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d+(?:\.\d+)*[、.．]?)\s*/, "")
    .replace(/[：:]$/, "")
    .trim();
}

function sectionOf(name: string): NoteSection | undefined {
  return NOTE_SECTIONS.find((s) => HEADING_NAMES[s].includes(name));
}

/**
 * Notes as Markdown: one heading per part (典型案例, 热点问题, 主动治理, 存在问题, 下月计划, with
 * or without numbering), all at the same level. Under a part, a deeper heading starts a titled
 * entry (a typical case), a list item an entry, and paragraphs belong to the entry they follow.
 * Text is taken as written, markup characters included. A heading the report has no part for
 * is an error at its line; a `# title` above the first part is allowed.
 */
export function parseNotesMarkdown(text: string, file: string): ReportNotes {
  const out: ReportNotes = {};
  const lines = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n").split("\n");
  let level: number | undefined;
  let section: NoteSection | undefined;
  let item: NoteItem | undefined;
  let paragraph: string[] = [];
  let fence = false;
  let inCover = false;
  const flush = (): void => {
    if (paragraph.length === 0 || section === undefined) return;
    const text = paragraph.join("");
    paragraph = [];
    if (item === undefined) {
      item = { paragraphs: [] };
      out[section] = [...(out[section] ?? []), item];
    }
    item.paragraphs.push(text);
  };
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (/^(```|~~~)/.test(line)) fence = !fence;
    const heading = fence ? null : /^(#{1,6})\s+(.*?)\s*#*$/.exec(line);
    if (heading !== null) {
      flush();
      const depth = heading[1]!.length;
      const name = headingName(heading[2]!);
      const found = sectionOf(name);
      const cover = name === "封面";
      if (level === undefined && found === undefined && !cover && depth === 1) return; // the document's title
      if (level === undefined && (found !== undefined || cover)) level = depth;
      inCover = false;
      if (cover && depth === level) {
        if (out.cover !== undefined) throw new MonthlyReportError("MONTHLY_NOTES_INVALID", "小节“封面”出现了两次", { file, line: i + 1, column: 1 });
        out.cover = {};
        inCover = true;
        section = undefined;
        item = undefined;
        return;
      }
      if (level !== undefined && depth <= level) {
        if (found === undefined || depth < level) {
          throw new MonthlyReportError(
            "MONTHLY_NOTES_INVALID",
            `标题“${heading[2]}”不是月报素材的小节；小节标题应为 ${NOTE_SECTIONS.map((s) => NOTE_LABELS[s]).join("、")}，且级别相同`,
            { file, line: i + 1, column: 1 },
          );
        }
        if (out[found] !== undefined) {
          throw new MonthlyReportError("MONTHLY_NOTES_INVALID", `小节“${NOTE_LABELS[found]}”出现了两次`, { file, line: i + 1, column: 1 });
        }
        section = found;
        out[section] = [];
        item = undefined;
        return;
      }
      if (section === undefined) {
        throw new MonthlyReportError("MONTHLY_NOTES_INVALID", `标题“${heading[2]}”不在任何小节之下`, { file, line: i + 1, column: 1 });
      }
      item = { title: heading[2]!.trim(), paragraphs: [] };
      out[section]!.push(item);
      return;
    }
    if (line === "") {
      flush();
      return;
    }
    if (inCover) {
      const entry = /^[-*+]?\s*(报送日期|编制人|审核人)\s*[：:]\s*(.+)$/.exec(line);
      const key = (Object.keys(COVER_LABELS) as (keyof CoverNotes)[]).find((k) => COVER_LABELS[k] === entry?.[1]);
      if (entry === null || key === undefined) {
        throw new MonthlyReportError("MONTHLY_NOTES_INVALID", "“封面”下每行写作“报送日期：YYYY-MM-DD”“编制人：姓名”或“审核人：姓名”", { file, line: i + 1, column: 1 });
      }
      const value = entry[2]!.trim();
      if (key === "submitted" && !ISO_DATE.test(value)) {
        throw new MonthlyReportError("MONTHLY_NOTES_INVALID", `报送日期应写作 YYYY-MM-DD，收到“${value}”`, { file, line: i + 1, column: 1 });
      }
      out.cover![key] = value;
      return;
    }
    if (section === undefined) {
      throw new MonthlyReportError(
        "MONTHLY_NOTES_INVALID",
        `这段文字不在任何小节之下；请放在 ${NOTE_SECTIONS.map((s) => `“## ${NOTE_LABELS[s]}”`).join("、")} 等标题下`,
        { file, line: i + 1, column: 1 },
      );
    }
    const bullet = fence ? null : /^(?:[-*+]|\d+[.)、])\s+(.*)$/.exec(line);
    if (bullet !== null) {
      flush();
      item = { paragraphs: [] };
      out[section]!.push(item);
      paragraph.push(bullet[1]!);
      return;
    }
    paragraph.push(line);
  });
  flush();
  for (const s of NOTE_SECTIONS) {
    const items = out[s]?.filter((i) => i.paragraphs.length > 0 || i.title !== undefined);
    if (items === undefined || items.length === 0) delete out[s];
    else out[s] = items;
  }
  return out;
}

/** Reads a notes file: `.yaml` / `.yml` as YAML, `.md` / `.markdown` / `.txt` as Markdown. */
export async function readNotesFile(path: string): Promise<ReportNotes> {
  const ext = extname(path).toLowerCase();
  const yaml = ext === ".yaml" || ext === ".yml";
  if (!yaml && ext !== ".md" && ext !== ".markdown" && ext !== ".txt") {
    throw new MonthlyReportError("MONTHLY_NOTES_UNREADABLE", "月报素材文件应为 .yaml / .yml（YAML）或 .md（Markdown）", { file: path });
  }
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new MonthlyReportError("MONTHLY_NOTES_UNREADABLE", code === "ENOENT" ? "月报素材文件不存在" : `无法读取月报素材文件（${code ?? "未知错误"}）`, {
      file: path,
    });
  }
  const name = basename(path);
  const body = normalizeLineBreaks(text.replace(/^\uFEFF/, ""));
  return yaml ? parseNotesYaml(body, name) : parseNotesMarkdown(body, name);
}
