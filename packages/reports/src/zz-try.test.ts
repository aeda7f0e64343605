import { readFileSync, writeFileSync } from "node:fs";
import { test } from "vitest";
import { parseMarkdown } from "./markdown/index.js";
import { renderPdf, headingPages } from "./pdf/index.js";
test("try", async () => {
  const md = readFileSync("/tmp/proto/sample.md", "utf8");
  for (const theme of ["formal", "plain"] as const) {
    const doc = parseMarkdown(md, { theme, header: "北京市平谷区城市管理指挥中心" });
    const t = performance.now();
    const pdf = await renderPdf(doc, {});
    console.log(theme, performance.now() - t);
    writeFileSync(`/tmp/proto/${theme}.pdf`, pdf);
    console.log(await headingPages(doc));
  }
});
