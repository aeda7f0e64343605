/**
 * Every extractor `qiyue import` runs. Their findings are merged by path (draft/merge.ts), so the
 * order here changes nothing in the draft. Each family of fields has its own module beside this
 * one; adding one is one line here.
 */
import { extractMoney } from "./money.js";
import { extractTerm } from "./term.js";
import { extractPayments } from "./payments.js";
import { extractInvoice } from "./invoice.js";
import { extractServiceLevels } from "./service-levels.js";
import { extractDeliverables } from "./deliverables.js";
import { extractPenalties } from "./penalties.js";
import { extractParties } from "./parties.js";
import { extractIdentity } from "./identity.js";
import { extractSigning } from "./signing.js";
import { extractDispute } from "./dispute.js";
import { extractCopies } from "./copies.js";
import { extractAttachments } from "./attachments.js";
import { extractConfidentiality } from "./confidentiality.js";
import { extractRenewal } from "./renewal.js";
import type { Extractor } from "./types.js";

export const EXTRACTORS: Extractor[] = [
  extractMoney,
  extractTerm,
  extractPayments,
  extractInvoice,
  extractServiceLevels,
  extractDeliverables,
  extractPenalties,
  extractParties,
  extractIdentity,
  extractSigning,
  extractDispute,
  extractCopies,
  extractAttachments,
  extractConfidentiality,
  extractRenewal,
];

export * from "./types.js";
