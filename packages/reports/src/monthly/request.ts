import type { DataGap } from "@qiyue/hotline";
import type { ReadProgress, SplitBy } from "./collect.js";

/** Progress of a split report: one event per group written. */
export interface MonthlyProgress {
  done: number;
  total: number;
  /** The group just finished and the files written for it. */
  group: string;
  files: string[];
}

/** Who a monthly report is for. */
export const AUDIENCES = ["vendor", "client"] as const;
export type Audience = (typeof AUDIENCES)[number];

/**
 * Where the appendices' lists go: `auto` (the default) moves a list longer than
 * APPENDIX_AUTO_ROWS (dozens of pages nobody prints) into one workbook written beside the
 * report, which then says where; `xlsx` does so with every list longer than
 * APPENDIX_DOCUMENT_ROWS; `document` prints every order in the report, however many.
 */
export const APPENDIX_MODES = ["auto", "document", "xlsx"] as const;
export type AppendixMode = (typeof APPENDIX_MODES)[number];

/** What a monthly report is made from, besides the contract and the template (the `qiyue render monthly-report` options). */
export interface MonthlyOrdersRequest {
  /** The month's exports (CSV UTF-8 / GBK, XLSX), read streamed, in order. */
  files: readonly string[];
  /** Earlier exports for 环比 / 同比: each order counts in the month it was received in. */
  previous?: readonly string[];
  /** YYYY-MM; by default the month most orders were received in (one extra read of the files). */
  month?: string;
  /** The narrative parts (YAML or Markdown); without it the report marks them 【待补充：…】. */
  notesFile?: string;
  /** A column-mapping YAML for exports with other headers. */
  mappingFile?: string;
  /** A metrics configuration YAML, or the id of a built-in scheme; beijing-0.1-0.5-0.4 by default. */
  metricsConfig?: string;
  /** Skip bad rows (listed in the appendix by reason) instead of stopping at the first. */
  lenient?: boolean;
  /**
   * Who reads the report: the vendor's deliverable (`vendor`, the default) shows each service
   * level's attainment only; the contract manager's copy (`client`) also costs the misses under
   * the contract's penalty clauses.
   */
  audience?: Audience;
  /** Where long appendix lists go (see APPENDIX_MODES); `document` by default. */
  appendix?: AppendixMode;
  /** One report per handling unit or street instead of one for all orders. */
  splitBy?: SplitBy;
  /** Worker threads rendering split reports; os.availableParallelism() by default, 0 renders in this thread. */
  workers?: number;
  /** Called as each split report is written (completion order). */
  onProgress?: (progress: MonthlyProgress) => void;
  /** Called as the exports are read (at most every 100 ms): bytes read of every pass over the files. */
  onReading?: (progress: ReadProgress) => void;
  /** Called once the orders are read when figures lack data (a column absent or mostly empty); the report's 数据说明 lists them too. */
  onDataGaps?: (gaps: readonly DataGap[]) => void;
  /** Called once the orders are read, before rendering: how many reports will be written. */
  onPlanned?: (reports: number) => void;
}
