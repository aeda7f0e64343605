import { describe, expect, it } from "vitest";
import { loadExample } from "../testing/examples.js";
import { setsPaymentTime } from "./deadline.js";

const installments = (id: Parameters<typeof loadExample>[0]) => loadExample(id).contract.payments.installments;

describe("whether an installment sets a time for the payment", () => {
  it("BDA 二.2(1) and (3) only name conditions (生效后; 期满验收通过后): no deadline; (2) names a month", () => {
    expect(installments("bda-2024").map(setsPaymentTime)).toEqual([false, true, false]);
  });

  it("an offset after the conditions, a date, or N months after signing sets one", () => {
    expect(installments("haidian-2024").map(setsPaymentTime)).toEqual([true, true, true]);
    expect(installments("pinggu-2026").map(setsPaymentTime)).toEqual([true, true, true]);
    expect(installments("yuetan-2026").map(setsPaymentTime)).toEqual([true, true, true]);
    expect(installments("sujiatuo-2026").map(setsPaymentTime)).toEqual([true]);
  });

  it("a soft condition alone sets none", () => {
    expect(setsPaymentTime({ trigger: [{ event: "other", text: "双方合作无异议" }], offset: undefined })).toBe(false);
  });
});
