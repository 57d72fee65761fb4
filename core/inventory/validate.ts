/**
 * One record to one Workload, or to every problem the record has. A row is checked completely
 * (all its cells, not just up to the first error) so a user fixes a spreadsheet in one pass.
 *
 * Text columns (name, platform, owner, notes, custom attributes) are stored exactly as written —
 * spaces, line breaks and a leading `=` included; neutralising formulas is the job of the plan
 * exports, not of the inventory. A cell that is blank (only whitespace) is unknown (null).
 * Identifier, enum, number and list cells are trimmed before they are read.
 *
 * This runs for every row of files up to 200 MB, so the per-file work (which reader, which
 * limit, which field) is done once in compileRowPlan, values are collected in an array by column
 * position, and the Workload object is built in one literal with fixed keys.
 */
import { type ImportError, type ImportErrorCode, previewValue } from './errors';
import { type ColumnAssignment } from './headers';
import { CANONICAL_COLUMNS, COLUMN_SPECS, COLUMN_SPEC_BY_COLUMN, MAX_LENGTH, type ColumnSpec, type Workload } from './schema';
import {
  idProblem,
  isUnknownCell,
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
  type ValueResult,
} from './values';

type Reader = (cell: string) => ValueResult<unknown>;

const READERS: Readonly<Record<Exclude<ColumnSpec['kind'], 'id' | 'text' | 'model'>, Reader>> = {
  vendor: readVendor,
  mission_area: readMissionArea,
  route: readRoute,
  classification: readClassification,
  criticality: readCriticality,
  amount: readAmount,
  count: readCount,
  share: readShare,
  boolean: readBoolean,
  capabilities: readCapabilities,
  use_tags: readUseTags,
  ids: (cell) => readIdList(cell, MAX_LENGTH.id),
};

interface CanonicalCell {
  /** Position of the cell in the record. */
  index: number;
  header: string;
  spec: ColumnSpec;
  /** Position of the column in CANONICAL_COLUMNS (and of its value in the row's value array). */
  slot: number;
  /** Reader for typed columns; null for id, text and model, which are handled inline. */
  read: Reader | null;
  /** Blank means unknown: for text (and ids) only whitespace, for typed cells also N/A, TBD, … */
  textual: boolean;
}
interface CustomCell {
  index: number;
  header: string;
  key: string;
}

/** The per-file part of validation, worked out once from the header. */
export interface RowPlan {
  canonical: CanonicalCell[];
  custom: CustomCell[];
  /** Number of columns in the header; cells beyond it are extra. */
  width: number;
  /** The header of the id column, for duplicate_id errors. */
  idHeader: string;
}

const SLOT: Readonly<Record<string, number>> = Object.fromEntries(CANONICAL_COLUMNS.map((c, i) => [c, i]));

export function compileRowPlan(columns: readonly ColumnAssignment[]): RowPlan {
  const canonical: CanonicalCell[] = [];
  const custom: CustomCell[] = [];
  for (const c of columns) {
    if (c.target === null) continue;
    if (c.target === 'custom') {
      custom.push({ index: c.index, header: c.header, key: c.customKey ?? c.header });
      continue;
    }
    const spec = COLUMN_SPEC_BY_COLUMN[c.target];
    const textual = spec.kind === 'id' || spec.kind === 'text' || spec.kind === 'model' || spec.kind === 'ids';
    canonical.push({
      index: c.index,
      header: c.header,
      spec,
      slot: SLOT[spec.column]!,
      read: spec.kind === 'id' || spec.kind === 'text' || spec.kind === 'model' ? null : READERS[spec.kind],
      textual,
    });
  }
  const idHeader = canonical.find((c) => c.spec.column === 'id')?.header ?? 'id';
  return { canonical, custom, width: columns.length, idHeader };
}

export interface RecordCheck {
  /** The workload when the record has no errors. */
  workload: Workload | null;
  /** The record's id when one could be read (even if other cells are wrong), for duplicate and dependency checks. */
  id: string | null;
  dependsOn: string[];
  errors: ImportError[];
}

/** "Line 14" or, when line breaks inside cells make them differ, "Line 14 (spreadsheet row 12)". */
export function locate(line: number, row?: number): string {
  return row !== undefined && row !== line ? `Line ${line} (spreadsheet row ${row})` : `Line ${line}`;
}

const LIST_SLOTS = ['capabilities', 'use_tags', 'depends_on'].map((c) => SLOT[c]!);

/**
 * One row's values by slot, reused from row to row (checkRecord is not re-entrant): every row
 * otherwise allocates an array that dies at once. toWorkload copies the values out.
 */
const scratch: unknown[] = new Array(CANONICAL_COLUMNS.length).fill(null);

/**
 * Empty lists and no custom attributes are one frozen value shared by every row that has them
 * (most rows): nothing modifies a workload's lists in place, and freezing makes sure of it.
 */
const NO_ITEMS: readonly string[] = Object.freeze([]);
const NO_CUSTOM: Readonly<Record<string, string>> = Object.freeze({});

/** Every canonical value unknown: null, or the empty list for list columns. */
function resetSlots(v: unknown[]): void {
  v.fill(null);
  for (const i of LIST_SLOTS) v[i] = NO_ITEMS;
}

/** The Workload from slot values, keys written out so every workload has the same shape. */
function toWorkload(v: unknown[], custom: Record<string, string>): Workload {
  return {
    id: v[0],
    name: v[1],
    missionArea: v[2],
    vendor: v[3],
    model: v[4],
    route: v[5],
    platform: v[6],
    classification: v[7],
    criticality: v[8],
    monthlyRequests: v[9],
    monthlyInputTokens: v[10],
    monthlyOutputTokens: v[11],
    cachedInputShare: v[12],
    capabilities: v[13],
    minContextTokens: v[14],
    promptTemplates: v[15],
    toolSchemas: v[16],
    evalCases: v[17],
    humanInLoop: v[18],
    useTags: v[19],
    dependsOn: v[20],
    owner: v[21],
    notes: v[22],
    maxDowntimeHours: v[23],
    latencySloMs: v[24],
    custom,
  } as Workload;
}

// toWorkload lists fields by position: fail at load, not with shuffled data, if the order ever drifts.
{
  const probe = toWorkload(
    CANONICAL_COLUMNS.map((_, i) => i),
    {},
  ) as unknown as Record<string, number>;
  for (const spec of COLUMN_SPECS) {
    if (probe[spec.field] !== SLOT[spec.column]) throw new Error(`validate.ts: toWorkload is out of step with ${spec.column}`);
  }
}

/** Adds one problem; messages are built only when something is wrong. */
function reportProblem(
  errors: ImportError[],
  line: number,
  row: number | undefined,
  column: string,
  cell: string,
  code: ImportErrorCode,
  detail: string,
): void {
  errors.push({ line, column, value: previewValue(cell), code, message: `${locate(line, row)}, column ${JSON.stringify(column)}: ${detail}` });
}

/**
 * Checks one data record. `line` is its physical start line; `row` its spreadsheet row number
 * (only used in messages when it differs from the line).
 */
export function checkRecord(plan: RowPlan, cells: readonly string[], line: number, row?: number): RecordCheck {
  const errors: ImportError[] = [];

  const values = scratch;
  resetSlots(values);
  let id: string | null = null;

  for (const c of plan.canonical) {
    const spec = c.spec;
    const cell = cells[c.index] ?? '';
    const blank = c.textual ? cell.trim() === '' : isUnknownCell(cell);
    if (blank) {
      if (spec.required) {
        const marker = cell.trim() === '' ? 'is empty' : `is ${JSON.stringify(cell.trim())}, which means unknown`;
        reportProblem(errors, line, row, c.header, cell, 'missing_required', `${spec.column} is required but the cell ${marker}`);
      }
      continue;
    }
    // Text is measured as written; other kinds after trimming (surrounding spaces are not content).
    const measured = spec.kind === 'text' ? cell : cell.trim();
    if (measured.length > spec.maxLength) {
      reportProblem(
        errors,
        line,
        row,
        c.header,
        cell,
        'too_long',
        `${spec.column} is ${measured.length.toLocaleString('en-US')} characters long; the limit is ${spec.maxLength.toLocaleString('en-US')}`,
      );
      continue;
    }
    if (c.read) {
      const result = c.read(cell);
      if (result.ok) values[c.slot] = result.value;
      else reportProblem(errors, line, row, c.header, cell, result.code, result.message);
    } else if (spec.kind === 'id') {
      const problem = idProblem(measured);
      if (problem) reportProblem(errors, line, row, c.header, cell, 'bad_id', `${problem}; ids must be usable in depends_on lists`);
      else values[c.slot] = id = measured;
    } else {
      values[c.slot] = measured; // text as written (measured === cell), model trimmed
    }
  }

  let custom = NO_CUSTOM as Record<string, string>;
  if (plan.custom.length > 0) {
    const entries: [string, string][] = [];
    for (const { index, header, key } of plan.custom) {
      const cell = cells[index] ?? '';
      if (cell.trim() === '') continue;
      if (cell.length > MAX_LENGTH.freeText) {
        reportProblem(
          errors,
          line,
          row,
          header,
          cell,
          'too_long',
          `the custom attribute is ${cell.length.toLocaleString('en-US')} characters long; the limit is ${MAX_LENGTH.freeText.toLocaleString('en-US')}`,
        );
        continue;
      }
      entries.push([key, cell]);
    }
    // fromEntries, not assignment, so a header such as "__proto__" stays an ordinary key.
    if (entries.length > 0) custom = Object.fromEntries(entries);
  }

  if (cells.length > plan.width) {
    const extra = cells.slice(plan.width);
    if (extra.some((c) => c.trim() !== '')) {
      const shown = extra.map((c) => JSON.stringify(previewValue(c))).join(', ');
      errors.push({
        line,
        column: `Column ${plan.width + 1}`,
        value: previewValue(extra.join(',')),
        code: 'extra_fields',
        message: `${locate(line, row)}: the record has ${cells.length} cells but the header has ${plan.width} columns; the extra cells (${shown}) would be lost. Quote cells that contain the delimiter, or add a header for the extra column.`,
      });
    }
  }

  const dependsOn = values[SLOT.depends_on!] as string[];
  return { workload: errors.length === 0 ? toWorkload(values, custom) : null, id, dependsOn, errors };
}
