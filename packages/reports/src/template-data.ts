import type { TemplateDataSpec } from "@qiyue/templating";
import type { z } from "zod";
import { BASE_DATA_PARTS, BaseTemplateData } from "./data/index.js";
import { MonthlyReportView } from "./monthly/view-schema.js";

/**
 * Everything a built-in template may see: the contract's data (BaseTemplateData) and the parts
 * that other documents add, each registered here by the package that provides it. The
 * monthly report adds `monthly`, its figures, for a template made from work-order exports.
 */
export const TemplateData = BaseTemplateData.extend({
  /** Present when the template is made from work-order exports (manifest `orders: required`): the monthly report's figures. */
  monthly: MonthlyReportView.optional(),
});
export type TemplateData = z.infer<typeof TemplateData>;

/** What `qiyue templates check` checks the built-in and the user's templates against. */
export const TEMPLATE_DATA: TemplateDataSpec = {
  schema: TemplateData,
  parts: {
    ...BASE_DATA_PARTS,
    monthly: { inputs: ["orders"], why: "模板清单（manifest.yaml）未声明 orders（工单数据），模板收不到 monthly" },
  },
};
