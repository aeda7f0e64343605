import { test } from "vitest";
import { parseMarkdown, renderPdf } from "./render/index.js";
import { sampleContractMarkdown } from "./render/sample.js";
import { pdfPages } from "./render/testing.js";
test("try", async () => {
  const md = sampleContractMarkdown().replace(/^(# .*)$/m, "$1\n\n::toc\n\n::pagebreak");
  const pages = pdfPages(await renderPdf(parseMarkdown(md)));
  console.log(pages[0]);
});
