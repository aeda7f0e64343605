import { loadContract } from "@qiyue/contract-model";
import { parseMarkdown } from "@qiyue/document";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { capitalsNoteViews, markCapitals } from "./capitals.js";

const example = async (id: string) =>
  (await loadContract(fileURLToPath(new URL(`../../../../examples/contracts/${id}.yaml`, import.meta.url)))).contract;

describe("printed capitals the validator corrects", () => {
  it("Pinggu: the printed 一, with the mark for the reprint and the note for other documents", async () => {
    const [note, ...rest] = capitalsNoteViews(await example("pinggu-2026"));
    expect(rest).toEqual([]);
    expect(note).toEqual({
      code: "CAPITALS_INVALID",
      path: "fees.total.capitals",
      what: "合同总价",
      printed: "壹佰玖拾柒万玖仟一百元整",
      amount: 197910000,
      canonical: "壹佰玖拾柒万玖仟壹佰元整",
      mark: "〔注：大写应为壹佰玖拾柒万玖仟壹佰元整〕",
      note: "合同原文合同总价的大写印作“壹佰玖拾柒万玖仟一百元整”，不合规范；本文按规范写作“壹佰玖拾柒万玖仟壹佰元整”。",
      inText: true,
    });
  });

  it("the other examples print their capitals correctly", async () => {
    for (const id of ["bda-2024", "haidian-2024", "sujiatuo-2026", "yuetan-2026"]) {
      expect(capitalsNoteViews(await example(id)), id).toEqual([]);
    }
  });

  it("marks every place the capitals are printed, after the bracket they sit in, and leaves the words as printed", async () => {
    const notes = capitalsNoteViews(await example("pinggu-2026"));
    const text = "总额为: 1979100 元 (大写人民币: 壹佰玖拾柒万玖仟一百元整) (含税)。\n\n大写：壹佰玖拾柒万玖仟一百元整，另计。";
    const mark = ":note[〔注&#65306;大写应为壹佰玖拾柒万玖仟壹佰元整〕]";
    expect(markCapitals(text, notes)).toBe(
      `总额为: 1979100 元 (大写人民币: 壹佰玖拾柒万玖仟一百元整)${mark} (含税)。\n\n大写：壹佰玖拾柒万玖仟一百元整${mark}，另计。`,
    );
    expect(markCapitals("无关的文字", notes)).toBe("无关的文字");
  });

  it("the mark is an editor's note: set apart from the contract's words, which keep their own runs", async () => {
    const notes = capitalsNoteViews(await example("pinggu-2026"));
    const doc = parseMarkdown(markCapitals("(大写人民币: 壹佰玖拾柒万玖仟一百元整) (含税)", notes));
    expect(doc.blocks[0]).toMatchObject({
      runs: [
        { text: "(大写人民币: 壹佰玖拾柒万玖仟一百元整)" },
        { text: "〔注：大写应为壹佰玖拾柒万玖仟壹佰元整〕", note: true },
        { text: " (含税)" },
      ],
    });
  });
});
