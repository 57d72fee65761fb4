/**
 * Exports (pure: a plan in, text or bytes out; no file system, no clock). The Node side
 * (main/export) adds the PDF and writes files; see main/export/service.ts.
 */
export { EXPORT_FORMATS, ExportFormat, FORMAT_INFO, suggestedFileName, type FormatInfo } from './formats';
export type { ExportContext, ExportProgress } from './context';
export { planToXlsx, xlsxText, SHEETS } from './xlsx';
export { planToCsv, neutraliseCell, isFormulaRisk, type CsvOptions } from './csv';
export { planToMarkdown, briefingMarkdown } from './markdown';
export { planToHtml, briefingHtml, type HtmlOptions } from './html';
export { buildBriefing, type Briefing } from './briefing';
export { planToJson, planJsonSchema, planJsonSchemaText, validatePlan, formatPath, PLAN_SCHEMA_PATH, PLAN_SCHEMA_ID, type PlanIssue, type PlanValidation } from './json';
export { planToGatewayYaml, gatewayAliases, type GatewayAlias } from './gateway';
export { planToEvalsYaml } from './evals';
export { litellmDeployment } from './routes';
export { offeringsInPlan, type OfferingUse } from './catalog-facts';
