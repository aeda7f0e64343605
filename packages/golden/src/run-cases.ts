import { UserError } from "@qiyue/contract-model";
import { RenderError } from "@qiyue/document";
import { GoldenError } from "./errors.js";
import { CaseRenderer, type RenderedCase } from "./render-case.js";
import { type Snapshot, snapshot } from "./snapshot.js";
import type { GoldenCase, GoldenSuite } from "./suite.js";
import { requirePoppler } from "./tools.js";

export type CaseOutcome =
  | { case: GoldenCase; ok: true; files: Snapshot; binaries: Map<string, string | Uint8Array>; rendered: RenderedCase }
  | { case: GoldenCase; ok: false; error: string };

/** A case that cannot be rendered is a result (the template or the contract refused it), not a crash. */
function describeFailure(e: unknown): string | undefined {
  if (e instanceof GoldenError) return undefined;
  if (e instanceof UserError) {
    const issue = e.issues[0];
    return issue === undefined || issue.message === e.message ? `${e.message} [${e.code}]` : `${e.message}：${issue.message} [${e.code}]`;
  }
  if (e instanceof RenderError) return `${e.message} [${e.code}]`;
  return undefined;
}

/**
 * Renders every case and turns it into golden files, yielded in the order of the suite, with
 * one engine (fonts loaded once) for the whole suite. `images(case)` says whether to make
 * page images for that case.
 */
export async function* runCases(
  suite: GoldenSuite,
  images: (c: GoldenCase) => boolean | Promise<boolean>,
): AsyncGenerator<CaseOutcome> {
  if (suite.cases.some((c) => c.formats.includes("pdf"))) requirePoppler(["pdftotext", "pdfinfo", "pdffonts"]);
  const renderer = new CaseRenderer(suite);
  const start = async (c: GoldenCase): Promise<CaseOutcome> => {
    try {
      const rendered = await renderer.render(c);
      const withImages = c.formats.includes("pdf") && (await images(c));
      if (withImages) requirePoppler(["pdftoppm"]);
      const files = await snapshot(rendered, { markdown: c.formats.includes("md"), images: withImages });
      const binaries = new Map<string, string | Uint8Array>();
      if (c.formats.includes("md")) binaries.set("document.md", rendered.markdown);
      if (rendered.docx !== undefined) binaries.set("document.docx", rendered.docx);
      if (rendered.pdf !== undefined) binaries.set("document.pdf", rendered.pdf);
      return { case: c, ok: true, files, binaries, rendered };
    } catch (e) {
      const error = describeFailure(e);
      if (error === undefined) throw e;
      return { case: c, ok: false, error };
    }
  };
  // Two cases in flight: while poppler reads one case's PDF (another process), the next is
  // rendered here. Outcomes are yielded in the order of the suite.
  const pending: Promise<CaseOutcome>[] = [];
  let index = 0;
  const fill = () => {
    while (pending.length < 2 && index < suite.cases.length) {
      const outcome = start(suite.cases[index++]!);
      outcome.catch(() => {}); // awaited below; a crash surfaces there
      pending.push(outcome);
    }
  };
  fill();
  while (pending.length > 0) {
    const outcome = await pending.shift()!;
    fill();
    yield outcome;
  }
}
