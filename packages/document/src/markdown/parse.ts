import MarkdownIt from "markdown-it";
import cjkFriendly from "markdown-it-cjk-friendly";
import { plainText } from "../model/text.js";
import type { Align, Document, Meta, ThemeName } from "../model/types.js";
import { getTheme } from "../theme/index.js";
import { convertBlocks } from "./blocks.js";
import { directivesPlugin } from "./directives.js";
import { inlineSegments, segmentsToRuns } from "./inline.js";
import { notePlugin } from "./note.js";
import { checkNesting } from "./nesting.js";
import { buildTree } from "./tree.js";

export interface ParseOptions {
  /** Theme name; `formal` (GB/T 9704) by default. */
  theme?: ThemeName;
  /** Overrides or completes the metadata; the title defaults to the first `# ` heading. */
  meta?: Partial<Meta>;
  /** Inline Markdown for the running header and footer of every page. */
  header?: string;
  footer?: string;
  headerAlign?: Align;
  footerAlign?: Align;
}

let parser: MarkdownIt | undefined;

/** The one Markdown parser, with the CJK extension, the qiyue directives and editor's notes. */
export function markdown(): MarkdownIt {
  if (parser === undefined) {
    parser = new MarkdownIt("default", { html: false, linkify: false, typographer: false });
    parser.use(cjkFriendly);
    parser.use(directivesPlugin);
    parser.use(notePlugin);
    // Keep escapes and character references as separate tokens so they stay literal.
    parser.disable("text_join");
  }
  return parser;
}

function inlineRuns(source: string) {
  const tokens = markdown().parseInline(source, {});
  return segmentsToRuns(inlineSegments(tokens[0]?.children ?? []));
}

/** Parses Markdown with the qiyue directives into the document model. */
export function parseMarkdown(source: string, options: ParseOptions = {}): Document {
  const theme = getTheme(options.theme ?? "formal").name;
  const tokens = markdown().parse(source, {});
  checkNesting(tokens);
  const lines = source.split(/\r\n|\r|\n/);
  const blocks = convertBlocks(buildTree(tokens), { lines, titleSeen: false });
  const firstTitle = blocks.find((b) => b.type === "title");
  const meta: Meta = {
    title: options.meta?.title ?? (firstTitle === undefined ? "" : plainText(firstTitle.runs)),
  };
  if (options.meta?.subject !== undefined) meta.subject = options.meta.subject;
  if (options.meta?.author !== undefined) meta.author = options.meta.author;
  if (options.meta?.keywords !== undefined) meta.keywords = [...options.meta.keywords];
  const doc: Document = { meta, theme, blocks };
  if (options.header !== undefined) doc.header = { runs: inlineRuns(options.header), align: options.headerAlign ?? "center" };
  if (options.footer !== undefined) doc.footer = { runs: inlineRuns(options.footer), align: options.footerAlign ?? "center" };
  return doc;
}
