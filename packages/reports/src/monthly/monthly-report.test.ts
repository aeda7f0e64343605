import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { loadContract } from "@qiyue/contract-model";
import { afterAll, describe, expect, it } from "vitest";
import { builtinMetricsConfig, HotlineIngestError } from "@qiyue/hotline";
import { hasTool, pdfText } from "@qiyue/testing";
import { renderDocument } from "../render-document.js";
import { collectPeriod } from "./collect.js";
import { hotlineServiceLevels } from "./service-levels.js";
import { BAD_ROW, csv, EARLIER_ROWS, MAY_ROWS, scratch, sujiatuoWithLevels, UNIT_A, UNIT_B, UNIT_C } from "./testing.js";
import { monthlyReportPlan } from "./view.js";

const { dir, write, remove } = scratch("qiyue-monthly-");
afterAll(remove);
const may = write("2026-05.csv", csv(MAY_ROWS));
const earlier = write("earlier.csv", csv(EARLIER_ROWS));
const contractFile = sujiatuoWithLevels(dir);

async function render(orders: Parameters<typeof renderDocument>[0]["orders"], formats: ("md" | "pdf" | "docx")[] = ["md"], out = "out") {
  const outDir = join(dir, out);
  const paths = await renderDocument({ template: "monthly-report", contract: contractFile, formats, outDir, orders: orders! });
  return { paths, outDir, md: paths.filter((p) => p.endsWith(".md")).map((p) => readFileSync(p, "utf8"))[0] ?? "" };
}

/** The Markdown with the engine's escapes taken out, for comparing prose. */
const plain = (md: string) => md.replace(/\\([\\`*_{}[\]()#+\-.,!|:%/=<>~])/g, "$1").replace(/&#65306;/g, "：");

describe("the monthly report's figures, worked out by hand from the nine fixture orders", async () => {
  const { contract } = await loadContract(contractFile);
  const config = builtinMetricsConfig("beijing-0.1-0.5-0.4");
  const collected = await collectPeriod({ files: [may], previous: [earlier], config, serviceLevels: hotlineServiceLevels(contract) });
  const { view, charts } = monthlyReportPlan({
    contract,
    month: collected.month,
    monthInferred: true,
    figures: collected.whole,
    sources: collected.sources,
    previousSources: collected.previousSources,
    previousGiven: true,
    skipped: collected.skipped,
    lenient: false,
    builtinConfig: true,
    audience: "client",
  });

  it("leaves the cover's 报送日期 and 编制人 to be filled in when the notes do not give them", () => {
    expect(view.cover).toEqual({ submitted: "【待补充：报送日期】", compiler: "【待补充：编制人】" });
  });

  it("finds the month most orders were received in: eight of nine in May", () => {
    expect(collected.month).toBe("2026-05");
    expect(view.monthLabel).toBe("2026年5月");
    expect(view.periodLabel).toBe("2026年5月1日至5月31日");
  });

  it("overview: 9 orders, S09 (30 April) outside the month, 8 ÷ 31 days a day, 环比 and 同比 from the earlier export", () => {
    expect(view.overview).toMatchObject({
      total: 9,
      counted: 8, // all but S05
      excluded: 1,
      appealed: 2, // S04 申诉中, S05 申诉通过
      proactive: 2, // S07, S08
      outsideMonth: 1,
      dailyAverage: "0.3", // 8 / 31 = 0.258
      peak: { day: "5月1日", count: 2 }, // S01, S02 (5月2日 and 5月3日 also 2: the first is named)
      low: { day: "5月4日", count: 0 },
    });
    // April 2026: P01–P04 = 4; 9 − 4 = 5 = +125 %. May 2025: Y01–Y06 = 6; 9 − 6 = 3 = +50 %.
    expect(view.overview.monthOnMonth).toMatchObject({ available: true, previous: 4, delta: 5, rate: "+125.00%" });
    expect(view.overview.monthOnMonth.words).toBe("较上月（2026年4月，4 件）增加 5 件，增长 125.00%");
    expect(view.overview.yearOnYear).toMatchObject({ available: true, previous: 6, delta: 3, rate: "+50.00%" });
  });

  it("三率 over the five counted orders with a valid follow-up (S01, S02, S04, S06, S07), and 综合成绩 0.1 / 0.5 / 0.4", () => {
    const a = view.assessment;
    expect(a.base).toBe(5);
    expect(a.response).toEqual({ numerator: "4", denominator: 5, percent: "80.00%" }); // S04 not contacted
    expect(a.resolution).toEqual({ numerator: "2", denominator: 5, percent: "40.00%" }); // S01, S07
    expect(a.satisfaction).toEqual({ numerator: "2.9", denominator: 5, percent: "58.00%" }); // 1 + 0.9 + 0 + 0 + 1
    expect(a.composite).toBe("51.20"); // 100 × (0.1 × 0.8 + 0.5 × 0.4 + 0.4 × 0.58)
    expect(a.scheme.weights).toEqual({ response: "0.1", resolution: "0.5", satisfaction: "0.4" });
    expect(a.scheme.formula).toBe("综合成绩 = 响应率×0.1 + 解决率×0.5 + 满意率×0.4（满分 100）");
    expect(a.answers).toEqual({ satisfied: 2, basic: 1, dissatisfied: 2, unrated: 0 });
  });

  it("structure: types with 环比 by type, the category top list, channels; areas", () => {
    const types = Object.fromEntries(view.structure.byType.map((r) => [r.key, [r.count, r.share, r.monthOnMonth]]));
    expect(types).toEqual({
      咨询: [2, "22.22%", "+100.00%"], // S05, S09 against P04
      求助: [2, "22.22%", "+100.00%"], // S03, S04 against P03
      投诉: [3, "33.33%", "+50.00%"], // S01, S02, S08 against P01, P02
      举报: [1, "11.11%", "—"],
      建议: [1, "11.11%", "—"],
      表扬: [0, "0.00%", "—"],
    });
    expect(view.structure.categoryTop[0]).toEqual({ rank: 1, key: "城乡建设 / 市容环卫 / 垃圾清运", name: "垃圾清运", count: 3, share: "33.33%" });
    expect(view.structure.categoryTop[1]).toMatchObject({ name: "预付卡退费", count: 2 });
    expect(view.structure.channels.map((r) => [r.key, r.count])).toEqual([
      ["电话", 6],
      ["APP", 1],
      ["主动治理", 1],
      ["网络", 1],
    ]);
    expect(view.area.streets).toEqual([{ key: "苏家坨镇", count: 9, share: "100.00%" }]);
    expect(view.area.communities.map((c) => [c.name, c.count])).toEqual([
      ["草厂村", 4],
      ["西小营村", 3],
      ["柳林村", 2],
    ]);
    expect(charts.dailyTrend).toHaveLength(31);
    expect(charts.dailyTrend.slice(0, 5).map((d) => d.count)).toEqual([2, 2, 2, 0, 1]);
  });

  it("ranks the units by exact 综合成绩: A 82.00, C 10.00, B 0.00", () => {
    // A: base S01, S02, S07: 3/3 contacted, 2/3 resolved, (1 + 0.9 + 1)/3 satisfied
    //    = 10 + 33.333… + 38.666… = 82.00. C: base S06: contacted only = 10.00. B: base S04: nothing = 0.00.
    expect(view.units.rows.map((r) => [r.rank, r.unit, r.counted, r.base, r.composite])).toEqual([
      ["1", UNIT_A, 4, 3, "82.00"],
      ["2", UNIT_C, 2, 1, "10.00"],
      ["3", UNIT_B, 2, 1, "0.00"],
    ]);
    expect(charts.unitRanking?.rows.map((r) => r.text)).toEqual(["82.00", "10.00", "0.00"]);
  });

  it("measures each service level and costs the misses under 九.3: 2 × 5 % of May's fee", () => {
    const rows = Object.fromEntries(view.serviceLevels.rows.map((r) => [r.name, [r.status, r.numerator, r.denominator, r.failingOrders]]));
    expect(rows).toEqual({
      签收率: ["fail", "8", 9, "S03"], // every order was dispatched; S03 never signed
      转办率: ["pass", "9", 9, ""],
      反馈率: ["fail", "7", 9, "S03、S08"], // neither closed nor answered
      按要求建立工作台账: ["unmeasurable", "0", 0, ""], // an unnamed requirement goes by its words
    });
    expect(view.serviceLevels.failed).toBe(2);
    expect(view.serviceLevels.measured).toBe(3);
    const [cost] = view.serviceLevels.costs;
    // May 2026 falls in billing month 1/2 (2 May – 1 June): 1,766,500.00 ÷ 12 = 147,208.33;
    // 5 % × 147,208.33 × 2 = 14,720.833 → 14,720.83.
    expect(cost).toMatchObject({ clause: "九.3", levels: "签收率、反馈率", occurrences: "2 次", computable: true, amount: 1_472_083, deductible: true });
    expect(cost?.formula).toBe("5% × 147,208.33 元 × 2 次");
    expect(view.serviceLevels.total).toBe(1_472_083);
    expect(view.serviceLevels.deductible).toBe(1_472_083);
  });

  it("lists the excluded and appealed orders for the appendix", () => {
    expect(view.appendix.excluded.orders.map((o) => o.orderNo)).toEqual(["S05"]);
    expect(view.appendix.appealed.orders.map((o) => [o.orderNo, o.appealState])).toEqual([
      ["S04", "申诉中"],
      ["S05", "申诉通过"],
    ]);
    expect(view.appendix.appealed.byState.map((r) => [r.key, r.count])).toEqual([
      ["申诉中", 1],
      ["申诉通过", 1],
    ]);
  });
});

describe("orders whose handling unit was left blank", async () => {
  // S11: a valid follow-up with no 主办单位; it would score 100.00 and top the ranking if it were a unit
  const blank = `S11,2026-05-06 08:00:00,电话,投诉,城乡建设,市容环卫,垃圾清运,苏家坨镇,草厂村,,2026-05-06 08:10:00,2026-05-06 08:20:00,2026-05-13 08:00:00,2026-05-07 10:00:00,是,是,是,满意,是,,否`;
  const file = write("2026-05-blank.csv", csv([...MAY_ROWS, blank]));
  const { contract } = await loadContract(contractFile);
  const config = builtinMetricsConfig("beijing-0.1-0.5-0.4");
  const collected = await collectPeriod({ files: [file], config, serviceLevels: hotlineServiceLevels(contract), month: "2026-05" });
  const { view } = monthlyReportPlan({
    contract,
    month: collected.month,
    monthInferred: false,
    figures: collected.whole,
    sources: collected.sources,
    previousSources: collected.previousSources,
    previousGiven: false,
    skipped: collected.skipped,
    lenient: false,
    builtinConfig: true,
  });

  it("are not counted as a unit nor ranked, and are said apart", () => {
    expect(view.units.count).toBe(3);
    expect(view.units.ranked).toBe(3);
    expect(view.units.unspecified).toBe(1);
    const last = view.units.rows[view.units.rows.length - 1]!;
    expect([last.unit, last.rank]).toEqual(["（未填写）", "—"]);
    expect(view.units.rows.slice(0, 3).map((r) => r.rank)).toEqual(["1", "2", "3"]);
  });

  it("prints the share of proactive orders with two decimals like every other percentage", () => {
    // S07, S08 of the ten orders the export holds: 2 / 10
    expect(view.proactive.share).toBe("20.00%");
  });
});

describe("the monthly-report template", () => {
  it("in the vendor's deliverable (the default), shows attainment only and leaves the penalties to the client", async () => {
    const text = plain((await render({ files: [may], month: "2026-05" }, ["md"], "vendor")).md);
    expect(text).toContain("签收率未达标");
    expect(text).toContain("未达标项的违约责任由甲方按合同约定核定，本报告不作测算。");
    expect(text).not.toContain("违约责任测算");
    expect(text).not.toContain("14,720.83");
  });

  it("prints the figures, the scheme with its weights, and, in the client's copy, the costed misses", async () => {
    const { md, paths } = await render({ files: [may], previous: [earlier], month: "2026-05", audience: "client" });
    expect(paths.map((p) => p.replace(/^.*[\\/]/, ""))).toEqual(["sujiatuo-2026-工作月报-2026-05.md"]);
    const text = plain(md);
    for (const expected of [
      "# 苏家坨镇 2026 年接诉即办服务项目工作月报",
      "共受理工单 9 件，日均 0.3 件",
      "工单总量较上月（2026年4月，4 件）增加 5 件，增长 125.00%；较去年同月（2025年5月，6 件）增加 3 件，增长 50.00%。",
      "| 响应率 | 4 | 5 | 80.00% | 0.1 |",
      "| 综合成绩 |  |  | 51.20 |  |",
      "考核口径：北京市接诉即办考核（响应0.1/解决0.5/满意0.4）",
      `| 1 | ${UNIT_A} | 4 | 3 | 100.00% | 66.67% | 96.67% | 82.00 |`,
      // clauses in the house form, whatever the contract's numbering: 二(一) → 第二条（一）, 九.3 → 第九条第3款
      "| 签收率 | — | ≥ 100.00% | 88.89% | 8 / 9 | **未达标** |",
      "| 转办率 | 第二条（一） | ≥ 100.00% | 100.00% | 9 / 9 | 达标 |",
      "| 第九条第3款（未达到工作内容及服务标准） | 签收率、反馈率 | 2 次 | 5% × 147,208.33 元 × 2 次 | 14,720.83 |",
      "以上可算出的金额合计 14,720.83 元，其中合同约定可从服务费中扣除的 14,720.83 元。",
      "| S05 | 2026-05-03 12:00 | 咨询 | 苏家坨镇 | 海淀区水务局 | 市场管理 / 消费维权 / 预付卡退费 |",
      "读取导出文件时未跳过任何数据行。",
    ]) {
      expect(text).toContain(expected);
    }
    for (const chart of ["request-types", "category-top", "daily-trend", "unit-ranking"]) expect(md).toContain(`::chart{id="${chart}" width=450`);
  });

  it("says plainly what the narrative lacks without --notes, and prints the notes when given", async () => {
    const without = plain((await render({ files: [may], month: "2026-05" }, ["md"], "without")).md);
    for (const part of ["热点问题", "典型案例", "主动治理", "存在问题", "下月计划"]) expect(without).toContain(`【待补充：${part}】`);
    expect(without).toContain("未提供上月（2026年4月）的工单数据，未计算环比；未提供去年同月（2025年5月）的工单数据，未计算同比。");
    expect(without).not.toContain("工单总量未提供");

    const notes = write(
      "notes.yaml",
      [
        "typicalCases:",
        "  - title: 草厂村垃圾清运不及时",
        "    text: 5月1日居民反映垃圾桶满溢，当日协调清运。",
        "hotIssues: 垃圾清运诉求集中在草厂村。",
        "problems:",
        "  - 个别工单未签收。",
        "nextMonthPlan:",
        "  - 督促承办单位及时签收。",
        "proactive: 对草厂村开展主动治理。",
        "cover:",
        "  submitted: 2026-06-03",
        "  compiler: 王晓",
      ].join("\n"),
    );
    const withNotes = plain((await render({ files: [may], month: "2026-05", notesFile: notes }, ["md"], "with")).md);
    expect(withNotes).not.toContain("【待补充");
    for (const text of ["**（一）草厂村垃圾清运不及时**", "5月1日居民反映垃圾桶满溢，当日协调清运。", "垃圾清运诉求集中在草厂村。", "督促承办单位及时签收。", "素材文件 notes.yaml", "报送日期：2026年6月3日", "编制人：王晓"]) {
      expect(withNotes).toContain(text);
    }
  });

  it.skipIf(!hasTool("pdftotext"))("keeps chart text in the PDF as text", async () => {
    const { paths } = await render({ files: [may], month: "2026-05" }, ["pdf"], "pdf");
    const text = pdfText(readFileSync(paths[0]!), false);
    for (const word of ["图1 诉求类型分布", "诉求类型", "工单量（件）", "垃圾清运", "综合成绩（分）", "虚线为日均值 0.3 件", "【待补充：典型案例】"]) {
      expect(text).toContain(word);
    }
  });

  it("stops at a bad row in strict mode, naming the file, row, column and value", async () => {
    const bad = write("bad.csv", csv([...MAY_ROWS, BAD_ROW]));
    const error = await render({ files: [bad], month: "2026-05" }, ["md"], "strict").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HotlineIngestError);
    expect(error).toMatchObject({ code: "bad-time", row: 11, column: "受理时间", value: "2026-05-0x 10:00:00" });
    expect((error as Error).message).toContain("bad.csv");
    expect(readdirSync(dir)).not.toContain("strict");
  });

  it("skips it in lenient mode and lists it in the appendix by reason", async () => {
    const bad = write("bad-lenient.csv", csv([...MAY_ROWS, BAD_ROW]));
    const text = plain((await render({ files: [bad], month: "2026-05", lenient: true }, ["md"], "lenient")).md);
    expect(text).toContain("读取导出文件时共跳过 1 行");
    expect(text).toContain("| 时间无法识别 | 1 |");
    expect(text).toContain("| bad-lenient.csv | 11 | 受理时间 | 2026-05-0x 10:00:00 | 时间无法识别 |");
    expect(text).toContain("共受理工单 9 件");
  });

  it("splits by handling unit: one report per unit, its own figures, ranked among all units, no penalty costed", async () => {
    const { paths, md } = await render({ files: [may], month: "2026-05", splitBy: "handling-unit", workers: 0 }, ["md"], "split");
    // in code-point order of the unit names: 海 (U+6D77) before 苏 (U+82CF)
    expect(paths.map((p) => p.replace(/^.*[\\/]/, ""))).toEqual([
      `sujiatuo-2026-工作月报-2026-05-${UNIT_C}.md`,
      `sujiatuo-2026-工作月报-2026-05-${UNIT_A}.md`,
      `sujiatuo-2026-工作月报-2026-05-${UNIT_B}.md`,
    ]);
    expect(md).toContain(`承办单位“${UNIT_C}”共受理工单 3 件`);
    const a = plain(readFileSync(paths[1]!, "utf8"));
    expect(a).toContain(`承办单位“${UNIT_A}”共受理工单 4 件`);
    expect(a).toContain(`${UNIT_A}本月综合成绩列参与排名的 3 个承办单位中第 1 位`);
    expect(a).toContain(`| 1 | **${UNIT_A}** |`);
    expect(a).toContain("服务标准按本承办单位的工单计量，仅供参考");
  });
});
