import { describe, expect, it } from "vitest";
import { editorNotes } from "../model/text.js";
import { escapeMarkdown } from "./escape.js";
import { noteMarkdown } from "./note.js";
import { parseMarkdown } from "./parse.js";

const runsOf = (md: string) => {
  const block = parseMarkdown(md).blocks[0]!;
  if (block.type !== "paragraph") throw new Error(`expected a paragraph, got ${block.type}`);
  return block.runs;
};

describe("an editor's note, :note[…]", () => {
  it("is a run of its own, marked as a note, beside the words it notes", () => {
    expect(runsOf("壹佰玖拾柒万玖仟一百元整:note[〔注：大写应为壹佰玖拾柒万玖仟壹佰元整〕]（含税）")).toEqual([
      { text: "壹佰玖拾柒万玖仟一百元整" },
      { text: "〔注：大写应为壹佰玖拾柒万玖仟壹佰元整〕", note: true },
      { text: "（含税）" },
    ]);
  });

  it("keeps brackets nested inside it, and marks inside it", () => {
    expect(runsOf("日期:note[〔注：见[附件]，**请核对**〕]")).toEqual([
      { text: "日期" },
      { text: "〔注：见[附件]，", note: true },
      { text: "请核对", note: true, bold: true },
      { text: "〕", note: true },
    ]);
  });

  it("is never made from escaped text: a value that reads :note[…] prints as written", () => {
    expect(runsOf(escapeMarkdown(":note[x]"))).toEqual([{ text: ":note[x]" }]);
    expect(runsOf(":note[unclosed")).toEqual([{ text: ":note[unclosed" }]);
  });

  it("noteMarkdown writes any text as a note, whole and literal", () => {
    const text = "〔注：签署日期早于合同期（2026年4月2日起），请核对：*原文如此*〕";
    expect(runsOf(`2020年3月30日${noteMarkdown(text)}`)).toEqual([{ text: "2020年3月30日" }, { text, note: true }]);
  });

  it("stays apart from the label in a signature row", () => {
    const doc = parseMarkdown(`::::signatures\n:::party\n- ：2020年3月30日${noteMarkdown("〔注：请核对〕")}\n:::\n::::\n`);
    expect(doc.blocks[0]).toMatchObject({
      type: "signatures",
      parties: [{ rows: [{ label: [], value: [{ text: "2020年3月30日" }, { text: "〔注：请核对〕", note: true }] }] }],
    });
  });
});

describe("editorNotes", () => {
  it("lists each note a document prints once, with how often, wherever it stands", () => {
    const md = [
      "壹佰元:note[〔注：大写应为**壹佰元整**〕]，另:note[〔注：大写应为**壹佰元整**〕]。",
      "",
      "| 金额 |",
      "|---|",
      "| 贰元:note[〔注：请核对〕] |",
      "",
      "::::signatures",
      ":::party",
      "- 日期：2020年3月30日:note[〔注：请核对〕]",
      ":::",
      "::::",
    ].join("\n");
    expect(editorNotes(parseMarkdown(md).blocks)).toEqual([
      { text: "〔注：大写应为壹佰元整〕", count: 2 },
      { text: "〔注：请核对〕", count: 2 },
    ]);
    expect(editorNotes(parseMarkdown("没有注").blocks)).toEqual([]);
  });
});
