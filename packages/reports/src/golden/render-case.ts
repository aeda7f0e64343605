import { type Contract, loadContract } from "@qiyue/contract-model";
import { renderDocx, renderPdf, warmUp } from "../render/index.js";
import { type LoadedTemplate, loadTemplate } from "../templates/catalog.js";
import { parseRendered, renderTemplateMarkdown } from "../templates/render-document.js";
import type { GoldenCase, GoldenSuite } from "./suite.js";

/** What one case produced, in memory. */
export interface RenderedCase {
  markdown: string;
  docx?: Uint8Array;
  pdf?: Uint8Array;
}

/**
 * Renders the cases of one suite in this process: templates and contracts are read once, the
 * PDF fonts are loaded once, and every document gets the suite's SOURCE_DATE_EPOCH.
 */
export class CaseRenderer {
  private readonly templates = new Map<string, Promise<LoadedTemplate>>();
  private readonly contracts = new Map<string, Promise<Contract>>();

  constructor(private readonly suite: Pick<GoldenSuite, "templatesDir" | "sourceDateEpoch">) {
    warmUp();
  }

  private template(name: string): Promise<LoadedTemplate> {
    let loaded = this.templates.get(name);
    if (loaded === undefined) {
      loaded = loadTemplate(name, this.suite.templatesDir);
      this.templates.set(name, loaded);
    }
    return loaded;
  }

  private contract(file: string): Promise<Contract> {
    let loaded = this.contracts.get(file);
    if (loaded === undefined) {
      loaded = loadContract(file).then((r) => r.contract);
      this.contracts.set(file, loaded);
    }
    return loaded;
  }

  async render(c: GoldenCase): Promise<RenderedCase> {
    const template = await this.template(c.template);
    const contract = await this.contract(c.contract);
    const rendered = renderTemplateMarkdown({ template, contract, inputs: c.inputs, options: c.options });
    const out: RenderedCase = { markdown: rendered.markdown };
    if (c.formats.includes("docx") || c.formats.includes("pdf")) {
      const doc = parseRendered(rendered, template, contract);
      const options = { sourceDateEpoch: this.suite.sourceDateEpoch };
      if (c.formats.includes("docx")) out.docx = await renderDocx(doc, options);
      if (c.formats.includes("pdf")) out.pdf = await renderPdf(doc, options);
    }
    return out;
  }
}
