import { parseMarkdown } from "@qiyue/document";
import { describe, expect, it } from "vitest";
import { editorNote } from "./note.js";

describe("editorNote", () => {
  it("writes its text as an editor's note, whole and literal", () => {
    const doc = parseMarkdown(`壹佰元整${editorNote("〔注：大写应为*壹佰元整*〕")}`);
    expect(doc.blocks[0]).toMatchObject({ runs: [{ text: "壹佰元整" }, { text: "〔注：大写应为*壹佰元整*〕", note: true }] });
  });
});
