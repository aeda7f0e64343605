import { join } from "node:path";
import { writeFilesAtomically } from "@qiyue/reports";
import { checkCatalogTemplates } from "@qiyue/reports";
import type { TemplateIssue } from "@qiyue/templating";
import { compareSnapshots, type FileDifference } from "./compare.js";
import { readExpected } from "./expected.js";
import { checkLayout, type LayoutFinding } from "./layout/index.js";
import { orphanFolders } from "./orphans.js";
import { runCases } from "./run-cases.js";
import type { GoldenSuite } from "./suite.js";

export type CaseStatus = "same" | "different" | "missing" | "failed";

export interface CaseCheck {
  name: string;
  /** Line of the case in golden.yaml. */
  line: number;
  /** `missing`: the case has no expected files yet; `failed`: it could not be rendered. */
  status: CaseStatus;
  differences: FileDifference[];
  error?: string;
  /** With `layout`: the layout faults found in the case's PDF (empty when there are none). */
  layout?: LayoutFinding[];
}

export interface CheckOptions {
  /** Compare page images too (pdftoppm), against the PNGs `update --images` stored. */
  images?: boolean;
  /** Also write what each case produced (golden files and the documents) to this folder. */
  out?: string;
  /**
   * Also check the layout of each case's PDF (see checkLayout): a case with layout findings
   * makes the check fail, whether or not its files match.
   */
  layout?: boolean;
  /** Called as each case is done, for progress output. */
  onCase?: (result: CaseCheck) => void;
}

export interface CheckResult {
  /** Errors `templates check` found in the suite's templates; when there are any, nothing was rendered. */
  templateErrors: TemplateIssue[];
  cases: CaseCheck[];
  /** Folders of expected files that no case names. */
  orphans: string[];
  ok: boolean;
}

/** The errors `templates check` finds in the templates a suite uses (checked before anything is rendered). */
export async function suiteTemplateErrors(suite: GoldenSuite): Promise<TemplateIssue[]> {
  const names = [...new Set(suite.cases.map((c) => c.template))];
  const result = await checkCatalogTemplates(suite.templatesDir === undefined ? {} : { templatesDir: suite.templatesDir }, names);
  return result.issues.filter((i) => i.severity === "error");
}

/**
 * Checks the suite's templates (see templates-check), then renders every case and compares
 * it with its expected files (and, with `layout`, checks the layout of its PDF). A template
 * with errors stops the check before anything is rendered. Writes nothing in the suite.
 */
export async function checkSuite(suite: GoldenSuite, options: CheckOptions = {}): Promise<CheckResult> {
  const templateErrors = await suiteTemplateErrors(suite);
  if (templateErrors.length > 0) return { templateErrors, cases: [], orphans: [], ok: false };
  const images = options.images === true;
  const cases: CaseCheck[] = [];
  for await (const outcome of runCases(suite, () => images)) {
    const { name, line } = outcome.case;
    let result: CaseCheck;
    if (!outcome.ok) {
      result = { name, line, status: "failed", differences: [], error: outcome.error };
    } else {
      if (options.out !== undefined) {
        const dir = join(options.out, name);
        await writeFilesAtomically([...outcome.files, ...outcome.binaries].map(([path, bytes]) => ({ path: join(dir, path), bytes })));
      }
      const expected = await readExpected(join(suite.dir, name));
      if (expected === undefined || expected.size === 0) {
        result = { name, line, status: "missing", differences: [] };
      } else {
        const differences = compareSnapshots(expected, outcome.files, { images });
        result = { name, line, status: differences.length === 0 ? "same" : "different", differences };
      }
      const { pdf, docx, markdown } = outcome.rendered;
      if (options.layout === true && pdf !== undefined) {
        result.layout = await checkLayout({ pdf, markdown, ...(docx !== undefined ? { docx } : {}) });
      }
    }
    cases.push(result);
    options.onCase?.(result);
  }
  const ok = cases.every((c) => c.status === "same" && (c.layout === undefined || c.layout.length === 0));
  return { templateErrors, cases, orphans: await orphanFolders(suite), ok };
}
