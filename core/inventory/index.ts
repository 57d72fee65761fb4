/**
 * The workload inventory: CSV import (decode, parse, map headers, read values, validate), the
 * re-import merge plan, and CSV export. Pure domain: bytes and plain objects in and out.
 *
 * schema.ts has no Node-only dependencies; import it directly (not this index) from the renderer.
 */
export {
  CANONICAL_COLUMNS,
  CanonicalColumn,
  COLUMN_SPECS,
  COLUMN_SPEC_BY_COLUMN,
  COLUMN_TO_FIELD,
  FIELD_TO_COLUMN,
  MAX_LENGTH,
  REQUIRED_COLUMNS,
  WorkloadSchema,
  emptyWorkload,
  workloadToCanonicalRecord,
  type CanonicalRecord,
  type ColumnKind,
  type ColumnSpec,
  type CustomAttributes,
  type Workload,
  type WorkloadField,
} from './schema';
export {
  ERROR_VALUE_PREVIEW_CHARS,
  FILE_ERROR_CODES,
  ROW_ERROR_CODES,
  InventoryFileError,
  isFileErrorCode,
  type FileErrorCode,
  type ImportError,
  type ImportErrorCode,
  type RowErrorCode,
} from './errors';
export { decodeText, detectEncoding, type DetectedEncoding, type EncodingName } from './decode';
export {
  DELIMITERS,
  MAX_RECORD_BYTES,
  delimiterName,
  parseCsv,
  sniffDelimiter,
  type CsvDetected,
  type CsvRecord,
  type Delimiter,
  type LineEnding,
  type ParseCsvOptions,
  type ParsedCsv,
} from './parse';
export {
  HEADER_ALIASES,
  matchHeader,
  matchHeaders,
  type ColumnAssignment,
  type HeaderMatch,
  type MappingOverride,
  type MappingTarget,
} from './headers';
export {
  UNKNOWN_MARKERS,
  parseNumberText,
  readAmount,
  readBoolean,
  readCapabilities,
  readClassification,
  readCount,
  readCriticality,
  readIdList,
  readMissionArea,
  readRoute,
  readShare,
  readUseTags,
  readVendor,
  splitList,
  type ValueResult,
} from './values';
export { checkRecord, compileRowPlan, type RecordCheck, type RowPlan } from './validate';
export { dependencyWarnings, findCycles, type DependencyNode } from './dependencies';
export { previewInventory, type ImportPreview, type ImportRow, type PreviewOptions } from './import';
export { createMergeTracker, mergePlan, workloadsEqual, type MergeMode, type MergeOutcome, type MergePlan, type MergeTracker } from './merge';
export { customColumns, inventoryTemplateCsv, inventoryToCsv, type CsvExportOptions } from './export';
