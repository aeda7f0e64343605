import { formatPercent, IsoDate, isValidIsoDate, parsePercent, parseScheduleShares, parseTermMonths, parseYuan, UserError } from "@qiyue/contract-model";
import { z } from "zod";
import { TemplateError } from "./errors.js";
import { FenValue, PpmValue } from "./units.js";

/** What a template can ask for besides the contract. */
export const INPUT_NAMES = ["installment", "increase", "amount", "years", "term", "schedule", "date"] as const;
export type InputName = (typeof INPUT_NAMES)[number];

/** The values of a template's inputs, as the model counts them. */
export const TemplateInputs = z.strictObject({
  /** 第几期款项, 1-based, in the order of the payment schedule. */
  installment: z.number().int().positive().optional(),
  /** Renewal: increase over the current term's amount, in ppm (the caps are measured from the ORIGINAL amount). */
  increase: PpmValue.optional(),
  /** Renewal: the new amount, in 分. */
  amount: FenValue.optional(),
  /** Renewal: length of the new term in years (the same as `term` of 12 × years months). */
  years: z.number().int().positive().optional(),
  /** Renewal: length of the new term in whole months (`--term 12m`); without it or `years`, the current term's length. */
  term: z.number().int().positive().optional(),
  /** Renewal: the installments' shares the parties agreed, "50%/20%/30%" (`--schedule 50/20/30`), adding up to 100 %. */
  schedule: z.string().optional(),
  /** A date printed on the document (e.g. the acceptance date), YYYY-MM-DD. */
  date: IsoDate.optional(),
});
export type TemplateInputs = z.infer<typeof TemplateInputs>;

/** What the option is called on the command line, for messages. */
export const INPUT_FLAGS: Record<InputName, string> = {
  installment: "--installment",
  increase: "--increase",
  amount: "--amount",
  years: "--years",
  term: "--term",
  schedule: "--schedule",
  date: "--date",
};

function positiveInteger(name: InputName, raw: string | number): number {
  const n = typeof raw === "number" ? raw : /^\d+$/.test(raw.trim()) ? Number(raw.trim()) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < 1) {
    throw new TemplateError("TEMPLATE_INPUT", `${INPUT_FLAGS[name]} 应为正整数，收到“${raw}”`);
  }
  return n;
}

/**
 * Reads one input as written on the command line or in a manifest default:
 * `installment` and `years` are positive integers, `increase` a percentage such as "10%",
 * `amount` a yuan figure such as "1,943,150.00", `term` whole months or years ("12m", "1y": the
 * value is in months), `schedule` shares adding up to 100 ("50/20/30": the value is written
 * "50%/20%/30%"), `date` YYYY-MM-DD.
 */
export function parseInput(name: InputName, raw: string | number): number | string {
  switch (name) {
    case "installment":
    case "years":
      return positiveInteger(name, raw);
    case "increase": {
      const r = typeof raw === "string" ? parsePercent(raw) : undefined;
      if (r === undefined || !r.ok) {
        throw new TemplateError("TEMPLATE_INPUT", `--increase 应写成百分比，如 10% 或 5.5%，收到“${raw}”`);
      }
      return r.value;
    }
    case "amount": {
      const r = parseYuan(raw);
      if (!r.ok) throw new TemplateError("TEMPLATE_INPUT", `--amount：${r.reason}`);
      return r.value;
    }
    case "term":
      return typeof raw === "number" ? positiveInteger(name, raw) : fromModel(() => parseTermMonths(raw));
    case "schedule":
      return fromModel(() => parseScheduleShares(String(raw)).map(formatPercent).join("/"));
    case "date": {
      if (typeof raw !== "string" || !isValidIsoDate(raw.trim())) {
        throw new TemplateError("TEMPLATE_INPUT", `--date 应写成 YYYY-MM-DD，且为真实存在的日期，收到“${raw}”`);
      }
      return raw.trim();
    }
  }
}

/** Runs a reader of the model, its mistake becoming the input's. */
function fromModel<T>(read: () => T): T {
  try {
    return read();
  } catch (e) {
    if (e instanceof UserError) throw new TemplateError("TEMPLATE_INPUT", e.message);
    throw e;
  }
}

/** Reads the inputs given as text (the command line) into their model values. */
export function parseInputs(raw: Partial<Record<InputName, string>>): TemplateInputs {
  const out: Record<string, number | string> = {};
  for (const name of INPUT_NAMES) {
    const value = raw[name];
    if (value !== undefined) out[name] = parseInput(name, value);
  }
  return out as TemplateInputs;
}
