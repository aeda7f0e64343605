/**
 * What the contract is: its title as the cover prints it, the project's name, the contract
 * number, and the kind of contract when the title names one (技术服务合同, 政府采购项目合同).
 */
import type { SourceLine } from "../source/types.js";
import { findDates } from "./text/dates.js";
import { normLabel } from "./text/labels.js";
import { plainSource, regionsOf } from "./text/regions.js";
import { type Extractor, type FoundField, refOf, type ToConfirm } from "./types.js";

const TITLE_END = /(合同|合同书|协议|协议书)$/;
const KIND =
  /^(政府采购|政府购买服务|技术服务|技术开发|技术咨询|委托服务|物业服务|物业管理服务|保洁服务|安保服务|保安服务|服务|采购|委托)(项目)?(合同|协议)(书)?$/;
const PROJECT = /项目名称\s*[:：]\s*(.+?)\s*[。；;]?$/;
const NUMBER = /^(合同登记编号|合同编号|登记编号|合同号|项目编号|采购编号)\s*[:：]\s*(.*)$/;

function isTitleLike(text: string): boolean {
  const t = text.trim();
  return t !== "" && t.length <= 40 && !/[:：，,。；;]/.test(t) && findDates(t).length === 0 && !/^[\d\s-]+$/.test(t);
}

/** The title: the first line of the cover that reads as one (a title broken over two lines is joined). */
function titleOf(cover: SourceLine[]): { line: SourceLine; value: string } | undefined {
  const lines = cover.filter((l) => l.text !== "");
  for (const [i, line] of lines.entries()) {
    const t = line.text.trim();
    if (!isTitleLike(t) || !TITLE_END.test(t.replace(/\s+/g, ""))) continue;
    // a title printed over two lines: 某某服务项目 / 合同
    const prev = lines[i - 1];
    if (prev !== undefined && isTitleLike(prev.text) && !TITLE_END.test(prev.text.replace(/\s+/g, ""))) {
      return { line: prev, value: `${prev.text.trim()}${t.replace(/\s+/g, "")}` };
    }
    return { line, value: t };
  }
  return undefined;
}

export const extractIdentity: Extractor = (ctx) => {
  const source = plainSource(ctx.source);
  const regions = regionsOf(source);
  const found: FoundField[] = [];
  const toConfirm: ToConfirm[] = [];
  const cover = source.lines.slice(0, regions.coverEnd);
  const title = titleOf(cover);
  if (title !== undefined) found.push({ path: ["title"], value: title.value, source: refOf(title.line), confidence: "medium" });
  else toConfirm.push({ path: ["title"], reason: "未在封面找到合同标题" });

  // the kind: a title that names a kind of contract and nothing else (服 务 合 同, 技术服务合同)
  const kindLine = cover.find((l) => KIND.test(l.text.replace(/\s+/g, "")) && isTitleLike(l.text));
  if (kindLine !== undefined) found.push({ path: ["kind"], value: kindLine.text.replace(/\s+/g, ""), source: refOf(kindLine), confidence: "medium" });

  const body = source.lines.slice(0, regions.bodyEnd);
  const project = [...body, ...source.lines.slice(regions.bodyEnd)].map((line) => ({ line, m: PROJECT.exec(line.text) })).find((x) => x.m?.[1] !== undefined);
  if (project?.m?.[1] !== undefined) {
    const inBody = project.line.no <= (body.at(-1)?.no ?? 0);
    found.push({ path: ["projectName"], value: project.m[1], source: refOf(project.line, "项目名称"), confidence: inBody ? "high" : "medium" });
  } else toConfirm.push({ path: ["projectName"], reason: "未找到“项目名称”" });

  const numbers = body.map((line) => ({ line, m: NUMBER.exec(line.text.trim()) })).filter((x) => x.m !== null);
  const printed = numbers.filter((x) => (x.m?.[2] ?? "").replace(/[\s_＿]/g, "") !== "");
  const contractNo = printed.find((x) => /合同|登记/.test(x.m?.[1] ?? "")) ?? printed[0];
  if (contractNo?.m?.[2] !== undefined) {
    const confidence = /合同/.test(contractNo.m[1] ?? "") ? "high" : "medium";
    found.push({ path: ["number"], value: contractNo.m[2].trim(), source: refOf(contractNo.line), confidence });
  } else if (numbers[0] !== undefined) {
    const label = normLabel(numbers[0].m?.[1] ?? "合同编号");
    toConfirm.push({ path: ["number"], reason: `“${label}”一栏为空白`, source: refOf(numbers[0].line) });
  }
  return { found, toConfirm };
};
