/**
 * The contract's text written from the model, for a contract whose body is not recorded: one
 * small module per clause family, each a pure function of the contract (and its schedule), in
 * the order such contracts give their articles. Figures come from the structured fields (the
 * schedule for the installments), never from the model's verbatim words; what the model leaves
 * open is printed as 【待确认：…】 and recorded in the document's pending list.
 */
import type { Contract, Schedule } from "@qiyue/contract-model";
import { PendingList } from "../pending.js";
import { acceptanceParagraphs } from "./acceptance.js";
import { type ArticleKey, type ClauseContext, markOpen, type Paragraph, texts } from "./context.js";
import { confidentialityParagraphs } from "./confidentiality.js";
import { deliverableParagraphs } from "./deliverables.js";
import { disputeParagraphs } from "./dispute.js";
import { feesParagraphs } from "./fees.js";
import { liabilityParagraphs } from "./liability.js";
import { otherParagraphs } from "./other.js";
import { generatedSignatures, headLines, partyHeaders, preamble } from "./parties.js";
import { paymentParagraphs } from "./payments.js";
import { penaltyParagraphs } from "./penalties.js";
import { renewalParagraphs } from "./renewal.js";
import { clientRightsParagraphs, scopeParagraphs } from "./scope.js";
import { serviceLevelParagraphs } from "./service-levels.js";
import { staffingParagraphs } from "./staffing.js";
import { termParagraphs } from "./term.js";
import type { ArticleView, ClauseParagraphView, ClausesView } from "./view.js";

export { ArticleView, ClauseParagraphView, ClausesView, InstallmentClauseView, PartyHeaderView, PartyLineView } from "./view.js";

function penaltiesArticle(ctx: ClauseContext): Paragraph[] {
  const list = [...penaltyParagraphs(ctx), ...liabilityParagraphs(ctx)];
  return list.length > 0 ? list : texts(`违约责任：${markOpen(ctx, "penalties", "违约责任", "合同数据未录入违约责任")}。`);
}

/** Each article: its key, its heading, and the family that writes it. */
const ARTICLES: readonly { key: ArticleKey; heading: string; write: (ctx: ClauseContext) => Paragraph[] }[] = [
  { key: "scope", heading: "服务内容", write: scopeParagraphs },
  { key: "staffing", heading: "人员配置", write: staffingParagraphs },
  { key: "service-levels", heading: "服务标准", write: serviceLevelParagraphs },
  { key: "term", heading: "服务期限", write: termParagraphs },
  { key: "fees", heading: "合同价款", write: feesParagraphs },
  { key: "payments", heading: "付款方式", write: paymentParagraphs },
  { key: "delivery", heading: "工作成果与验收", write: (ctx) => [...deliverableParagraphs(ctx), ...acceptanceParagraphs(ctx)] },
  { key: "client-rights", heading: "甲方的权利", write: clientRightsParagraphs },
  { key: "penalties", heading: "违约责任", write: penaltiesArticle },
  { key: "confidentiality", heading: "保密", write: confidentialityParagraphs },
  { key: "renewal", heading: "续签", write: renewalParagraphs },
  { key: "dispute", heading: "争议解决", write: disputeParagraphs },
  { key: "other", heading: "其他约定", write: otherParagraphs },
];

function numbered(number: number, paragraphs: readonly Paragraph[]): ClauseParagraphView[] {
  return paragraphs.map((p, i) => {
    const ref = `${number}.${i + 1}`;
    return "installment" in p ? { ref, installment: p.installment } : { ref, text: p.text };
  });
}

/**
 * The generated text of `contract`, with `schedule` its computed payment schedule. What the
 * contract leaves open is marked in `pending` (and printed as 【待确认：…】).
 */
export function clausesView(contract: Contract, schedule: Schedule, pending: PendingList): ClausesView {
  const before = pending.items.length;
  // which articles the text has does not depend on their numbers: find them first, on a scratch list
  const scratch: ClauseContext = { contract, schedule, pending: new PendingList(), numbers: new Map(), penaltyRefs: new Map() };
  const present = ARTICLES.filter((a) => a.write(scratch).length > 0);
  const numbers = new Map(present.map((a, i) => [a.key, i + 1] as const));
  const ctx: ClauseContext = { contract, schedule, pending, numbers, penaltyRefs: new Map() };
  // the penalties first, so that other articles can cite them by number
  const penaltyNumber = numbers.get("penalties")!;
  const penalties = penaltiesArticle(ctx);
  const penaltyRefs = new Map<number, string>();
  penalties.forEach((p, i) => {
    if ("penalty" in p && p.penalty !== undefined) penaltyRefs.set(p.penalty, `${penaltyNumber}.${i + 1}`);
  });
  const full: ClauseContext = { ...ctx, penaltyRefs };
  const articles: ArticleView[] = present.map((a, i) => ({
    key: a.key,
    number: i + 1,
    heading: a.heading,
    paragraphs: numbered(i + 1, a.key === "penalties" ? penalties : a.write(full)),
  }));
  const signatures = generatedSignatures(contract);
  const open = pending.items.length > before ? "文中【待确认】处为合同数据未确定的内容，须由双方确定后填写；" : "";
  return {
    notice: `本合同正文由 qiyue 根据合同数据生成，尚未经双方核对和签署。${open}签署前请逐条核对。`,
    head: headLines(contract),
    parties: partyHeaders(contract),
    preamble: preamble(contract),
    articles,
    ...(signatures.lead === undefined ? { closing: "（以下无正文）" } : {}),
    signatures,
  };
}
