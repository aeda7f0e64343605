import { describe, expect, it } from "vitest";
import { listAt, modelOf, runOnSeedOutlined, runOnText } from "../testing/extract-check.test-support.js";
import { SEEDS, textSource } from "../testing/seeds.test-support.js";
import { extractDeliverables } from "./deliverables.js";

const key = (d: { name: string; frequency: string }) => `${d.frequency}:${d.name}`;

describe("extractDeliverables on the five signed contracts", () => {
  for (const id of SEEDS) {
    it(`${id}: every report found is one of the hand-made model's, named and timed alike`, () => {
      const expected = modelOf(id).deliverables.map(key);
      const found = listAt(runOnSeedOutlined(extractDeliverables, id), "deliverables") as { name: string; frequency: string }[];
      for (const f of found) expect(expected).toContain(key(f));
    });
  }

  it("finds the daily, weekly and monthly reports of the contracts that list them", () => {
    for (const id of ["haidian-2024", "yuetan-2026", "sujiatuo-2026"] as const) {
      const found = listAt(runOnSeedOutlined(extractDeliverables, id), "deliverables") as { frequency: string }[];
      expect(found.map((f) => f.frequency).filter((f) => f !== "on-request")).toEqual(["daily", "weekly", "monthly"]);
    }
  });
});

describe("extractDeliverables on other wordings", () => {
  it("names the other reports of an enumeration of periodic ones as due when asked for", () => {
    const found = listAt(runOnText(extractDeliverables, "负责完成热线运行月报、舆情报告、专题报告等；"), "deliverables");
    expect(found).toMatchObject([
      { name: "热线运行月报", frequency: "monthly" },
      { name: "舆情报告", frequency: "on-request" },
      { name: "专题报告", frequency: "on-request" },
    ]);
  });

  it("keeps reports listed twice once, in the more detailed clause", () => {
    const text = "一、人员\n统计员 3 名，编制日报、周报、月报。\n二、职责\n(1) 统计\n1) 编制日报、周报、月报。";
    const x = extractDeliverables({ source: textSource(text), clauseAt: (line) => ["", "一", "一", "二", "二(1)", "二(1) 1)"][line] });
    expect((listAt(x, "deliverables") as { clause: string }[]).map((d) => d.clause)).toEqual(["二(1) 1)", "二(1) 1)", "二(1) 1)"]);
  });

  it("reads a monthly report due days after the month and a quarterly report", () => {
    const found = listAt(
      runOnText(extractDeliverables, "乙方应于次月5个工作日内提交上月安保工作月报。\n每季度结束后10日内提交季度考核报告。"),
      "deliverables",
    );
    expect(found).toMatchObject([
      { id: "monthly-report", name: "安保工作月报", frequency: "monthly", due: { days: 5, unit: "working" } },
      { id: "quarterly-report", name: "季度考核报告", frequency: "quarterly", due: { days: 10, unit: "natural" } },
    ]);
  });

  it("does not take a monthly fee or a month's data for a report", () => {
    expect(listAt(runOnText(extractDeliverables, "甲方按月支付服务费。每月对工单数据进行汇总分析。"), "deliverables")).toEqual([]);
  });
});
