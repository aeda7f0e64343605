import { writeFileSync } from "node:fs";
import { test } from "vitest";
import { parseMarkdown, renderPdf, renderDocx } from "./render/index.js";
import { sampleContractMarkdown } from "./render/sample.js";
test("try", async () => {
  const md = sampleContractMarkdown();
  for (const theme of ["formal", "plain"] as const) {
    const doc = parseMarkdown(md, { theme });
    let t = performance.now();
    const pdf = await renderPdf(doc, {});
    console.log(theme, "pdf cold", performance.now() - t);
    writeFileSync(`/tmp/proto/s-${theme}.pdf`, pdf);
    const times = [], dt = [];
    for (let i = 0; i < 10; i++) { t = performance.now(); await renderPdf(doc, {}); times.push(performance.now() - t); }
    for (let i = 0; i < 10; i++) { t = performance.now(); await renderDocx(doc, {}); dt.push(performance.now() - t); }
    console.log(theme, "pdf", times.map(x => x.toFixed(0)).join(" "), "docx", dt.map(x => x.toFixed(0)).join(" "));
    writeFileSync(`/tmp/proto/s-${theme}.docx`, await renderDocx(doc, {}));
  }
});
