/**
 * The `calendar:` key of golden.yaml: holiday arrangements for years the built-in calendar does
 * not cover, relative to golden.yaml, used by every case. The 2027 file is a made-up test
 * fixture (test/fixtures), not a State Council notice.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { BUILT_IN_CALENDAR, CalendarLoadError } from "@qiyue/contract-model";
import { describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import { GoldenError } from "./errors.js";
import { CaseRenderer } from "./render-case.js";
import { loadSuite } from "./suite.js";

/** The suites of these tests live in a temporary folder and name the repository's example files. */
const ANYWHERE = { root: "/" };

const repo = (path: string) => fileURLToPath(new URL(`../../../${path}`, import.meta.url));
const FIXTURE = repo("test/fixtures/holidays-2027.fixture.yaml");
const TEMPLATES = repo("test/fixtures/templates");

/** A suite folder with the 2027 fixture in calendar/ and Haidian's contract signed on 20 December 2026. */
function suiteDir(golden: string): string {
  const dir = mkdtempSync(join(tmpdir(), "qiyue-golden-calendar-"));
  mkdirSync(join(dir, "calendar"));
  copyFileSync(FIXTURE, join(dir, "calendar", "2027.yaml"));
  const doc = parseDocument(readFileSync(repo("examples/contracts/haidian-2024.yaml"), "utf8"));
  doc.setIn(["signing", "date"], "2026-12-20");
  writeFileSync(join(dir, "haidian-2026.yaml"), doc.toString());
  writeFileSync(join(dir, "golden.yaml"), golden);
  return dir;
}

const CASES = `templates: ${TEMPLATES}\ncases:\n  - name: due\n    template: due-dates\n    contract: haidian-2026.yaml\n    formats: [md]\n`;

describe("golden.yaml calendar:", () => {
  it("takes a path, or a list of paths, relative to golden.yaml", async () => {
    const one = await loadSuite(suiteDir(`calendar: calendar/2027.yaml\n${CASES}`), ANYWHERE);
    expect(one.calendarFiles).toEqual([join(one.dir, "calendar", "2027.yaml")]);
    expect(Object.keys(one.calendar.supplied)).toEqual(["2027"]);
    const list = await loadSuite(suiteDir(`calendar: [calendar/2027.yaml]\n${CASES}`), ANYWHERE);
    expect(list.calendarFiles).toEqual([join(list.dir, "calendar", "2027.yaml")]);
    const none = await loadSuite(suiteDir(CASES), ANYWHERE);
    expect(none.calendarFiles).toEqual([]);
    expect(none.calendar).toBe(BUILT_IN_CALENDAR);
  });

  it("every case counts working days with it", async () => {
    const suite = await loadSuite(suiteDir(`calendar: calendar/2027.yaml\n${CASES}`), ANYWHERE);
    const { markdown } = await new CaseRenderer(suite).render(suite.cases[0]!);
    expect(markdown).toContain("第 1 期：2027年1月11日（按测试用虚构安排（非官方通知）计算）");
    const without = await loadSuite(suiteDir(CASES), ANYWHERE);
    expect((await new CaseRenderer(without).render(without.cases[0]!)).markdown).toContain("第 1 期：无法确定（2027年");
  });

  it("a file that does not exist is reported where golden.yaml names it", async () => {
    const error = await loadSuite(suiteDir(`calendar:\n  - calendar/2027.yaml\n  - calendar/2028.yaml\n${CASES}`), ANYWHERE).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GoldenError);
    expect((error as GoldenError).issues[0]).toMatchObject({ code: "GOLDEN_SUITE_INVALID", line: 3, column: 5 });
    expect((error as GoldenError).message).toContain("节假日安排文件不存在：calendar/2028.yaml");
  });

  it("a mistake in the file is reported at its own line and column", async () => {
    const dir = suiteDir(`calendar: calendar/2027.yaml\n${CASES}`);
    writeFileSync(join(dir, "calendar", "2027.yaml"), "year: 2027\nsource: 通知\nholidays:\n  - { name: 元旦, from: 2027-01-03, to: 2027-01-01 }\n");
    const error = await loadSuite(dir, ANYWHERE).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CalendarLoadError);
    expect((error as CalendarLoadError).issues[0]).toMatchObject({ code: "CALENDAR_RANGE_REVERSED", file: join(dir, "calendar", "2027.yaml"), line: 4, column: 39 });
  });

  it("is not a list of nothing", async () => {
    const error = await loadSuite(suiteDir(`calendar: []\n${CASES}`), ANYWHERE).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GoldenError);
    expect((error as GoldenError).issues[0]).toMatchObject({ line: 1 });
  });
});
