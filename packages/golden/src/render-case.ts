import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { extname, join } from "node:path";
import { type Contract, type LedgerEvent, loadContract, loadEvents, type WorkingDayCalendar } from "@qiyue/contract-model";
import { renderFormats, warmUp } from "@qiyue/document";
import type { LoadedTemplate } from "@qiyue/templating";
import { isDocumentFormat, loadTemplate, parseRendered, renderDocument, renderTemplateMarkdown } from "@qiyue/reports";
import type { GoldenCase, GoldenSuite } from "./suite.js";

/** What one case produced, in memory. */
export interface RenderedCase {
  markdown: string;
  docx?: Uint8Array;
  pdf?: Uint8Array;
}

/**
 * Renders the cases of one suite in this process: templates and contracts are read once, the
 * PDF fonts are loaded once, and every document gets the suite's SOURCE_DATE_EPOCH and counts
 * working days with the suite's calendar (the built-in data when it has none).
 */
export class CaseRenderer {
  private readonly templates = new Map<string, Promise<LoadedTemplate>>();
  private readonly contracts = new Map<string, Promise<Contract>>();

  constructor(private readonly suite: Pick<GoldenSuite, "templatesDir" | "sourceDateEpoch"> & { calendar?: WorkingDayCalendar }) {
    warmUp();
  }

  private template(name: string): Promise<LoadedTemplate> {
    let loaded = this.templates.get(name);
    if (loaded === undefined) {
      loaded = loadTemplate(name, this.suite.templatesDir === undefined ? {} : { templatesDir: this.suite.templatesDir });
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

  private async events(file: string, contract: Contract): Promise<readonly LedgerEvent[]> {
    return (await loadEvents(file, { contract })).events;
  }

  async render(c: GoldenCase): Promise<RenderedCase> {
    if (c.orders !== undefined) return this.renderFromOrders(c, c.orders);
    const template = await this.template(c.template);
    const contract = await this.contract(c.contract);
    const ledger = c.events === undefined ? undefined : { events: await this.events(c.events.file, contract), asOf: c.events.asOf };
    const calendar = this.suite.calendar;
    const rendered = renderTemplateMarkdown({
      template,
      contract,
      inputs: c.inputs,
      options: c.options,
      ...(ledger !== undefined ? { ledger } : {}),
      ...(calendar !== undefined ? { calendar } : {}),
    });
    const out: RenderedCase = { markdown: rendered.markdown };
    if (c.formats.includes("docx") || c.formats.includes("pdf")) {
      const doc = parseRendered(rendered, template, contract);
      const options = { sourceDateEpoch: this.suite.sourceDateEpoch };
      const documents = await renderFormats(doc, c.formats.filter(isDocumentFormat), () => options);
      const docx = documents.get("docx");
      const pdf = documents.get("pdf");
      if (docx !== undefined) out.docx = docx;
      if (pdf !== undefined) out.pdf = pdf;
    }
    return out;
  }

  /**
   * A template made from work-order exports (the monthly report) goes through renderDocument,
   * which reads the orders, draws the charts and writes the files: here into a temporary
   * folder, read back, removed.
   */
  private async renderFromOrders(c: GoldenCase, orders: NonNullable<GoldenCase["orders"]>): Promise<RenderedCase> {
    const work = await mkdtemp(join(tmpdir(), "qiyue-golden-orders-"));
    try {
      const paths = await renderDocument({
        template: c.template,
        ...(this.suite.templatesDir !== undefined ? { templatesDir: this.suite.templatesDir } : {}),
        contract: c.contract,
        inputs: c.inputs,
        options: c.options,
        formats: [...new Set(["md" as const, ...c.formats])],
        outDir: work,
        sourceDateEpoch: this.suite.sourceDateEpoch,
        orders: { ...orders, workers: 0 },
        ...(this.suite.calendar !== undefined ? { calendar: this.suite.calendar } : {}),
      });
      const out: RenderedCase = { markdown: "" };
      for (const path of paths) {
        const format = extname(path).slice(1);
        if (format === "md") out.markdown = await readFile(path, "utf8");
        else if (format === "docx") out.docx = await readFile(path);
        else if (format === "pdf") out.pdf = await readFile(path);
      }
      return out;
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  }
}
