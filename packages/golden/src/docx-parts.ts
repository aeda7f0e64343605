import { createHash } from "node:crypto";
import { readZip } from "@qiyue/document";
import { prettyXml } from "./xml.js";

export function sha256(bytes: Uint8Array | string): string {
  return createHash("sha256").update(bytes).digest("hex");
}

const isXml = (name: string) => name.endsWith(".xml") || name.endsWith(".rels");

/**
 * The parts of a DOCX package as golden files: every XML part (document, styles, numbering,
 * headers, footers, relationships, properties…) pretty-printed under `docx/`, one file per
 * part; the SHA-256 of each binary part (images, fonts), for hashes.txt.
 */
export function docxParts(docx: Uint8Array): { files: Map<string, string>; binaryHashes: [string, string][] } {
  const files = new Map<string, string>();
  const binaryHashes: [string, string][] = [];
  for (const [name, bytes] of readZip(docx)) {
    const path = `docx/${name}`;
    if (isXml(name)) files.set(path, prettyXml(new TextDecoder().decode(bytes)));
    else binaryHashes.push([path, sha256(bytes)]);
  }
  return { files, binaryHashes };
}
