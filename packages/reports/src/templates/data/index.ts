import { type Contract, computeSchedule, contractStatus, type LedgerEvent, paymentDeductions } from "@qiyue/contract-model";
import type { ThemeName } from "../../render/index.js";
import type { TemplateInputs } from "../inputs.js";
import { type DeliverableView, deliverableViews, type ServiceLevelView, serviceLevelViews } from "./acceptance.js";
import { type PaymentView, paymentView } from "./payment.js";
import { type RenewalView, renewalView } from "./renewal.js";
import { type ScheduleView, scheduleView } from "./schedule.js";
import { type SignatoryView, signatoryViews } from "./signatures.js";
import { plain } from "./text.js";

export { splitTax, type PaymentView } from "./payment.js";
export type { RenewalView } from "./renewal.js";
export type { ScheduleRowView, ScheduleView } from "./schedule.js";
export type { SignatoryView } from "./signatures.js";
export { present } from "./text.js";
export type { DeliverableView, ServiceLevelView } from "./acceptance.js";

const SIGNATURE_PAGE = /签署页|签字页|签章页/;
const SIGNING_WORDS = /盖章|签章|签字|公章|以下无正文/;

/**
 * The body section that is the printed signature page: one headed as such, or the last
 * section when it holds the seals and signatures. Templates print their own signature block
 * from the parties and signing data in its place.
 */
function isSignaturePage(section: Contract["body"][number], last: boolean): boolean {
  if (section.heading !== undefined && SIGNATURE_PAGE.test(section.heading)) return true;
  return last && section.heading === undefined && SIGNING_WORDS.test(section.text);
}

/** Everything a template sees. Plain JSON: no functions, no prototypes, no clock. */
export interface TemplateData {
  contract: Contract;
  schedule: ScheduleView;
  serviceLevels: ServiceLevelView[];
  deliverables: DeliverableView[];
  /** The contract's body in order; `signaturePage` marks a section that is the printed signature page. */
  /** Both sides' signature blocks as the contract prints them. */
  signatories: SignatoryView[];
  sections: { heading?: string | undefined; text: string; signaturePage: boolean }[];
  inputs: TemplateInputs;
  options: { theme: ThemeName; toc: boolean };
  /** Present when the template takes `installment`. */
  payment?: PaymentView;
  /** Present when the template takes `increase`, `amount` or `years`. */
  renewal?: RenewalView;
}

export interface DataRequest {
  contract: Contract;
  inputs: TemplateInputs;
  /** Which computed parts the template declared it needs. */
  needs: { payment: boolean; renewal: boolean };
  options: { theme: ThemeName; toc: boolean };
  /** What happened so far (an events ledger) and the date to read it at: deductions on a payment request. */
  ledger?: { events: readonly LedgerEvent[]; asOf: string };
}

/** Builds the data of one document from the contract and the template's inputs. */
export function buildTemplateData({ contract, inputs, needs, options, ledger }: DataRequest): TemplateData {
  const schedule = scheduleView(computeSchedule(contract));
  const data: TemplateData = {
    contract: plain(contract),
    schedule,
    serviceLevels: serviceLevelViews(contract),
    deliverables: deliverableViews(contract),
    signatories: plain(signatoryViews(contract)),
    sections: plain(contract.body.map((s, i) => ({ ...s, signaturePage: isSignaturePage(s, i === contract.body.length - 1) }))),
    inputs: plain(inputs),
    options,
  };
  if (needs.payment && inputs.installment !== undefined) {
    const row = schedule.rows[inputs.installment - 1];
    let withLedger: Parameters<typeof paymentView>[3];
    if (ledger && row) {
      const status = contractStatus(contract, ledger.events, ledger.asOf);
      withLedger = { deductions: paymentDeductions(status.penalties, status.installments, row.key), asOf: ledger.asOf };
    }
    data.payment = plain(paymentView(contract, schedule, inputs.installment, withLedger));
  }
  if (needs.renewal) data.renewal = renewalView(contract, inputs);
  return data;
}
