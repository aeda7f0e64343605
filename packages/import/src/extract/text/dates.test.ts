import { describe, expect, it } from "vitest";
import { findDates, parseDate } from "./dates.js";

describe("findDates", () => {
  it.each([
    ["2024年9月1日", "2024-09-01"],
    ["2026 年 2 月 01 日", "2026-02-01"],
    ["2026.3.19", "2026-03-19"],
    ["2025-03-01", "2025-03-01"],
    ["2025/3/1", "2025-03-01"],
    ["二〇二五年三月一日", "2025-03-01"],
    ["二〇二五年十二月三十一日", "2025-12-31"],
    ["２０２５年３月１日", "2025-03-01"],
  ])("%s", (text, iso) => {
    expect(findDates(text).map((d) => d.iso)).toEqual([iso]);
  });

  it("finds every date of a line, in order, with the words printed", () => {
    expect(findDates("自2024年10月8日至2025年10月7日止")).toEqual([
      { iso: "2024-10-08", text: "2024年10月8日", index: 1 },
      { iso: "2025-10-07", text: "2025年10月7日", index: 12 },
    ]);
  });

  it("leaves out impossible dates and figures that are not dates", () => {
    expect(findDates("2025年2月30日")).toEqual([]);
    expect(findDates("1,766,500.00 元")).toEqual([]);
    expect(findDates("第 4.2.2 条")).toEqual([]);
  });
});

describe("every day of three years, in every printed form, reads back as itself", () => {
  const CN = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
  const small = (n: number) => (n < 10 ? CN[n] : `${n >= 20 ? CN[Math.floor(n / 10)] : ""}十${n % 10 === 0 ? "" : CN[n % 10]}`);
  it("2024-01-01 to 2026-12-31", () => {
    const day = new Date(Date.UTC(2024, 0, 1));
    let count = 0;
    while (day.getUTCFullYear() < 2027) {
      const [y, m, d] = [day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate()];
      const iso = day.toISOString().slice(0, 10);
      const forms = [
        `${y}年${m}月${d}日`,
        `${y} 年 ${String(m).padStart(2, "0")} 月 ${String(d).padStart(2, "0")} 日`,
        `${y}.${m}.${d}`,
        `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`,
        `${y}/${m}/${d}`,
        `${[...String(y)].map((c) => CN[Number(c)]).join("")}年${small(m)}月${small(d)}日`,
      ];
      for (const form of forms) expect(parseDate(form)?.iso, form).toBe(iso);
      day.setUTCDate(d + 1);
      count++;
    }
    expect(count).toBe(1096);
  });
});

describe("parseDate", () => {
  it("reads a text that is one date and nothing else", () => {
    expect(parseDate("(2026.3.19)")?.iso).toBe("2026-03-19");
    expect(parseDate("日期：2026.3.19")).toBeUndefined();
  });
});
