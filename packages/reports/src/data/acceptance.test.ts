import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { type Contract, parseContract } from "@qiyue/contract-model";
import { describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import { acceptanceView } from "./acceptance.js";
import { PendingList } from "./pending.js";

const EXAMPLES = ["bda-2024", "haidian-2024", "pinggu-2026", "sujiatuo-2026", "yuetan-2026"] as const;
const source = (id: string) => readFileSync(fileURLToPath(new URL(`../../../../examples/contracts/${id}.yaml`, import.meta.url)), "utf8");
const example = (id: string): Contract => parseContract(source(id), `${id}.yaml`).contract;

/** An example with some values changed at model paths. */
function exampleWith(id: string, edits: [path: (string | number)[], value: unknown][]): Contract {
  const doc = parseDocument(source(id));
  for (const [path, value] of edits) doc.setIn(path, value);
  return parseContract(doc.toString(), `${id}.yaml`).contract;
}

describe("the acceptance form's view of the vendor's obligations", () => {
  it("never repeats an item's name that its text already begins with", () => {
    const items = acceptanceView(example("pinggu-2026"), new PendingList()).items;
    // the contract prints “值守工作,协助做好……”: the name is the start of the text
    expect(items[0]).toEqual({ clause: "一.1", text: expect.stringMatching(/^值守工作,协助做好/) });
    for (const id of EXAMPLES) {
      for (const item of acceptanceView(example(id), new PendingList()).items) {
        if (item.label !== undefined) expect(item.text.startsWith(item.label), `${id}: ${item.label}`).toBe(false);
      }
    }
  });

  it("keeps a name the text does not begin with, and each item's clause", () => {
    const items = acceptanceView(example("haidian-2024"), new PendingList()).items;
    expect(items[0]).toMatchObject({ label: "提供事件分拣转派及坐席员沟通服务", clause: "附件一 序号1" });
    expect(items.every((item) => item.clause !== undefined)).toBe(true);
  });

  it("leaves out the client's rights: they are not the vendor's to meet", () => {
    const contract = example("pinggu-2026");
    expect(contract.scope.clientRights.map((r) => r.clause)).toEqual(["三.(一).3"]);
    const view = acceptanceView(contract, new PendingList());
    const listed = [...view.items, ...view.staffRequirements].map((o) => o.text);
    expect(listed.some((text) => text.includes("监督权"))).toBe(false);
    expect(listed).toHaveLength(5 + 3);
  });

  it("lists no right of the client as a vendor obligation in any example", () => {
    // an item that opens with what the client may do was filed on the wrong side
    for (const id of EXAMPLES) {
      const view = acceptanceView(example(id), new PendingList());
      for (const o of [...view.items, ...view.staffRequirements]) expect(o.text, id).not.toMatch(/^甲方[^。；;]*有权/);
    }
  });
});

describe("the grade of the acceptance", () => {
  it("is left out when the contract provides for none: the conclusion is 合格 or 不合格", () => {
    for (const id of ["bda-2024", "haidian-2024", "sujiatuo-2026", "yuetan-2026"]) {
      const pending = new PendingList();
      expect(acceptanceView(example(id), pending).grading, id).toBeUndefined();
      expect(pending.items).toEqual([]);
    }
  });

  it("is open, not invented, when the contract provides for a grade but names no grades (Pinggu 一.9)", () => {
    const pending = new PendingList();
    const grading = acceptanceView(example("pinggu-2026"), pending).grading;
    expect(grading).toEqual({ levels: [], clause: "一.9", pending: "【待确认：合同约定确定验收等级，未列明等级】" });
    expect(pending.items).toEqual([{ what: "验收等级", reason: "合同约定确定验收等级，未列明等级", clause: "第一条第9款" }]);
  });

  it("offers the grades the contract names, in its order", () => {
    const contract = exampleWith("pinggu-2026", [[["acceptance", "grading", "levels"], ["优秀", "合格", "不合格"]]]);
    const pending = new PendingList();
    expect(acceptanceView(contract, pending).grading).toEqual({ levels: ["优秀", "合格", "不合格"], clause: "一.9" });
    expect(pending.items).toEqual([]);
  });
});
