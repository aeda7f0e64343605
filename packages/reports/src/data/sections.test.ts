import { type Contract, loadContract } from "@qiyue/contract-model";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { capitalsNoteViews } from "./capitals.js";
import { annexViews, sectionViews, signaturesView } from "./sections.js";

const example = async (id: string) =>
  (await loadContract(fileURLToPath(new URL(`../../../../examples/contracts/${id}.yaml`, import.meta.url)))).contract;

const sections = (contract: Contract) => sectionViews(contract, capitalsNoteViews(contract));

describe("the body and attachments as the reprint prints them", () => {
  it("Haidian: its own cover, the signature page section, and the annex under its printed heading", async () => {
    const contract = await example("haidian-2024");
    const views = sections(contract);
    expect(views.filter((s) => s.cover)).toHaveLength(1);
    expect(views[0]!.cover).toBe(true);
    expect(views.filter((s) => s.signaturePage).map((s) => s.heading)).toEqual(["合同签署页"]);
    expect(signaturesView(contract, views).inBody).toBe(true);
    const [annex] = annexViews(contract, []);
    expect(annex!.heading).toBe("附件一、服务清单");
    expect(annex!.text!.startsWith("| 序号 |")).toBe(true);
    // a label with the title after it is a heading, not the attachment's title
    expect(annex!.titled).toBe(false);
  });

  it("an attachment headed by its own title, letter-spaced or not, is titled; one headed by its number is not", async () => {
    const contract = await example("bda-2024");
    const attachment = { number: "附件", title: "廉政协议书", text: "甲方（发包人）：某单位" };
    const annexes = annexViews(
      {
        ...contract,
        attachments: [
          { ...attachment, heading: "廉 政 协 议 书" },
          { ...attachment, heading: "廉政协议书" },
          { ...attachment, heading: "附件一:" },
          { ...attachment, number: undefined },
          attachment,
        ],
      } as Contract,
      [],
    );
    expect(annexes.map((a) => [a.heading, a.titled])).toEqual([
      ["廉 政 协 议 书", true],
      ["廉政协议书", true],
      ["附件一:", false],
      ["廉政协议书", true],
      ["附件　廉政协议书", false],
    ]);
  });

  it("a contract without a cover of its own starts with its title", async () => {
    const yuetan = await example("yuetan-2026");
    const { title: _printed, ...first } = yuetan.body[0]!;
    const untitled = { ...yuetan, body: [first, ...yuetan.body.slice(1)] };
    expect(sections(untitled)[0]!.title).toBe("月坛街道接诉即办指挥调度平台工作项目协议");
    expect(sections(await example("bda-2024")).map((s) => s.title).filter(Boolean)).toEqual(["服 务 合 同"]);
  });

  it("Pinggu: the printed capitals keep their words and carry the correction", async () => {
    const text = sections(await example("pinggu-2026"))
      .map((s) => s.text)
      .join("\n");
    expect(text).toContain("(大写人民币: 壹佰玖拾柒万玖仟一百元整):note[〔注&#65306;大写应为壹佰玖拾柒万玖仟壹佰元整〕]");
  });

  it("finds an unmarked signature page as before; without any, the blank page goes after the body", async () => {
    const contract = await example("yuetan-2026");
    const unmarked = { ...contract, body: contract.body.map(({ part: _part, ...s }) => s) };
    expect(sections(unmarked).at(-1)!.signaturePage).toBe(true);
    const none = { ...contract, body: contract.body.slice(0, -1), signing: { ...contract.signing, signaturePage: undefined } } as Contract;
    const view = signaturesView(none, sections(none));
    expect(view.inBody).toBe(false);
    expect(view.page?.blocks[0]?.lines).toEqual([{ label: "甲方（盖章）", value: "北京市西城区人民政府月坛街道办事处" }, { label: "日期" }]);
  });
});
