/**
 * `qiyue templates check`: every template checked against the type of the data it receives
 * (the contract schema and what buildTemplateData adds), before anything is rendered.
 */
export { checkTemplates, type TemplatesCheckResult, templatesInFolder } from "./check-templates.js";
export { fromZod } from "./from-zod.js";
export { formatTemplateIssue, type TemplateCheckCode, type TemplateIssue } from "./issues.js";
export { allTemplateData, type DataPart, type TemplateDataSpec, templateDataType } from "./template-data.js";
export { type DataType, describeType, type Field, fieldAt } from "./types.js";
