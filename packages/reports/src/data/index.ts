import { Contract, computeSchedule, contractStatus, type LedgerEvent, ledgerAsOf, type WorkingDayCalendar } from "@qiyue/contract-model";
import { z } from "zod";
import { type ThemeName, themeNames } from "@qiyue/document";
import { type DataPart, TemplateInputs } from "@qiyue/templating";
import { AcceptanceView, acceptanceView, DeliverableView, deliverableViews, ServiceLevelView, serviceLevelViews } from "./acceptance.js";
import { PaymentView, paymentView } from "./payment.js";
import { RenewalView, renewalView } from "./renewal.js";
import { ScheduleView, scheduleView } from "./schedule.js";
import { SignatoryView, signatoryViews } from "./signatures.js";
import { CapitalsNoteView, capitalsNoteViews } from "./capitals.js";
import { AnnexView, annexViews, SectionView, SignaturesView, sectionViews, signaturesView } from "./sections.js";
import { PendingItem, PendingList } from "./pending.js";
import { ClausesView, clausesView } from "./clauses/index.js";
import { plain } from "./text.js";

export { DEFAULT_APPROVAL, splitTax, type PaymentView } from "./payment.js";
export type { RenewalView } from "./renewal.js";
export type { ScheduleRowView, ScheduleView } from "./schedule.js";
export type { SignatoryView, SignatureBlockView, SignatureLineView, SignaturePageView } from "./signatures.js";
export { type CapitalsNoteView, capitalsNoteViews, markCapitals } from "./capitals.js";
export type { AnnexView, SectionView, SignaturesView } from "./sections.js";
export { present } from "./text.js";
export { formatPending, PendingItem, PendingList, pendingText } from "./pending.js";
export type { ArticleView, ClauseParagraphView, ClausesView, InstallmentClauseView, PartyHeaderView, PartyLineView } from "./clauses/index.js";
export type { AcceptanceView, DeliverableView, GradingView, ObligationView, ServiceLevelView } from "./acceptance.js";

/**
 * What every template made from a contract sees. Plain JSON: no functions, no prototypes, no
 * clock. The schema is the one description of it: the type below, and (with the parts other
 * documents add, see `TemplateData`) what `qiyue templates check` checks every `{{field}}` of a
 * template against.
 */
export const BaseTemplateData = z.strictObject({
  contract: Contract,
  schedule: ScheduleView,
  serviceLevels: z.array(ServiceLevelView),
  deliverables: z.array(DeliverableView),
  /** Both sides' signature blocks as the contract prints them. */
  signatories: z.array(SignatoryView),
  /** The contract's body in order; `cover` and `signaturePage` mark its own cover and its printed signature page. */
  sections: z.array(SectionView),
  /** The contract's own signature page as printed (its captions and lines), and whether it stands in the body. */
  signatures: SignaturesView,
  /** The attachments as the contract prints them, each with its heading, text and own signature page. */
  annexes: z.array(AnnexView),
  /**
   * The contract's printed capitals that the validator corrects (CAPITALS_*), each with the
   * mark a reprint puts beside them and the note a document writing its own capitals prints once.
   */
  capitalsNotes: z.array(CapitalsNoteView),
  inputs: TemplateInputs,
  options: z.strictObject({ theme: z.enum(themeNames as [ThemeName, ...ThemeName[]]), toc: z.boolean() }),
  /**
   * What the contract leaves open and the document prints as 【待确认：…】 instead of computing
   * it, in the order found; the command warns with each (and `--strict` exits 1).
   */
  pending: z.array(PendingItem),
  /** Present when the template takes `installment`. */
  payment: PaymentView.optional(),
  /** Present when the template takes `increase`, `amount`, `years`, `term` or `schedule`. */
  renewal: RenewalView.optional(),
  /** Present when the manifest declares `acceptance: required` (the acceptance form). */
  acceptance: AcceptanceView.optional(),
  /**
   * The contract's text written from the model: present when the manifest declares
   * `clauses: required` and the contract records no body (`sections` is empty).
   */
  clauses: ClausesView.optional(),
});
export type BaseTemplateData = z.infer<typeof BaseTemplateData>;

/**
 * The parts of BaseTemplateData that exist only when a template's manifest declares the inputs
 * they are computed from (see buildTemplateData); every other part is always present.
 */
export const BASE_DATA_PARTS: Readonly<Record<string, DataPart>> = {
  payment: { inputs: ["installment"], why: "模板清单（manifest.yaml）未声明 installment，模板收不到 payment" },
  // planned whenever a renewal input is declared
  renewal: {
    inputs: ["increase", "amount", "years", "term", "schedule"],
    why: "模板清单（manifest.yaml）未声明 increase、amount、years、term 或 schedule，模板收不到 renewal",
    whenDeclared: true,
  },
  acceptance: { inputs: ["acceptance"], why: "模板清单（manifest.yaml）未声明 acceptance: required，模板收不到 acceptance" },
  // only for a contract without a body, even when declared
  clauses: { inputs: ["clauses"], why: "模板清单（manifest.yaml）未声明 clauses: required，模板收不到 clauses", conditional: true },
};

export interface DataRequest {
  contract: Contract;
  inputs: TemplateInputs;
  /** Which computed parts the template declared it needs. */
  needs: { payment: boolean; renewal: boolean; acceptance?: boolean; clauses?: boolean };
  options: { theme: ThemeName; toc: boolean };
  /** What happened so far (an events ledger) and the date to read it at: deductions on a payment request. */
  ledger?: { events: readonly LedgerEvent[]; asOf: string };
  /** The calendar working days are counted with: the built-in data and the years supplied from files. */
  calendar?: WorkingDayCalendar;
}

/** Builds the data of one document from the contract and the template's inputs. */
export function buildTemplateData({ contract, inputs, needs, options, ledger, calendar }: DataRequest): BaseTemplateData {
  // builders record here what they leave open; `data.pending` is the same array
  const pending = new PendingList();
  const computed = computeSchedule(contract, {}, calendar);
  const schedule = scheduleView(computed);
  const capitalsNotes = capitalsNoteViews(contract, computed);
  const sections = sectionViews(contract, capitalsNotes);
  const data: BaseTemplateData = {
    contract: plain(contract),
    schedule,
    serviceLevels: serviceLevelViews(contract),
    deliverables: deliverableViews(contract),
    signatories: plain(signatoryViews(contract)),
    sections: plain(sections),
    signatures: plain(signaturesView(contract, sections)),
    annexes: plain(annexViews(contract, capitalsNotes)),
    capitalsNotes,
    inputs: plain(inputs),
    options,
    pending: pending.items,
  };
  if (needs.payment && inputs.installment !== undefined) {
    const status = ledger && { status: contractStatus(contract, ledger.events, ledger.asOf, calendar), events: ledgerAsOf(ledger.events, ledger.asOf).events, asOf: ledger.asOf };
    data.payment = plain(paymentView({ contract, schedule: computed, number: inputs.installment, ...(status ? { ledger: status } : {}), pending }));
  }
  if (needs.renewal) data.renewal = renewalView(contract, inputs, pending, calendar);
  if (needs.acceptance === true) data.acceptance = plain(acceptanceView(contract, pending));
  if (needs.clauses === true && contract.body.length === 0) data.clauses = plain(clausesView(contract, computed, pending));
  return data;
}
