import { describe, expect, it } from "vitest";
import { tidySpacing, tidyValue } from "./tidy.js";

describe("typographic spacing out of values", () => {
  it("takes out one space between Chinese characters, and between Chinese and figures or Latin letters", () => {
    expect(tidySpacing("北京政信 1890 智能科技有限公司")).toBe("北京政信1890智能科技有限公司");
    expect(tidySpacing("服务期限为 2026 年 4 月 2 日")).toBe("服务期限为2026年4月2日");
    expect(tidySpacing("王 峰")).toBe("王峰");
    expect(tidySpacing("法定代表人/ 授权委托人")).toBe("法定代表人/授权委托人");
    expect(tidySpacing("北京市分公司 (签章)")).toBe("北京市分公司(签章)");
  });

  it("keeps spaces between Latin words and figures, and runs of spaces (a blank to write on)", () => {
    expect(tidySpacing("(010) 82510861")).toBe("(010) 82510861");
    expect(tidySpacing("Service Level Agreement")).toBe("Service Level Agreement");
    expect(tidySpacing("签字：    日期：")).toBe("签字：    日期：");
  });

  it("tidies every text of a value but the clause numbers it cites", () => {
    expect(tidyValue({ clause: "附件一 5.1", text: "违约金为 10%", rows: [{ name: "统计分析岗 2 人" }] })).toEqual({
      clause: "附件一 5.1",
      text: "违约金为10%",
      rows: [{ name: "统计分析岗2人" }],
    });
  });
});
