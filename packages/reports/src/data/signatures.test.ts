import { loadContract } from "@qiyue/contract-model";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { blankSignaturePage, signaturePageView, signatoryViews } from "./signatures.js";

const example = async (id: string) =>
  (await loadContract(fileURLToPath(new URL(`../../../../examples/contracts/${id}.yaml`, import.meta.url)))).contract;

describe("signature pages as printed", () => {
  it("Yuetan: 乙方 signs as 负责人, the signature lines printed blank", async () => {
    const contract = await example("yuetan-2026");
    const page = signaturePageView(contract.signing.signaturePage, contract)!;
    expect(page.blocks.map((b) => b.side)).toEqual(["甲方", "乙方"]);
    expect(page.blocks[1]!.lines).toEqual([
      { label: "乙方(盖章)", value: "中国联合网络通信有限公司北京市分公司" },
      { label: "负责人(签字)" },
      { label: "或委托代理人(签字)" },
      { label: "签约日期", value: "2026年1月28日" },
    ]);
  });

  it("BDA: the main page names nobody; 刘文海 signs the 廉政协议书 only, as 负责人", async () => {
    const contract = await example("bda-2024");
    const main = signaturePageView(contract.signing.signaturePage, contract)!;
    expect(main.lead).toBe("（以下无正文，为签章页）");
    expect(main.blocks[0]!.lines).toContainEqual({ label: "负责人（签章）" });
    expect(JSON.stringify(main)).not.toContain("刘文海");
    const integrity = signaturePageView(contract.attachments[0]!.signaturePage, contract)!;
    expect(integrity.blocks[0]!.lines).toContainEqual({ label: "负责人（签字）", value: "刘文海" });
    expect(integrity.blocks[1]!.lines).toContainEqual({ label: "法人代表或委托人（签字）", value: "赵高峰" });
  });

  it("Sujiatuo: a date printed without a caption stays a line of its own", async () => {
    const contract = await example("sujiatuo-2026");
    const page = signaturePageView(contract.signing.signaturePage, contract)!;
    expect(page.blocks[0]!.lines.at(-1)).toEqual({ value: "2020年3月30日" });
  });

  it("Sujiatuo: the 2020 dates the validator questions carry its note, on the line that prints them; the attachments' 2026 dates none", async () => {
    const contract = await example("sujiatuo-2026");
    const page = signaturePageView(contract.signing.signaturePage, contract, ["signing", "signaturePage"])!;
    const note = "〔注：签署日期与封面签订日期2026年3月30日年份不同，疑为笔误，请核对〕";
    for (const block of page.blocks) {
      expect(block.lines.filter((l) => l.note !== undefined), block.side).toEqual([{ value: "2020年3月30日", note }]);
    }
    const annex = signaturePageView(contract.attachments[0]!.signaturePage, contract, ["attachments", 0, "signaturePage"])!;
    expect(JSON.stringify(annex)).not.toContain("〔注");
  });

  it("a questioned date printed under a caption, or composed from the block, gets the note on its line", async () => {
    const contract = await example("bda-2024");
    const moved = { ...contract, signing: { ...contract.signing, date: "2024-10-30" } };
    const page = signaturePageView(moved.signing.signaturePage, moved, ["signing", "signaturePage"])!;
    expect(page.blocks[0]!.lines.filter((l) => l.note !== undefined)).toEqual([
      { label: "签章日期", value: "2024年9月30日", note: "〔注：签署日期与封面签订日期2024年10月30日不一致，请核对〕" },
    ]);
    const { lines: _lines, ...client } = contract.signing.signaturePage!.client!;
    const composed = signaturePageView({ client }, moved, ["signing", "signaturePage"])!;
    expect(composed.blocks[0]!.lines.at(-1)).toMatchObject({ label: "日期", value: "2024年9月30日", note: expect.stringContaining("请核对") });
  });

  it("without recorded lines, prints what the block records under one caption each, never a name from the cover", async () => {
    const contract = await example("bda-2024");
    const { lines: _lines, ...client } = contract.signing.signaturePage!.client!;
    const page = signaturePageView({ client: { ...client, dateText: "签章日期：2024年9月30日" } }, contract)!;
    expect(page.blocks).toHaveLength(1);
    expect(page.blocks[0]!.lines).toEqual([
      { label: "甲方（盖章）", value: "北京经济技术开发区开发建设局" },
      { label: "负责人（签章）" },
      { label: "地址", value: "北京经济技术开发区荣华中路15号朝林大厦" },
      { label: "电话", value: "67888163" },
      { label: "签章日期", value: "2024年9月30日" },
    ]);
  });

  it("a contract without a signature page gets blank blocks: names and an empty date, nothing else", async () => {
    const contract = await example("yuetan-2026");
    expect(blankSignaturePage(contract).blocks[1]).toEqual({
      side: "乙方",
      lines: [{ label: "乙方（盖章）", value: "中国联合网络通信有限公司北京市分公司" }, { label: "日期" }],
    });
  });

  it("signatories: the legal representative's title as the contract prints it, dates without their caption", async () => {
    const yuetan = signatoryViews(await example("yuetan-2026"));
    expect(yuetan.map((s) => s.legalRepresentativeTitle)).toEqual(["法定代表人/负责人", "负责人"]);
    const bda = signatoryViews(await example("bda-2024"));
    expect(bda.map((s) => s.date)).toEqual(["2024年9月30日", "2024年9月30日"]);
    expect(signatoryViews(await example("haidian-2024")).map((s) => s.legalRepresentativeTitle)).toEqual(["法定代表人", "法定代表人"]);
  });
});
