/**
 * The export formats: one list that the API contract, the CLI and the export service read.
 */
import { z } from 'zod';

export const EXPORT_FORMATS = ['xlsx', 'csv', 'md', 'html', 'pdf', 'json', 'gateway', 'evals'] as const;
export const ExportFormat = z.enum(EXPORT_FORMATS);
export type ExportFormat = z.infer<typeof ExportFormat>;

export interface FormatInfo {
  /** What a menu shows. */
  label: string;
  /** File name ending (without the dot) and the part before it, e.g. `plan-3-baseline` + `-litellm` + `.yaml`. */
  extension: string;
  suffix: string;
  mime: string;
}

export const FORMAT_INFO: Record<ExportFormat, FormatInfo> = {
  xlsx: { label: 'Excel workbook', extension: 'xlsx', suffix: '', mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  csv: { label: 'CSV (per-workload plan)', extension: 'csv', suffix: '', mime: 'text/csv; charset=utf-8' },
  md: { label: 'Markdown briefing', extension: 'md', suffix: '-briefing', mime: 'text/markdown; charset=utf-8' },
  html: { label: 'HTML briefing (printable)', extension: 'html', suffix: '-briefing', mime: 'text/html; charset=utf-8' },
  pdf: { label: 'PDF briefing', extension: 'pdf', suffix: '-briefing', mime: 'application/pdf' },
  json: { label: 'Plan JSON (schemaVersion 1)', extension: 'json', suffix: '', mime: 'application/json' },
  gateway: { label: 'Gateway config (LiteLLM proxy YAML)', extension: 'yaml', suffix: '-litellm', mime: 'application/yaml' },
  evals: { label: 'Evaluation configs (promptfoo YAML)', extension: 'yaml', suffix: '-promptfoo', mime: 'application/yaml' },
};

/** `bridgehead-plan-3-baseline.xlsx`: plan id and scenario name, in characters every file system accepts. */
export function suggestedFileName(format: ExportFormat, plan: { scenarioName: string; planId?: number | null }): string {
  const scenario = plan.scenarioName
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  const parts = ['bridgehead-plan', plan.planId != null ? String(plan.planId) : null, scenario || null].filter(Boolean);
  const info = FORMAT_INFO[format];
  return `${parts.join('-')}${info.suffix}.${info.extension}`;
}
