/**
 * The two parties: name, address, legal representative, contacts, bank. Read from the party
 * blocks at the head of the contract (甲方：… followed by 地址：…, or a table of both sides),
 * then from the payment clause's account lines (the vendor's bank), then from the signature
 * page and the attachments' signature blocks for what the head does not print.
 */
import type { SourceLine } from "../source/types.js";
import {
  cellsOf,
  cleanValue,
  isBlank,
  normLabel,
  type Pair,
  partyFieldOf,
  ROLE_PATTERN,
  roleOf,
  type Side,
  splitPairs,
} from "./text/labels.js";
import { attachmentSignatureStart, plainSource, regionsOf, SEAL_HEADER } from "./text/regions.js";
import { type ReadBlock, readSignatureBlocks, stripSeal } from "./text/signature.js";
import { type Confidence, type Extraction, type Extractor, type FoundField, refOf, type ToConfirm } from "./types.js";

const SIDE_NAME: Record<Side, string> = { client: "甲方", vendor: "乙方" };

/** A party field's name in a reason to confirm. */
const FIELD_NAME: Record<string, string> = {
  name: "名称",
  address: "地址",
  postalAddress: "通讯地址",
  postalCode: "邮政编码",
  legalRepresentative: "法定代表人",
  legalRepresentativeTitle: "法定代表人称谓",
  authorizedAgent: "委托代理人",
  "contact.name": "联系人",
  "contact.phone": "联系人电话",
  phone: "电话",
  fax: "传真",
  email: "电子邮箱",
  "bank.bank": "开户银行",
  "bank.accountName": "户名",
  "bank.accountNumber": "账号",
};

/** Where a reading came from, surest first: the party block, the payment clause, the signature page, an attachment's signature block. */
const Tier = { Head: 0, Payment: 1, SignaturePage: 2, Attachment: 3 } as const;
type Tier = (typeof Tier)[keyof typeof Tier];

interface Candidate {
  side: Side;
  path: string[];
  value: string;
  line: SourceLine;
  match: string;
  tier: Tier;
  confidence: Confidence;
}

const HEADER = new RegExp(`^(${ROLE_PATTERN})\\s*(?:[（(]([^）)]*)[）)])?\\s*[:：]\\s*(.*)$`);
const ALIAS = /\s*[（(]?\s*以下(?:简)?称\s*[“"「]?\s*([^”"」）)]*?)\s*[”"」]?\s*[）)]?\s*$/;
/** Fields whose readings must agree wherever they are printed: money goes there. */
const MUST_AGREE = new Set(["bank.bank", "bank.accountName", "bank.accountNumber"]);

/** Of a side's names, the one printed most often in `text` (the first on a tie: the 以下简称 name, then the printed role). */
function mostUsed(names: string[], text: string): string {
  const count = (n: string) => text.split(n).length - 1;
  return names.reduce((best, n) => (count(n) > count(best) ? n : best), names[0] ?? "");
}

function squeeze(s: string): string {
  return s.replace(/\s+/g, "");
}

/** Where a run of party-block lines stands: the side it is about, and whether a contact person was named. */
interface BlockState {
  side: Side | undefined;
  contactSeen: boolean;
}

const COLUMN_GAP = /\s{4,}|\u3000{2,}/;

/**
 * The party blocks at the head of the contract, as label lines under a 甲方：/ 乙方： line; also
 * two blocks printed side by side (甲方：A        乙方：B, then 地址：x        地址：y).
 */
function headBlocks(lines: SourceLine[], out: Candidate[], blanks: Candidate[], labels: Map<Side, { label: string; line: SourceLine }>): void {
  const whole = lines.map((l) => l.text.replace(/\s+/g, "")).join("\n");
  const single: BlockState = { side: undefined, contactSeen: false };
  let columns: BlockState[] | undefined;
  for (const line of lines) {
    const text = line.text;
    if (text === "") continue;
    if (cellsOf(line) !== undefined) {
      single.side = undefined;
      columns = undefined;
      continue;
    }
    const parts = text.split(COLUMN_GAP);
    const sidesOf = parts.map((p) => (HEADER.test(p) && !SEAL_HEADER.test(p) ? roleOf(p)?.side : undefined));
    if (parts.length === 2 && sidesOf[0] !== undefined && sidesOf[1] !== undefined && sidesOf[0] !== sidesOf[1]) {
      columns = [
        { side: undefined, contactSeen: false },
        { side: undefined, contactSeen: false },
      ];
    }
    if (columns !== undefined && parts.length === 2) {
      for (const [k, part] of parts.entries()) readBlockText(part, line, columns[k] as BlockState, whole, out, blanks, labels);
      continue;
    }
    columns = undefined;
    readBlockText(text, line, single, whole, out, blanks, labels);
  }
}

/** One printed line (or one column of it) of a party block. */
function readBlockText(
  text: string,
  line: SourceLine,
  state: BlockState,
  whole: string,
  out: Candidate[],
  blanks: Candidate[],
  labels: Map<Side, { label: string; line: SourceLine }>,
): void {
  const h = SEAL_HEADER.test(text) ? null : HEADER.exec(text);
  const role = h?.[1] === undefined ? undefined : roleOf(h[1]);
  // a whole block on one line: 甲方：名称，地址：…，电话：…
  const comma = /[，,；;]/.exec(h?.[3] ?? "");
  const rest = comma === null ? "" : (h?.[3] ?? "").slice(comma.index + 1);
  const restPairs = splitPairs(rest).filter((p) => partyFieldOf(p.label) !== undefined);
  let pairs: Pair[];
  if (h !== null && role !== undefined && !/。/.test(h[3] ?? "") && (comma === null || /[:：]/.test(rest))) {
    state.side = role.side;
    state.contactSeen = false;
    let name = (comma === null ? (h[3] ?? "") : (h[3] ?? "").slice(0, comma.index)).trim();
    const alias = ALIAS.exec(name);
    if (alias !== null) name = name.slice(0, alias.index).trim();
    // the names the contract gives this side (甲方（采购人）, 委托方…（以下简称“甲方”）): the one its text uses most
    const names = [alias?.[1], h[1], h[2]]
      .filter((n): n is string => n !== undefined && roleOf(n)?.side === role.side)
      .map((n) => roleOf(n)?.role as string);
    if (!labels.has(role.side)) labels.set(role.side, { label: mostUsed(names, whole), line });
    // a name with another side's caption in it is two columns run together: not a name
    const mixed = new RegExp(`${ROLE_PATTERN}\\s*[:：]`).test(name);
    if (name !== "" && !isBlank(name) && !mixed)
      out.push({ side: role.side, path: ["name"], value: name, line, match: name, tier: Tier.Head, confidence: "high" });
    if (restPairs.length === 0) return;
    pairs = restPairs;
  } else {
    if (state.side === undefined) return;
    // a block runs over short "label：value" lines; a sentence ends it
    if (!/[:：]/.test(text) || text.length > 80) {
      state.side = undefined;
      return;
    }
    pairs = splitPairs(text);
  }
  const side = state.side;
  for (const pair of pairs) {
    const field = partyFieldOf(pair.label);
    if (field === undefined) continue;
    let path = field.path;
    if (path[0] === "contact" && path[1] === "name") state.contactSeen = true;
    if (path[0] === "contact" && path[1] === "phone" && !state.contactSeen) path = ["phone"];
    const c: Candidate = { side, path, value: pair.value, line, match: pair.label, tier: Tier.Head, confidence: "high" };
    if (isBlank(pair.value)) blanks.push(c);
    else {
      out.push(c);
      if (field.title !== undefined) out.push({ ...c, path: ["legalRepresentativeTitle"], value: pair.label.replace(/\s+/g, "") });
    }
  }
}

/**
 * Tables of party details, in three layouts: a row naming the two sides over their columns
 * (项目 | 委托方 | 受托方, then 名称 | A | B); rows of pairs (甲方 | A | 乙方 | B, then 地址 | x | 地址 | y);
 * or a side's cell heading its rows (甲 方 | 名称 | A, then | 住所 | x | 邮政编码 | y).
 */
function tableBlocks(lines: SourceLine[], out: Candidate[], labels: Map<Side, { label: string; line: SourceLine }>): Set<SourceLine> {
  const used = new Set<SourceLine>();
  let columns: Map<number, Side> | undefined;
  let pairsLayout = false;
  let rowSide: Side | undefined;
  const push = (side: Side, label: string, value: string, line: SourceLine) => {
    const field = partyFieldOf(label);
    if (field === undefined || isBlank(value)) return;
    const v = field.path[0] === "name" ? stripSeal(cleanValue(value)) : cleanValue(value);
    out.push({ side, path: field.path, value: v, line, match: value, tier: Tier.Head, confidence: "medium" });
    if (field.title !== undefined) out.push({ side, path: ["legalRepresentativeTitle"], value: normLabel(label), line, match: label, tier: Tier.Head, confidence: "medium" });
  };
  for (const line of lines) {
    const cells = cellsOf(line);
    if (cells === undefined) {
      if (line.text !== "") {
        columns = undefined;
        rowSide = undefined;
      }
      continue;
    }
    const sides = new Map<number, Side>();
    for (const [i, c] of cells.entries()) {
      const role = roleOf(c);
      if (role !== undefined && normLabel(c).length <= role.role.length + 6) sides.set(i, role.side);
    }
    if (new Set(sides.values()).size === 2 && sides.size === 2) {
      const keys = [...sides.keys()];
      pairsLayout = keys[1] === (keys[0] ?? 0) + 2 && keys.every((k) => (cells[k + 1] ?? "") !== "" && roleOf(cells[k + 1] as string) === undefined);
      rowSide = undefined;
      if (pairsLayout) {
        columns = new Map(keys.map((k) => [k + 1, sides.get(k) as Side]));
        for (const k of keys) {
          const side = sides.get(k) as Side;
          const value = cells[k + 1] as string;
          if (!labels.has(side)) labels.set(side, { label: normLabel(cells[k] as string).slice(0, 4), line });
          out.push({ side, path: ["name"], value, line, match: value, tier: Tier.Head, confidence: "medium" });
        }
      } else {
        columns = sides;
        for (const [k, side] of sides) if (!labels.has(side)) labels.set(side, { label: normLabel(cells[k] as string), line });
      }
      used.add(line);
      continue;
    }
    const first = cells[0] ?? "";
    const firstRole = roleOf(first);
    if (firstRole !== undefined && normLabel(first) === firstRole.role && cells.length > 2) {
      rowSide = firstRole.side;
      columns = undefined;
      if (!labels.has(rowSide)) labels.set(rowSide, { label: firstRole.role, line });
    }
    if (rowSide !== undefined && (first === "" || firstRole?.side === rowSide)) {
      const rest = cells.slice(1).filter((c) => c !== "");
      for (let i = 0; i + 1 < rest.length; i += 2) push(rowSide, rest[i] as string, rest[i + 1] as string, line);
      used.add(line);
      continue;
    }
    rowSide = undefined;
    if (columns === undefined) continue;
    for (const [k, side] of columns) {
      const label = pairsLayout ? cells[k - 1] : cells[0];
      const value = cells[k];
      if (label !== undefined && value !== undefined) push(side, label, value, line);
    }
    used.add(line);
  }
  return used;
}

/** Account lines in the text (开户行：… 账号：…): the vendor's, unless the line names 甲方. */
function paymentAccounts(lines: SourceLine[], taken: Set<SourceLine>, out: Candidate[]): void {
  let context = "";
  for (const line of lines) {
    if (line.text === "" || taken.has(line)) continue;
    const pairs = splitPairs(line.text).filter((p) => partyFieldOf(p.label)?.path[0] === "bank" && !isBlank(p.value));
    if (pairs.length === 0) {
      context = line.text;
      continue;
    }
    const around = `${context}${line.text}`;
    const side: Side = /甲方/.test(around) && !/乙方/.test(around) ? "client" : "vendor";
    for (const p of pairs) {
      const field = partyFieldOf(p.label);
      if (field === undefined) continue;
      out.push({ side, path: field.path, value: p.value, line, match: p.label, tier: Tier.Payment, confidence: "medium" });
    }
  }
}

function fromSignature(blocks: ReadBlock[], tier: Tier, out: Candidate[]): void {
  for (const b of blocks) {
    if (tier === Tier.SignaturePage && b.name !== undefined) {
      out.push({ side: b.side, path: ["name"], value: b.name.value, line: b.name.item.line, match: b.name.value, tier, confidence: "medium" });
    }
    if (tier === Tier.SignaturePage) {
      for (const f of b.fields) {
        if (f.partyPath === undefined) continue;
        out.push({ side: b.side, path: f.partyPath, value: f.value, line: f.item.valueLine ?? f.item.line, match: f.value, tier, confidence: "medium" });
      }
    }
    // a signer printed under a caption that names one office only (负责人（签字）：…)
    if (b.signer !== undefined && b.signerRole !== undefined) {
      const field = partyFieldOf(b.signerRole.value);
      if (field !== undefined && (field.path[0] === "legalRepresentative" || field.path[0] === "authorizedAgent")) {
        const line = b.signer.item.valueLine ?? b.signer.item.line;
        out.push({ side: b.side, path: field.path, value: b.signer.value, line, match: b.signer.value, tier, confidence: "medium" });
        if (field.title !== undefined)
          out.push({ side: b.side, path: ["legalRepresentativeTitle"], value: normLabel(b.signerRole.value), line, match: b.signer.value, tier, confidence: "medium" });
      }
    }
  }
}

export const extractParties: Extractor = (ctx) => {
  const source = plainSource(ctx.source);
  const regions = regionsOf(source);
  const candidates: Candidate[] = [];
  const blanks: Candidate[] = [];
  const labels = new Map<Side, { label: string; line: SourceLine }>();
  const body = source.lines.slice(0, regions.bodyEnd);
  headBlocks(body, candidates, blanks, labels);
  const tableLines = tableBlocks(body, candidates, labels);
  const headLines = new Set(candidates.map((c) => c.line));
  for (const l of tableLines) headLines.add(l);
  paymentAccounts(body, headLines, candidates);
  const toConfirm: ToConfirm[] = [];
  if (regions.signature !== undefined) {
    const read = readSignatureBlocks(source, regions.signature.start, regions.signature.end);
    if ("blocks" in read) fromSignature(read.blocks, Tier.SignaturePage, candidates);
  }
  for (const a of regions.attachments) {
    const start = attachmentSignatureStart(source, a);
    if (start === undefined) continue;
    const read = readSignatureBlocks(source, start, a.end);
    if ("blocks" in read) fromSignature(read.blocks, Tier.Attachment, candidates);
  }

  const found: FoundField[] = [];
  for (const side of ["client", "vendor"] as const) {
    const mine = candidates.filter((c) => c.side === side);
    const byPath = new Map<string, Candidate[]>();
    for (const c of mine) byPath.set(c.path.join("."), [...(byPath.get(c.path.join(".")) ?? []), c]);
    const label = labels.get(side);
    if (label !== undefined) found.push({ path: ["parties", side, "label"], value: label.label, source: refOf(label.line), confidence: "high" });
    for (const [key, list] of byPath) {
      const path = ["parties", side, ...(list[0]?.path ?? [])];
      const best = Math.min(...list.map((c) => c.tier));
      const first = list.find((c) => c.tier === best) as Candidate;
      const sameTier = list.filter((c) => c.tier === best);
      const differ = (cs: Candidate[]) => new Set(cs.map((c) => squeeze(c.value))).size > 1;
      if (differ(sameTier) || (MUST_AGREE.has(key) && differ(list))) {
        const a = first;
        const b = list.find((c) => squeeze(c.value) !== squeeze(a.value)) as Candidate;
        toConfirm.push({
          path,
          reason: `${SIDE_NAME[side]}的${FIELD_NAME[key] ?? key}有两种写法：第 ${a.line.no} 行“${a.value}”，第 ${b.line.no} 行“${b.value}”`,
          source: refOf(a.line, a.match),
        });
        continue;
      }
      if (key === "legalRepresentativeTitle" && !byPath.has("legalRepresentative")) continue;
      found.push({ path, value: first.value, source: refOf(first.line, first.match), confidence: first.confidence });
    }
    if (!byPath.has("name")) toConfirm.push({ path: ["parties", side, "name"], reason: `未找到${SIDE_NAME[side]}名称` });
    for (const b of blanks.filter((c) => c.side === side)) {
      const key = b.path.join(".");
      if (byPath.has(key)) continue;
      toConfirm.push({ path: ["parties", side, ...b.path], reason: `${SIDE_NAME[side]}的“${b.match}”一栏为空白`, source: refOf(b.line, b.match) });
    }
  }
  // a bank account needs its bank and its number: when only one is printed, the other is asked for
  for (const side of ["client", "vendor"] as const) {
    const has = (k: string) => found.some((f) => f.path[1] === side && f.path[2] === "bank" && f.path[3] === k);
    if (has("bank") !== has("accountNumber") || (has("accountName") && !has("bank"))) {
      const missing = has("bank") ? "accountNumber" : "bank";
      if (!toConfirm.some((t) => t.path[1] === side && t.path[3] === missing))
        toConfirm.push({ path: ["parties", side, "bank", missing], reason: `${SIDE_NAME[side]}的${FIELD_NAME[`bank.${missing}`]}未找到` });
    }
  }
  return { found, toConfirm } satisfies Extraction;
};
