import type { SignatureBlock, SignatureLine } from "@qiyue/contract-model";
import type { SourceLine, SourceText } from "../../source/types.js";
import { findDates, parseDate } from "./dates.js";
import { cellsOf, isBlank, normLabel, partyFieldOf, roleOf, type Side, splitPairs } from "./labels.js";

/** One printed line of a signature block: its caption and what follows it, as printed. */
export interface SignatureItem {
  line: SourceLine;
  /** The caption as printed, without its colon (letter spacing kept: 电 话). */
  label?: string;
  value?: string;
  /** The line the value was printed on, when not the caption's own. */
  valueLine?: SourceLine;
  /** The caption exactly as printed, for a table cell before its wrapped words are joined. */
  printed?: string;
  /** A line naming a side (甲方（盖章）：…, a table's 甲 方 cell). */
  side?: Side;
  /** Printed in a table's seal column: goes after the block's other lines. */
  seal?: boolean;
  /** The column of a table whose cells each hold one side's line (委托方（盖章）：… | 受托方（盖章）：…). */
  column?: number;
}

/** What one side's signature block prints, read into SignatureBlock fields. */
export interface ReadBlock {
  side: Side;
  items: SignatureItem[];
  name?: { value: string; item: SignatureItem };
  signer?: { value: string; item: SignatureItem };
  signerRole?: { value: string; item: SignatureItem };
  date?: { iso: string; text: string; item: SignatureItem };
  /** Party fields the block prints (address, phone, bank …): SignatureBlock key → value. */
  fields: { key: string; partyPath: string[] | undefined; value: string; item: SignatureItem }[];
}

const SIGN_WORDS = /(签字|签章|盖章|签名)[)）]?$/;
const ORG_END = /(公司|中心|局|政府|办事处|委员会|院|所|站|队|处|部|室|厂|社|会|集团|银行|支行|分行)$/;

/** A caption printed in a table cell, its wrapped words joined: "邮政 编码" → "邮政编码"; letter spacing (电 话) kept. */
function tableLabel(cell: string): string {
  const t = cell.trim();
  if (/^(\S\s)+\S$/.test(t) && [...t.replace(/\s/g, "")].length <= 4) return t;
  return t.replace(/\s+/g, "");
}

function isSealCell(cell: string): boolean {
  return /(公章|专用\s*章|印章)/.test(cell) || (findDates(cell).length > 0 && !/[:：]/.test(cell));
}

/** A signature line read on its own. */
function itemsOfLine(line: SourceLine): SignatureItem[] {
  const cells = cellsOf(line);
  if (cells !== undefined && cells.length >= 2 && cells.every((c) => c === "" || /[:：]/.test(c) || SIGN_WORDS.test(c) || parseDate(c) !== undefined)) {
    // one side a column, each cell a line of its own
    return cells.flatMap((c, column) => (c === "" ? [] : textItems(line, c).map((it) => ({ ...it, column }))));
  }
  if (cells !== undefined) {
    const items: SignatureItem[] = [];
    let k = 0;
    const first = cells[0] ?? "";
    const role = roleOf(first);
    if (role !== undefined && normLabel(first) === role.role) {
      items.push({ line, value: first, side: role.side });
      k = 1;
    }
    const rest = cells.slice(k).filter((c) => c !== "");
    for (let i = 0; i < rest.length; i++) {
      const cell = rest[i] as string;
      if (isSealCell(cell)) {
        const dates = findDates(cell);
        const last = dates.at(-1);
        const caption = (last === undefined ? cell : cell.slice(0, last.index)).replace(/\s+/g, "");
        if (caption !== "") items.push({ line, value: caption, seal: true });
        if (last !== undefined) items.push({ line, value: last.text, seal: true });
        continue;
      }
      const value = rest[i + 1];
      if (value !== undefined && !isSealCell(value)) {
        items.push({ line, label: tableLabel(cell), printed: cell, value });
        i++;
      } else items.push({ line, label: tableLabel(cell), printed: cell });
    }
    return items;
  }
  // two sides printed on one line, apart: 甲方（盖章）：…      乙方（盖章）：…
  const parts = line.text.trim().split(/\s{4,}|\u3000{2,}/);
  if (parts.length === 2 && parts.every((p) => /[:：]/.test(p) || SIGN_WORDS.test(p) || parseDate(p) !== undefined)) {
    return parts.flatMap((p, column) => textItems(line, p).map((it) => ({ ...it, column })));
  }
  return textItems(line, line.text.trim());
}

/** The items of one printed line (or one table cell) of text. */
function textItems(line: SourceLine, text: string): SignatureItem[] {
  if (/[:：]/.test(text)) {
    const pairs = splitPairs(text);
    return pairs.map((p) => {
      const role = roleOf(p.label);
      const value = isBlank(p.value) ? undefined : p.value;
      return { line, label: p.label.replace(/\s+$/, ""), ...(value !== undefined ? { value } : {}), ...(role ? { side: role.side } : {}) };
    });
  }
  if (/^[（(]\s*(盖章|签章|公章)\s*[)）]$/.test(text) || parseDate(text) !== undefined) return [{ line, value: text }];
  if (SIGN_WORDS.test(text)) {
    const role = roleOf(text);
    return [{ line, label: text, ...(role ? { side: role.side } : {}) }];
  }
  return [{ line, value: text }];
}

function isDateLabel(label: string | undefined): boolean {
  return label !== undefined && /(日期|时间)$/.test(normLabel(label).replace(SIGN_WORDS, ""));
}

/** Joins what one printed line spread over two: a caption and its value, a name broken at the line end. */
function joinItems(items: SignatureItem[]): SignatureItem[] {
  const out: SignatureItem[] = [];
  for (const item of items) {
    const prev = out.at(-1);
    if (prev !== undefined && item.label === undefined && item.value !== undefined && !item.seal && !prev.seal) {
      const isDate = parseDate(item.value) !== undefined;
      const isSeal = /^[（(]\s*(盖章|签章|公章)\s*[)）]$/.test(item.value);
      if (prev.label !== undefined && prev.value === undefined && !isSeal && (isDate ? isDateLabel(prev.label) : !isDateLabel(prev.label))) {
        prev.value = item.value;
        prev.valueLine = item.line;
        continue;
      }
      if (prev.side !== undefined && prev.value !== undefined && !isDate && !isSeal && ORG_END.test(item.value) && !ORG_END.test(prev.value)) {
        prev.value = `${prev.value}${item.value}`;
        continue;
      }
    }
    out.push({ ...item });
  }
  return out;
}

/** Two lines printed alike: the same caption, or two bare dates. */
function sameCaption(a: SignatureItem, b: SignatureItem): boolean {
  if (a.label !== undefined || b.label !== undefined) return a.label !== undefined && normLabel(a.label) === normLabel(b.label ?? "");
  return a.value !== undefined && b.value !== undefined && parseDate(a.value) !== undefined && parseDate(b.value) !== undefined;
}

/** Splits the signature lines into the two sides' blocks; undefined when the layout cannot be told. */
function assignSides(items: SignatureItem[]): Map<Side, SignatureItem[]> | undefined {
  const blocks = new Map<Side, SignatureItem[]>();
  const headers = items.map((it, i) => (it.side !== undefined ? i : -1)).filter((i) => i >= 0);
  const h0 = headers[0];
  const h1 = headers[1];
  if (h0 === undefined) return undefined;
  const columns = items.filter((it) => it.column !== undefined && it.side !== undefined);
  if (columns.length === 2 && columns[0]?.column !== columns[1]?.column && columns[0]?.side !== columns[1]?.side) {
    for (const it of items) {
      const owner = columns.find((c) => c.column === it.column)?.side;
      if (owner === undefined) return undefined;
      blocks.set(owner, [...(blocks.get(owner) ?? []), it]);
    }
    return blocks;
  }
  const tableLike = items.some((it) => it.line.cells !== undefined);
  const a = items[h0] as SignatureItem;
  const b = h1 === undefined ? undefined : (items[h1] as SignatureItem);
  if (!tableLike && b !== undefined && h1 === h0 + 1 && a.side !== b.side && headers.length === 2) {
    // two columns read row by row: the lines after the two names alternate between the sides
    const rest = items.slice(h1 + 1);
    if (rest.length % 2 !== 0) return undefined;
    blocks.set(a.side as Side, [a, ...rest.filter((_, i) => i % 2 === 0)]);
    blocks.set(b.side as Side, [b, ...rest.filter((_, i) => i % 2 === 1)]);
    return blocks;
  }
  let side: Side | undefined;
  for (const it of items.slice(h0)) {
    if (it.side !== undefined) side = it.side;
    if (side === undefined) continue;
    // a side named twice: not a layout this reader knows
    if (it.side !== undefined && blocks.has(it.side)) return undefined;
    const list = blocks.get(side) ?? [];
    list.push(it);
    blocks.set(side, list);
  }
  // the last row printed for both sides under the second block (日期 | 日期): the first of each pair is the first side's
  const sides = [...blocks.keys()];
  const [firstSide, secondSide] = sides;
  const second = secondSide === undefined ? undefined : blocks.get(secondSide);
  if (firstSide !== undefined && second !== undefined && !tableLike) {
    const moved: SignatureItem[] = [];
    const kept: SignatureItem[] = [];
    for (let i = 0; i < second.length; i++) {
      const a = second[i] as SignatureItem;
      const b = second[i + 1];
      if (b !== undefined && a.side === undefined && b.side === undefined && sameCaption(a, b)) {
        moved.push(a);
        kept.push(b);
        i++;
      } else kept.push(a);
    }
    if (moved.length > 0) {
      blocks.set(firstSide, [...(blocks.get(firstSide) ?? []), ...moved]);
      blocks.set(secondSide as Side, kept);
    }
  }
  for (const [s, list] of blocks) {
    const seals = list.filter((it) => it.seal);
    blocks.set(s, [...list.filter((it) => !it.seal), ...seals]);
  }
  return blocks;
}

/** The block's content read into fields. */
function readBlock(side: Side, items: SignatureItem[]): ReadBlock {
  const block: ReadBlock = { side, items, fields: [] };
  const signerItems: SignatureItem[] = [];
  for (const it of items) {
    const label = it.label;
    const value = it.value;
    if (it.side !== undefined) {
      if (label !== undefined && value !== undefined) block.name = { value: stripSeal(value), item: it };
      continue;
    }
    if (label === undefined) {
      const d = value === undefined ? undefined : parseDate(value);
      if (d !== undefined && block.date === undefined) block.date = { iso: d.iso, text: d.text, item: it };
      continue;
    }
    if (isDateLabel(label)) {
      const d = value === undefined ? undefined : findDates(value)[0];
      if (d !== undefined && block.date === undefined) block.date = { iso: d.iso, text: d.text, item: it };
      continue;
    }
    const n = normLabel(label);
    if (/^名称/.test(n)) {
      if (value !== undefined) block.name = { value: stripSeal(value), item: it };
      continue;
    }
    const bare = n.replace(SIGN_WORDS, "").replace(/[(（]$/, "");
    const signs = SIGN_WORDS.test(n) || /[或/]/.test(n);
    const field = partyFieldOf(bare);
    if (signs && (field === undefined || /[或/]/.test(bare) || SIGN_WORDS.test(n))) {
      signerItems.push(it);
      continue;
    }
    if (/住所|地址/.test(n) && field === undefined && value !== undefined) {
      block.fields.push({ key: "address", partyPath: undefined, value, item: it });
      continue;
    }
    if (field === undefined || value === undefined) continue;
    const key = BLOCK_KEY[field.path.join(".")];
    if (key !== undefined) block.fields.push({ key, partyPath: field.path, value, item: it });
  }
  const withValue = signerItems.find((it) => it.value !== undefined && stripSeal(it.value) !== "");
  if (withValue !== undefined) {
    block.signer = { value: stripSeal(withValue.value as string), item: withValue };
    const role = (withValue.printed ?? (withValue.label as string)).replace(/\s*[（(]?\s*(签字|签章|盖章|签名)\s*[)）]?$/, "").trim();
    block.signerRole = { value: role, item: withValue };
  } else if (signerItems.length > 0) {
    block.signerRole = { value: signerItems.map((it) => it.label as string).join(" "), item: signerItems[0] as SignatureItem };
  }
  return block;
}

/** SignatureBlock keys for the party fields a signature block may print. */
const BLOCK_KEY: Record<string, string> = {
  address: "address",
  postalAddress: "address",
  postalCode: "postalCode",
  phone: "phone",
  fax: "fax",
  legalRepresentative: "legalRepresentative",
  authorizedAgent: "authorizedAgent",
  "bank.bank": "bank",
  "bank.accountNumber": "accountNumber",
};

/** A name or signer printed with its seal caption: "王 峰 (签章)" → "王 峰". */
export function stripSeal(value: string): string {
  return value.replace(/\s*[（(]\s*(签章|盖章|签字|公章)\s*[)）]\s*$/, "").trim();
}

/** The signature blocks printed in lines [start, end): one per side, or a reason they cannot be read. */
export function readSignatureBlocks(source: SourceText, start: number, end: number): { blocks: ReadBlock[] } | { problem: string } {
  const raw: SignatureItem[] = [];
  for (const line of source.lines.slice(start, end)) {
    if (line.text === "") continue;
    raw.push(...itemsOfLine(line));
  }
  const sides = assignSides(joinItems(raw));
  if (sides === undefined) return { problem: "签署栏的排版无法判断哪一栏属于甲方、哪一栏属于乙方" };
  return { blocks: [...sides].map(([side, items]) => readBlock(side, items)) };
}

/** A read signature block as the model's SignatureBlock, fields in the schema's order. */
export function toSignatureBlock(b: ReadBlock): SignatureBlock {
  const field = (key: string) => b.fields.find((f) => f.key === key)?.value;
  const lines: SignatureLine[] = b.items.map((it) => ({
    ...(it.label !== undefined ? { label: it.label.trim() } : {}),
    ...(it.value !== undefined ? { value: it.value } : {}),
  }));
  const block: Record<string, unknown> = {
    name: b.name?.value,
    signer: b.signer?.value,
    signerRole: b.signerRole?.value,
    legalRepresentative: field("legalRepresentative"),
    authorizedAgent: field("authorizedAgent"),
    address: field("address"),
    postalCode: field("postalCode"),
    phone: field("phone"),
    fax: field("fax"),
    bank: field("bank"),
    accountNumber: field("accountNumber"),
    date: b.date?.iso,
    dateText: b.date?.text,
    lines,
  };
  for (const k of Object.keys(block)) if (block[k] === undefined) delete block[k];
  return block as SignatureBlock;
}

