/**
 * Clause references in the house form.
 *
 * The model keeps a clause id as the contract numbers it (`ClauseRef`): `五`, `二.2(1)`,
 * `一.2(2) 7)`, `三.(二).5`, `第二条(一)`, `4.2.2 c)`, `附件一 序号5`, `附件2 4.2`. A document
 * prints it in one form, whatever the contract's numbering style:
 *
 * | level | printed in the contract as | house form |
 * |---|---|---|
 * | article (条) | `五、`, `第五条`, `4.2`, `4.2.2` | `第五条`, `第4.2条`, `第4.2.2条` |
 * | subsection directly under an article | `(二)`, `（二）` | `（二）` |
 * | numbered paragraph (款) | `1.`, `1、` | `第1款` |
 * | item in brackets (项) | `(1)`, `（1）` | `第（1）项` |
 * | item with a half bracket | `7)`, `c)` | `第7项` (`第7目` under a bracketed item) |
 * | row of an attachment's table | `序号5` | `第5项` |
 * | attachment | `附件一`, `附件 2` | `附件一`, `附件2`, put before the rest |
 *
 * So `二.2(1)` → 第二条第2款第（1）项, `一.2(2) 7)` → 第一条第2款第（2）项第7目, `三.(二).5` →
 * 第三条（二）第5款, `第二条(一)` → 第二条（一）, `附件一 序号5` → 附件一第5项, `附件2 4.2` →
 * 附件2第4.2条. Numerals stay as printed (Chinese or Arabic); brackets become full-width; no
 * spaces. The house form reads back as itself, so formatting twice changes nothing.
 */

const CN = "[一二三四五六七八九十百零〇两]+";
const DEC = "\\d+(?:\\.\\d+)*";

/** How deep a part sits; each part of an id must sit deeper than the one before. */
const Depth = { Article: 1, Section: 2, Paragraph: 3, Item: 4, SubItem: 5 } as const;
type Depth = (typeof Depth)[keyof typeof Depth];

interface Part {
  depth: Depth;
  text: string;
}

type Reader = (rest: string, last: Depth | undefined) => { part: Part; length: number } | undefined;

function reader(pattern: string, make: (m: RegExpExecArray, last: Depth | undefined) => Part | undefined): Reader {
  const re = new RegExp(`^(?:${pattern})`);
  return (rest, last) => {
    const m = re.exec(rest);
    if (m === null) return undefined;
    const part = make(m, last);
    return part === undefined ? undefined : { part, length: m[0].length };
  };
}

/** Parts that may open an id (after an attachment, if any). */
const OPENERS: readonly Reader[] = [
  reader(`第(${CN}|${DEC})条`, (m) => ({ depth: Depth.Article, text: `第${m[1]}条` })),
  // a Chinese numeral alone is the article it heads (五、 → 第五条)
  reader(`(${CN})(?![\\u4e00-\\u9fff])`, (m) => ({ depth: Depth.Article, text: `第${m[1]}条` })),
  // a row of an attachment's table, or the house form of one
  reader(`(?:序号|第)(\\d+)项`, (m) => ({ depth: Depth.Item, text: `第${m[1]}项` })),
  reader(`序号(\\d+)`, (m) => ({ depth: Depth.Item, text: `第${m[1]}项` })),
  reader(`(${DEC})(?![\\d)])`, (m) => ({ depth: Depth.Article, text: `第${m[1]}条` })),
];

/** Parts that follow the first one. */
const FOLLOWERS: readonly Reader[] = [
  reader(`\\((${CN})\\)`, (m, last) =>
    last === Depth.Article ? { depth: Depth.Section, text: `（${m[1]}）` } : { depth: Depth.Item, text: `第（${m[1]}）项` },
  ),
  reader(`(?:第)?\\((\\d+|${CN})\\)(?:项)?`, (m) => ({ depth: Depth.Item, text: `第（${m[1]}）项` })),
  reader(`第(\\d+)款`, (m) => ({ depth: Depth.Paragraph, text: `第${m[1]}款` })),
  reader(`第(\\d+|[a-zA-Z])项`, (m) => ({ depth: Depth.Item, text: `第${m[1]}项` })),
  reader(`第(\\d+|[a-zA-Z])目`, (m) => ({ depth: Depth.SubItem, text: `第${m[1]}目` })),
  reader(`(\\d+|[a-zA-Z])\\)`, (m, last) =>
    last === Depth.Item ? { depth: Depth.SubItem, text: `第${m[1]}目` } : { depth: Depth.Item, text: `第${m[1]}项` },
  ),
  // a numbered paragraph: only under a Chinese-numbered article or a subsection
  reader(`(\\d+)(?![\\d)])`, (m, last) =>
    last === Depth.Article || last === Depth.Section ? { depth: Depth.Paragraph, text: `第${m[1]}款` } : undefined,
  ),
];

const ATTACHMENT = new RegExp(`^附件(${CN}|\\d+)`);
const SEPARATORS = /^[.\s、:：]+/;

/** Full-width brackets, dots and digits as ASCII, so one grammar reads every spelling. */
function normalise(id: string): string {
  return id
    .trim()
    .replace(/[（]/g, "(")
    .replace(/[）]/g, ")")
    .replace(/[．。]/g, ".")
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/第\s+/g, "第")
    .replace(/\s+([条款项目])/g, "$1")
    .replace(/附件\s+/g, "附件");
}

function skipSeparators(s: string): string {
  const m = SEPARATORS.exec(s);
  return m === null ? s : s.slice(m[0].length);
}

function readOne(readers: readonly Reader[], rest: string, last: Depth | undefined): { part: Part; length: number } | undefined {
  for (const read of readers) {
    const found = read(rest, last);
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * The house form of a clause id, or `undefined` when the id has a shape this grammar does not
 * know (so a caller or a test can say so instead of printing something wrong).
 *
 * @example
 * ```ts
 * tryFormatClause("二.2(1)");      // "第二条第2款第（1）项"
 * tryFormatClause("附件一 序号5"); // "附件一第5项"
 * tryFormatClause("见附件");       // undefined
 * ```
 */
export function tryFormatClause(id: string): string | undefined {
  let rest = normalise(id);
  let out = "";
  const attachment = ATTACHMENT.exec(rest);
  if (attachment !== null) {
    out = `附件${attachment[1]}`;
    rest = skipSeparators(rest.slice(attachment[0].length));
    if (rest === "") return out;
  }
  let last: Depth | undefined;
  while (rest !== "") {
    const found = readOne(last === undefined ? OPENERS : FOLLOWERS, rest, last);
    if (found === undefined || (last !== undefined && found.part.depth <= last)) return undefined;
    out += found.part.text;
    last = found.part.depth;
    rest = skipSeparators(rest.slice(found.length));
  }
  return out === "" ? undefined : out;
}

/**
 * A clause id as a document prints it, in the house form described above: `二.2(1)` →
 * 第二条第2款第（1）项, `4.2` → 第4.2条, `附件一 序号5` → 附件一第5项. An id of a shape the grammar
 * does not know is printed as given, in quotes after 条款 (`条款“见附件”`), never dressed up as
 * an article it may not be. Pass the id as stored in the model; the result needs no “第 … 条”
 * around it.
 */
export function formatClause(id: string): string {
  return tryFormatClause(id) ?? `条款“${id.trim()}”`;
}
