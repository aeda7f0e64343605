import type { SourceLine } from "../../source/types.js";
import { withoutNumber } from "./paragraphs.js";

/** Which side of the contract a role word names. */
export type Side = "client" | "vendor";

/** Role words for each side, as contracts print them (甲方 / 委托方 / 采购人 …). */
const CLIENT_ROLES = ["甲方", "委托方", "委托人", "采购人", "采购方", "发包方", "发包人", "买方", "需方"];
const VENDOR_ROLES = ["乙方", "受托方", "受托人", "供应商", "承包方", "承包人", "服务方", "服务商", "卖方", "供方"];

/** A pattern for a word printed with or without spaces between its characters (甲 方, 电 话). */
export function spaced(word: string): string {
  return [...word].map((c) => c.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")).join("\\s*");
}

/** Letter spacing and full-width brackets removed, trailing colon dropped: the form labels are compared in. */
export function normLabel(label: string): string {
  return label
    .replace(/\s+/g, "")
    .replace(/（/g, "(")
    .replace(/）/g, ")")
    .replace(/[:：]+$/, "");
}

/** The side a role word at the start of a label names, and the role word as printed there. */
export function roleOf(label: string): { side: Side; role: string } | undefined {
  const n = normLabel(label);
  for (const role of CLIENT_ROLES) if (n.startsWith(role)) return { side: "client", role };
  for (const role of VENDOR_ROLES) if (n.startsWith(role)) return { side: "vendor", role };
  return undefined;
}

/** A pattern matching any role word (spaced or not). */
export const ROLE_PATTERN = `(?:${[...CLIENT_ROLES, ...VENDOR_ROLES].map(spaced).join("|")})`;

/** A party field a label names: a path inside the party object. */
export interface PartyField {
  path: string[];
  /** For 法定代表人 / 负责人: the title as printed, when it is not plain 法定代表人. */
  title?: string;
}

const FIELDS: readonly { re: RegExp; path: string[] }[] = [
  { re: /^(名称|单位名称|名称\(或姓名\)|公司名称|单位全称)$/, path: ["name"] },
  { re: /^(地址|单位地址|住所|住所地|注册地址|办公地址|注册地|详细地址)$/, path: ["address"] },
  { re: /^(通讯地址|通信地址|联系地址|邮寄地址)$/, path: ["postalAddress"] },
  { re: /^(邮政编码|邮编)$/, path: ["postalCode"] },
  { re: /^(法定代表人|法人代表|法定代表人\/负责人|法定代表人\(负责人\)|法定代表人或负责人|负责人|单位负责人|主要负责人)$/, path: ["legalRepresentative"] },
  { re: /^(委托代理人|授权代表|授权委托人|委托代表)$/, path: ["authorizedAgent"] },
  { re: /^(联系人|项目联系人|联系人姓名)$/, path: ["contact", "name"] },
  { re: /^(联系电话|联系人电话)$/, path: ["contact", "phone"] },
  { re: /^(电话|电话号码|固定电话|办公电话|手机|手机号码|联系方式)$/, path: ["phone"] },
  { re: /^(传真|传真号码)$/, path: ["fax"] },
  { re: /^(电子邮箱|电子信箱|邮箱|e-?mail|电子邮件)$/i, path: ["email"] },
  { re: /^(开户银行|开户行|开户银行名称|开户银行全称)$/, path: ["bank", "bank"] },
  { re: /^(户名|账户名称|帐户名称|开户名称|账户名|开户户名|银行户名|开户单位|收款单位|收款人|收款单位名称)$/, path: ["bank", "accountName"] },
  { re: /^(账号|帐号|银行账号|银行帐号|开户账号|开户帐号|开户银行账号|账户号码|帐户号码|银行账户|收款账号|收款帐号)$/, path: ["bank", "accountNumber"] },
];

/** The party field a label names, if it names one outright. */
export function partyFieldOf(label: string): PartyField | undefined {
  const n = normLabel(label);
  for (const f of FIELDS) {
    if (!f.re.test(n)) continue;
    if (f.path[0] === "legalRepresentative" && n !== "法定代表人") return { path: f.path, title: n };
    return { path: f.path };
  }
  return undefined;
}

/** Every label the party fields know, longest first (so 联系电话 wins over 电话). */
const KNOWN_LABELS = [
  "名称",
  "单位名称",
  "地址",
  "单位地址",
  "住所地",
  "住所",
  "注册地址",
  "办公地址",
  "通讯地址",
  "通信地址",
  "联系地址",
  "邮政编码",
  "邮编",
  "法定代表人/负责人",
  "法定代表人（负责人）",
  "法定代表人(负责人)",
  "法定代表人",
  "法人代表",
  "负责人",
  "委托代理人",
  "授权代表",
  "授权委托人",
  "项目联系人",
  "联系人",
  "联系电话",
  "联系方式",
  "手机号码",
  "传真号码",
  "电话",
  "传真",
  "电子邮箱",
  "电子信箱",
  "邮箱",
  "E-mail",
  "开户银行账号",
  "开户银行",
  "开户行",
  "账户名称",
  "开户名称",
  "银行户名",
  "开户单位",
  "收款单位",
  "户名",
  "银行账号",
  "开户账号",
  "开户帐号",
  "收款账号",
  "收款帐号",
  "账号",
  "帐号",
].sort((a, b) => b.length - a.length);

/** A label starts a pair at the line start, after a space or a separator, or right after a value's figures or Latin letters (a PDF keeps no space there: "010-60466097传 真："). */
const PAIR_START = new RegExp(`(?:^|(?<=[\\s,，;；、。0-9A-Za-z_)）]))(${KNOWN_LABELS.map(spaced).join("|")})\\s*[:：]`, "gi");

/** One "label: value" printed in a line. */
export interface Pair {
  label: string;
  value: string;
  index: number;
}

/** A value left empty: nothing, or a line to write on (____). "/" is a value and stays. */
export function isBlank(value: string): boolean {
  return /^[\s_＿\\—-]*$/.test(value);
}

/** Trims a printed value: spaces, and the comma or full stop that ends it in running text. */
export function cleanValue(value: string): string {
  return value.trim().replace(/[，,;；。]+$/, "").trim();
}

/**
 * The "label: value" pairs of a line: at each known label followed by a colon (so
 * "电 话： 010-1 传 真：" and "电话：010-1传真：" give two); a line with no known label but one colon gives one pair
 * with whatever is printed before the colon as its label.
 */
export function splitPairs(text: string): Pair[] {
  const starts = [...text.matchAll(PAIR_START)];
  if (starts.length === 0) {
    const m = /^([^:：]{1,24}?)\s*[:：]\s*(.*)$/.exec(text);
    return m?.[1] === undefined ? [] : [{ label: m[1].trim(), value: cleanValue(m[2] ?? ""), index: 0 }];
  }
  const pairs: Pair[] = [];
  const first = starts[0];
  if (first !== undefined && first.index > 0 && !/^[\s,，;；、。]*$/.test(text.slice(0, first.index))) {
    // text before the first known label: a label of its own ("甲方：X 地址：Y")
    const head = /^([^:：]{1,24}?)\s*[:：]\s*(.*)$/.exec(text.slice(0, first.index));
    if (head?.[1] !== undefined) pairs.push({ label: head[1].trim(), value: cleanValue(head[2] ?? ""), index: 0 });
  }
  for (const [i, m] of starts.entries()) {
    const end = starts[i + 1]?.index ?? text.length;
    pairs.push({ label: (m[1] ?? "").trim(), value: cleanValue(text.slice(m.index + m[0].length, end)), index: m.index });
  }
  return pairs;
}

/** The cells of a table row: the reader's, or the tab-separated parts of a text line. */
export function cellsOf(line: SourceLine): string[] | undefined {
  if (line.cells !== undefined) return line.cells.map((c) => c.trim());
  if (line.text.includes("\t")) return line.text.split("\t").map((c) => c.trim());
  const pipe = /^\|(.*)\|$/.exec(line.text);
  if (pipe?.[1] !== undefined && !/^[\s|:-]+$/.test(pipe[1])) return pipe[1].split("|").map((c) => c.trim());
  return undefined;
}

/** Strips list numbering printed before a sentence: "2. ", "14.6 ", "14.6本…", "4、", "(3) ", "第八条 " (never a year: "2024 年…" keeps its figures). */
export function stripNumbering(text: string): string {
  return withoutNumber(text).trim();
}
