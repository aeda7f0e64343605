/**
 * LibreOffice Calc opens the appendix workbook qiyue writes beside a monthly report and reads
 * every sheet, every row and every cell as written: text with markup characters, line breaks,
 * tabs, rare characters and a literal "_x0041_", numbers as numbers. A missing program fails in
 * CI and skips elsewhere.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type TableSheet, tableWorkbookBytes } from "@qiyue/hotline";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { office } from "../support/tools.js";

const soffice = office();

const SHEETS: TableSheet[] = [
  {
    name: "附录四 不纳入考核工单",
    header: ["工单编号", "说明", "件数"],
    rows: [
      ["G0001", 'a&b<c>"d" 换\n行\t制表', 7],
      ["G0002", "写作 _x0041_ 的文字", 3.25],
      ["G0003", "𠀀𪚥 扩展 B 区", -1],
      ...Array.from({ length: 2000 }, (_, i) => [`L${String(i).padStart(4, "0")}`, `第${i}行`, i] as const),
    ],
    widths: [14, 30, 8],
  },
  { name: "附录六 读取时跳过的数据行", header: ["文件", "行"], rows: [["5月.csv", 17]] },
];

describe.runIf(soffice !== undefined)("LibreOffice Calc reads the appendix workbook", () => {
  it("finds every sheet, row and cell as written", async () => {
    const dir = mkdtempSync(join(tmpdir(), "qiyue-workbook-"));
    writeFileSync(join(dir, "附录.xlsx"), await tableWorkbookBytes(SHEETS, { timestamp: new Date(Date.UTC(2026, 5, 1)) }));
    // CSV, UTF-8, every sheet to its own file (the last field, -1)
    const filter = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1";
    const run = spawnSync(soffice!, [`-env:UserInstallation=file://${join(dir, "profile")}`, "--headless", "--norestore", "--convert-to", filter, "--outdir", dir, join(dir, "附录.xlsx")], {
      encoding: "utf8",
      timeout: 120_000,
    });
    expect(run.status, run.stderr).toBe(0);
    const csvs = readdirSync(dir).filter((f) => f.endsWith(".csv"));
    expect(csvs.sort()).toEqual(SHEETS.map((s) => `附录-${s.name}.csv`).sort());
    for (const sheet of SHEETS) {
      const rows = parse(readFileSync(join(dir, `附录-${sheet.name}.csv`), "utf8"), { relax_column_count: true }) as string[][];
      expect(rows).toEqual([sheet.header, ...[...sheet.rows].map((row) => row.map(String))]);
    }
  }, 180_000);
});
