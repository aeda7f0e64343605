import { describe, expect, it } from "vitest";
import { breakAfterPunctuation, isOrphanLine, joinLastTwo, joinUnbreakable, noBreakOffsets, unbreakablePieces, unbreakableSpans, WORD_JOINER, ZERO_WIDTH_SPACE } from "./line-breaking.js";

const spans = (text: string) => unbreakableSpans(text).map(([a, b]) => text.slice(a, b));

describe("unbreakable spans", () => {
  it("dates, numbers with separators and signs, percentages and clause numbers", () => {
    expect(spans("签订日期：2026年3月19日，于2026 年 6 月前付清")).toEqual(["2026年3月19日", "2026 年 6 月"]);
    expect(spans("合同金额 1,943,299.05 元，即¥1626095.5元")).toEqual(["1,943,299.05", "¥1626095.5"]);
    expect(spans("账号 0200003319210012727，电话 010-12345678，7*24小时")).toEqual(["0200003319210012727", "010-12345678", "7*24"]);
    expect(spans("达标率 100.00%，按日 0.3 % 计，5‰")).toEqual(["100.00%", "0.3 %", "5‰"]);
    expect(spans("目标 ≥ 100.00%，不超过 30 分钟")).toEqual(["≥ 100.00%", "30"]);
    expect(spans("依第8.2条和第4.2.2条")).toEqual(["第8.2条", "第4.2.2条"]);
    expect(spans("3月19日前")).toEqual(["3月19日"]);
  });

  it("a clause reference in the house form or as printed, a longer one part by part", () => {
    expect(spans("合同第二条（一）约定")).toEqual(["第二条（一）"]);
    expect(spans("第二条(一)")).toEqual(["第二条(一)"]);
    expect(spans("第一条第2款第（1）项第7目")).toEqual(["第一条", "第2款", "第（1）项", "第7目"]);
    expect(spans("第十三条 其他")).toEqual(["第十三条"]);
    expect(spans("第三方第一次")).toEqual([]);
  });

  it("an amount in Chinese capitals, whole, or a long one in groups ending at 万 and 亿, and nothing else in those characters", () => {
    expect(spans("（大写：伍拾玖万元整）")).toEqual(["伍拾玖万元整"]);
    expect(spans("（大写：壹佰捌拾万零叁仟玖佰元整）")).toEqual(["壹佰捌拾万", "零叁仟玖佰元整"]);
    expect(spans("人民币柒万叁仟叁佰柒拾叁元伍角陆分，即")).toEqual(["柒万", "叁仟叁佰柒拾叁元伍角陆分"]);
    expect(spans("合同一式肆份，甲方执贰份")).toEqual([]);
  });

  it("single digits and text without numbers hold none", () => {
    expect(spans("第1期，共3件")).toEqual([]);
    expect(spans("甲方委托乙方")).toEqual([]);
  });

  it("the offsets inside a span, and only those", () => {
    expect([...noBreakOffsets("于2026年3月")].sort((a, b) => a - b)).toEqual([2, 3, 4, 5, 6, 7]);
  });
});

describe("joinLastTwo", () => {
  it("joins a text's last two characters when both are ideographs", () => {
    expect(joinLastTwo("综合成绩")).toBe(`综合成${WORD_JOINER}绩`);
    expect(joinLastTwo("第12个月")).toBe(`第12个${WORD_JOINER}月`);
  });

  it("leaves text ending in anything else as it is", () => {
    for (const text of ["100.00%", "2026-04-01 09:38", "申诉中。", "ABC", "是"]) expect(joinLastTwo(text)).toBe(text);
  });
});

describe("breakAfterPunctuation", () => {
  const Z = ZERO_WIDTH_SPACE;
  it("lets a list of numbers or Latin words break after its Chinese commas", () => {
    expect(breakAfterPunctuation("2026040600001、2026041000003、2026041300005")).toBe(`2026040600001、${Z}2026041000003、${Z}2026041300005`);
    expect(breakAfterPunctuation("见附件：ABC，共3份；2份原件")).toBe(`见附件：${Z}ABC，共3份；${Z}2份原件`);
  });

  it("leaves punctuation before Chinese text, and text without punctuation, as it is", () => {
    expect(breakAfterPunctuation("响应率、解决率、满意率")).toBe("响应率、解决率、满意率");
    expect(breakAfterPunctuation("1,979,100.00元")).toBe("1,979,100.00元");
    expect(breakAfterPunctuation("（1）项")).toBe("（1）项");
  });
});

describe("joinUnbreakable", () => {
  it("joins a span's characters where a line breaker could break them, not between digits", () => {
    expect(joinUnbreakable("于2026年3月19日前")).toBe(`于2026${WORD_JOINER}年${WORD_JOINER}3${WORD_JOINER}月${WORD_JOINER}19${WORD_JOINER}日前`);
    expect(joinUnbreakable("100.00%")).toBe(`100.00${WORD_JOINER}%`);
    expect(joinUnbreakable("合同一式四份")).toBe("合同一式四份");
    expect(joinUnbreakable("1,979,100.00元")).toBe("1,979,100.00元");
  });

  it("joins a range or a date with hyphens, where a reader would break after the hyphen", () => {
    const J = WORD_JOINER;
    expect(joinUnbreakable("按10-30%支付")).toBe(`按10${J}-${J}30${J}%支付`);
    expect(joinUnbreakable("2026-03-19")).toBe(`2026${J}-${J}03${J}-${J}19`);
  });

  it("writes a space inside a span as a NO-BREAK SPACE", () => {
    const J = WORD_JOINER;
    expect(joinUnbreakable("于 2024 年 12 月 31 日前")).toBe(`于 2024${J}\u00a0${J}年${J}\u00a0${J}12${J}\u00a0${J}月${J}\u00a0${J}31${J}\u00a0${J}日前`);
  });
});

describe("isOrphanLine", () => {
  it("one ideograph, with or without punctuation, is an orphan; two characters or a number are not", () => {
    expect(isOrphanLine("目")).toBe(true);
    expect(isOrphanLine("务。")).toBe(true);
    expect(isOrphanLine("服务。")).toBe(false);
    expect(isOrphanLine("5")).toBe(false);
    expect(isOrphanLine("")).toBe(false);
  });
});

describe("unbreakablePieces", () => {
  it("sets apart the spans that need joining, and leaves a run of digits with the text around it", () => {
    const J = WORD_JOINER;
    expect(unbreakablePieces("乙方于2026年3月19日前提交，金额为1,979,100.00元。")).toEqual([
      { text: "乙方于", whole: false },
      { text: `2026${J}年${J}3${J}月${J}19${J}日`, whole: true },
      { text: "前提交，金额为1,979,100.00元。", whole: false },
    ]);
    expect(unbreakablePieces("无日期")).toEqual([{ text: "无日期", whole: false }]);
    expect(unbreakablePieces("按第8.2条")).toEqual([
      { text: "按", whole: false },
      { text: `第${J}8.2${J}条`, whole: true },
    ]);
    // the pieces are the joined text, in order
    const text = "自2026年3月19日起，达成率≥ 100.00%。";
    expect(unbreakablePieces(text).map((p) => p.text).join("")).toBe(joinUnbreakable(text));
  });
});
