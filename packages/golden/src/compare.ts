import { compareImageBytes } from "./images.js";
import { HASHES_FILE, type Snapshot } from "./snapshot.js";

export type Change = "changed" | "added" | "removed";

/** One golden file that is not as expected. */
export interface FileDifference {
  /** Path relative to the case's folder. */
  file: string;
  /** `added`: produced now but not expected; `removed`: expected but no longer produced. */
  change: Change;
  /** Both texts, for a diff (text files only). */
  expected?: string;
  actual?: string;
  /** A sentence for the reader: bytes without text changes, image comparisons. */
  note?: string;
}

const decoder = new TextDecoder("utf-8", { fatal: false });
const isImage = (path: string) => path.endsWith(".png");
const asText = (data: string | Uint8Array) => (typeof data === "string" ? data : decoder.decode(data));

function hashLines(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of text.split("\n")) {
    const match = /^([0-9a-f]{64}) {2}(.+)$/.exec(line);
    if (match !== null) out.set(match[2]!, match[1]!);
  }
  return out;
}

const BYTES_ONLY: Record<string, string> = {
  "document.pdf": "PDF 的字节变了，但每页提取的文字和 pdf/info.txt 都没变：可能是字体、版式、图片或元数据的变化（加 --images 比较页面图像）",
  "document.docx": "DOCX 的字节变了，但各个 XML 部件都没变：可能是其中的图片、字体或压缩方式的变化",
};

/**
 * Compares what a case produced with its expected files. Page images take part only with
 * `images`; they are compared pixel by pixel (see images.ts), every other file byte for byte.
 * When only hashes.txt differs, the difference says so in words: the bytes changed, the text
 * did not.
 */
export function compareSnapshots(expected: ReadonlyMap<string, Uint8Array>, actual: Snapshot, options: { images: boolean }): FileDifference[] {
  const differences: FileDifference[] = [];
  const consider = (path: string) => options.images || !path.startsWith("images/");
  const paths = [...new Set([...expected.keys(), ...actual.keys()])].filter(consider).sort();
  for (const file of paths) {
    const was = expected.get(file);
    const now = actual.get(file);
    if (was === undefined) {
      differences.push({ file, change: "added", ...(isImage(file) ? {} : { expected: "", actual: asText(now!) }) });
    } else if (now === undefined) {
      differences.push({ file, change: "removed", ...(isImage(file) ? {} : { expected: asText(was), actual: "" }) });
    } else if (isImage(file)) {
      const comparison = compareImageBytes(was, typeof now === "string" ? new TextEncoder().encode(now) : now);
      if (!comparison.same) differences.push({ file, change: "changed", note: comparison.summary });
    } else if (asText(was) !== asText(now)) {
      differences.push({ file, change: "changed", expected: asText(was), actual: asText(now) });
    }
  }
  if (options.images && actual.size > 0 && ![...expected.keys()].some((p) => p.startsWith("images/")) && [...actual.keys()].some((p) => p.startsWith("images/"))) {
    differences.splice(0, differences.length, ...differences.filter((d) => !d.file.startsWith("images/")));
    differences.push({ file: "images/", change: "added", note: "预期文件中没有页面图像：先用 qiyue golden update --images 生成，再用 --images 检查" });
  }
  const hashes = differences.find((d) => d.file === HASHES_FILE && d.change === "changed");
  if (hashes !== undefined) {
    const before = hashLines(hashes.expected ?? "");
    const after = hashLines(hashes.actual ?? "");
    const textChanged = (prefix: string) => differences.some((d) => d !== hashes && d.file.startsWith(prefix) && d.expected !== undefined);
    const notes: string[] = [];
    for (const [name, note] of Object.entries(BYTES_ONLY)) {
      const prefix = name === "document.pdf" ? "pdf/" : "docx/";
      if (before.get(name) !== undefined && after.get(name) !== undefined && before.get(name) !== after.get(name) && !textChanged(prefix)) notes.push(note);
    }
    if (notes.length > 0) hashes.note = notes.join("；");
  }
  return differences;
}
