import assert from "node:assert/strict";
import { openSync, readSync, closeSync, statSync } from "node:fs";
import { test } from "node:test";
import { FONT_FILES, fontFile } from "../index.js";

/** The family name (name ID 1) from a TrueType file's name table. */
function familyName(path) {
  const fd = openSync(path, "r");
  try {
    const read = (pos, len) => { const b = Buffer.alloc(len); readSync(fd, b, 0, len, pos); return b; };
    const head = read(0, 12);
    assert.equal(head.readUInt32BE(0), 0x00010000, `${path} is not a TrueType font`);
    const tables = read(12, head.readUInt16BE(4) * 16);
    for (let i = 0; i < tables.length; i += 16) {
      if (tables.toString("latin1", i, i + 4) !== "name") continue;
      const offset = tables.readUInt32BE(i + 8);
      const name = read(offset, tables.readUInt32BE(i + 12));
      const count = name.readUInt16BE(2), strings = name.readUInt16BE(4);
      for (let r = 6; r < 6 + count * 12; r += 12) {
        if (name.readUInt16BE(r + 6) !== 1 || name.readUInt16BE(r) !== 3) continue;
        const s = name.subarray(strings + name.readUInt16BE(r + 10), strings + name.readUInt16BE(r + 10) + name.readUInt16BE(r + 8));
        return s.swap16().toString("utf16le");
      }
    }
  } finally {
    closeSync(fd);
  }
  return undefined;
}

test("every face is a TrueType file of the family it claims", () => {
  const families = {
    serif: /Noto Serif SC/,
    serifBold: /Noto Serif SC/,
    serifLight: /Noto Serif SC/,
    sans: /Noto Sans SC/,
    sansBold: /Noto Sans SC/,
    kai: /LXGW WenKai/,
  };
  for (const face of Object.keys(FONT_FILES)) {
    const path = fontFile(face);
    assert.ok(statSync(path).size > 5_000_000, `${path} is too small to hold the CJK glyphs`);
    assert.match(familyName(path) ?? "", families[face]);
  }
});

test("an unknown face is an error, not a path", () => {
  assert.throws(() => fontFile("fangsong"), /unknown font face/);
  assert.throws(() => fontFile("toString"), /unknown font face/);
});
