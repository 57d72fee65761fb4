/**
 * The workload record (../shared/DOMAIN.md "Workload inventory (CSV)"): the canonical columns, the
 * camelCase `Workload` the rest of the app uses, and the mapping between the two.
 *
 * This module only depends on zod and the shared enums, so the renderer can import it (e.g. for the
 * mapping dialog's column list) without pulling in the Node-only parser.
 *
 * Unknown is `null`, never 0 or '': the planner treats unknowns conservatively and lowers
 * confidence, which it cannot do if a missing volume silently became zero. Lists are [] when empty.
 */
import { z } from 'zod';
import {
  Capability,
  Classification,
  Criticality,
  MissionArea,
  ProviderId,
  Route,
  UseTag,
} from '../common/enums';

/** In DOMAIN.md's order; exports and templates write columns in this order. */
export const CANONICAL_COLUMNS = [
  'id',
  'name',
  'mission_area',
  'vendor',
  'model',
  'route',
  'platform',
  'classification',
  'criticality',
  'monthly_requests',
  'monthly_input_tokens',
  'monthly_output_tokens',
  'cached_input_share',
  'capabilities',
  'min_context_tokens',
  'prompt_templates',
  'tool_schemas',
  'eval_cases',
  'human_in_loop',
  'use_tags',
  'depends_on',
  'owner',
  'notes',
  'max_downtime_hours',
  'latency_slo_ms',
] as const;
export const CanonicalColumn = z.enum(CANONICAL_COLUMNS);
export type CanonicalColumn = z.infer<typeof CanonicalColumn>;

export const REQUIRED_COLUMNS = ['id', 'name', 'mission_area', 'vendor'] as const satisfies readonly CanonicalColumn[];

/**
 * Longest accepted cell per kind of column, in UTF-16 code units (JS string length). Generous for
 * anything a person types, small enough that a runaway cell (a pasted document, a broken quote
 * that swallowed rows) is reported as too_long instead of being stored.
 */
export const MAX_LENGTH = {
  /** ids are keys and appear in depends_on lists, error messages and file names of exports. */
  id: 200,
  /** names, owners, platforms and model ids are one-line labels. */
  label: 500,
  /** notes and custom attributes are free text. */
  freeText: 10_000,
  /** enum, number and boolean cells: anything longer is certainly not a valid value. */
  scalar: 200,
  /** a whole `;`-separated list cell. */
  list: 10_000,
} as const;

/** How a column's cell is read; values.ts has one parser per kind. */
export type ColumnKind =
  | 'id'
  | 'text' // kept exactly as written (name, platform, owner, notes)
  | 'model' // an identifier: surrounding whitespace trimmed
  | 'vendor'
  | 'mission_area'
  | 'route'
  | 'classification'
  | 'criticality'
  | 'amount' // non-negative number, fractions allowed (volumes, hours, milliseconds)
  | 'count' // non-negative whole number
  | 'share' // 0..1, or a percentage
  | 'boolean'
  | 'capabilities'
  | 'use_tags'
  | 'ids';

export interface ColumnSpec {
  column: CanonicalColumn;
  field: WorkloadField;
  kind: ColumnKind;
  required: boolean;
  maxLength: number;
  /** Human label for the mapping dialog and messages. */
  label: string;
}

// The field is typed from the column, so a mismatched pair does not compile.
const spec = <C extends CanonicalColumn>(
  column: C,
  field: FieldOf<C>,
  kind: ColumnKind,
  label: string,
  maxLength: number,
): ColumnSpec => ({
  column,
  field,
  kind,
  required: (REQUIRED_COLUMNS as readonly string[]).includes(column),
  maxLength,
  label,
});

export const WorkloadSchema = z.strictObject({
  id: z.string().min(1).max(MAX_LENGTH.id),
  name: z.string().min(1).max(MAX_LENGTH.label),
  missionArea: MissionArea,
  vendor: ProviderId,
  model: z.string().min(1).max(MAX_LENGTH.label).nullable(),
  route: Route.nullable(),
  platform: z.string().min(1).max(MAX_LENGTH.label).nullable(),
  classification: Classification.nullable(),
  criticality: Criticality.nullable(),
  monthlyRequests: z.number().nonnegative().finite().nullable(),
  monthlyInputTokens: z.number().nonnegative().finite().nullable(),
  monthlyOutputTokens: z.number().nonnegative().finite().nullable(),
  /** Share of input tokens served from the prompt cache, 0..1. */
  cachedInputShare: z.number().min(0).max(1).nullable(),
  capabilities: z.array(Capability),
  minContextTokens: z.number().int().nonnegative().nullable(),
  promptTemplates: z.number().int().nonnegative().nullable(),
  toolSchemas: z.number().int().nonnegative().nullable(),
  evalCases: z.number().int().nonnegative().nullable(),
  humanInLoop: z.boolean().nullable(),
  useTags: z.array(UseTag),
  dependsOn: z.array(z.string().min(1).max(MAX_LENGTH.id)),
  owner: z.string().min(1).max(MAX_LENGTH.label).nullable(),
  notes: z.string().min(1).max(MAX_LENGTH.freeText).nullable(),
  maxDowntimeHours: z.number().nonnegative().finite().nullable(),
  latencySloMs: z.number().nonnegative().finite().nullable(),
  /** Columns the file had that are not canonical, by their header; empty cells are absent. */
  custom: z.record(z.string(), z.string()),
});
export type Workload = z.infer<typeof WorkloadSchema>;
export type WorkloadField = Exclude<keyof Workload, 'custom'>;

/** Every canonical column with its Workload field, reader and limits, in CANONICAL_COLUMNS order. */
export const COLUMN_SPECS: readonly ColumnSpec[] = [
  spec('id', 'id', 'id', 'Workload ID', MAX_LENGTH.id),
  spec('name', 'name', 'text', 'Name', MAX_LENGTH.label),
  spec('mission_area', 'missionArea', 'mission_area', 'Mission Area', MAX_LENGTH.scalar),
  spec('vendor', 'vendor', 'vendor', 'Vendor', MAX_LENGTH.scalar),
  spec('model', 'model', 'model', 'Model', MAX_LENGTH.label),
  spec('route', 'route', 'route', 'Route', MAX_LENGTH.scalar),
  spec('platform', 'platform', 'text', 'Platform', MAX_LENGTH.label),
  spec('classification', 'classification', 'classification', 'Classification', MAX_LENGTH.scalar),
  spec('criticality', 'criticality', 'criticality', 'Criticality', MAX_LENGTH.scalar),
  spec('monthly_requests', 'monthlyRequests', 'amount', 'Monthly Requests', MAX_LENGTH.scalar),
  spec('monthly_input_tokens', 'monthlyInputTokens', 'amount', 'Monthly Input Tokens', MAX_LENGTH.scalar),
  spec('monthly_output_tokens', 'monthlyOutputTokens', 'amount', 'Monthly Output Tokens', MAX_LENGTH.scalar),
  spec('cached_input_share', 'cachedInputShare', 'share', 'Cached Input Share', MAX_LENGTH.scalar),
  spec('capabilities', 'capabilities', 'capabilities', 'Capabilities', MAX_LENGTH.list),
  spec('min_context_tokens', 'minContextTokens', 'count', 'Min Context Tokens', MAX_LENGTH.scalar),
  spec('prompt_templates', 'promptTemplates', 'count', 'Prompt Templates', MAX_LENGTH.scalar),
  spec('tool_schemas', 'toolSchemas', 'count', 'Tool Schemas', MAX_LENGTH.scalar),
  spec('eval_cases', 'evalCases', 'count', 'Eval Cases', MAX_LENGTH.scalar),
  spec('human_in_loop', 'humanInLoop', 'boolean', 'Human in Loop', MAX_LENGTH.scalar),
  spec('use_tags', 'useTags', 'use_tags', 'Use Tags', MAX_LENGTH.list),
  spec('depends_on', 'dependsOn', 'ids', 'Depends On', MAX_LENGTH.list),
  spec('owner', 'owner', 'text', 'Owner', MAX_LENGTH.label),
  spec('notes', 'notes', 'text', 'Notes', MAX_LENGTH.freeText),
  spec('max_downtime_hours', 'maxDowntimeHours', 'amount', 'Max Downtime Hours', MAX_LENGTH.scalar),
  spec('latency_slo_ms', 'latencySloMs', 'amount', 'Latency SLO (ms)', MAX_LENGTH.scalar),
];

export const COLUMN_SPEC_BY_COLUMN: Readonly<Record<CanonicalColumn, ColumnSpec>> = Object.fromEntries(
  COLUMN_SPECS.map((s) => [s.column, s]),
) as Record<CanonicalColumn, ColumnSpec>;

export const COLUMN_TO_FIELD: { readonly [C in CanonicalColumn]: FieldOf<C> } = Object.fromEntries(
  COLUMN_SPECS.map((s) => [s.column, s.field]),
) as { [C in CanonicalColumn]: FieldOf<C> };

export const FIELD_TO_COLUMN: Readonly<Record<WorkloadField, CanonicalColumn>> = Object.fromEntries(
  COLUMN_SPECS.map((s) => [s.field, s.column]),
) as Record<WorkloadField, CanonicalColumn>;

/** Custom attribute values, kept under the header they came with. */
export type CustomAttributes = Record<string, string>;

/** snake_case to camelCase at the type level: every canonical column's field is its camelCase name. */
type CamelCase<S extends string> = S extends `${infer Head}_${infer Tail}` ? `${Head}${Capitalize<CamelCase<Tail>>}` : S;
/** The Workload field of a canonical column, e.g. FieldOf<'monthly_input_tokens'> = 'monthlyInputTokens'. */
export type FieldOf<C extends CanonicalColumn> = CamelCase<C> & WorkloadField;

/** A workload keyed by canonical column: lists as arrays, numbers as numbers, unknowns as null. */
export type CanonicalRecord = { [C in CanonicalColumn]: Workload[FieldOf<C>] };

/**
 * The row shape of `bridgehead inventory list --json`: exactly the canonical columns, in order.
 * Custom attributes are not canonical columns, so they are only added (as `custom`) on request.
 */
export function workloadToCanonicalRecord(w: Workload): CanonicalRecord;
export function workloadToCanonicalRecord(
  w: Workload,
  options: { includeCustom: true },
): CanonicalRecord & { custom: CustomAttributes };
export function workloadToCanonicalRecord(
  w: Workload,
  options?: { includeCustom?: boolean },
): CanonicalRecord | (CanonicalRecord & { custom: CustomAttributes }) {
  const out: Record<string, unknown> = {};
  for (const s of COLUMN_SPECS) {
    const v = w[s.field];
    // Copy arrays so a caller serialising or editing the record cannot alias the workload.
    out[s.column] = Array.isArray(v) ? [...v] : v;
  }
  if (options?.includeCustom) out.custom = { ...w.custom };
  return out as CanonicalRecord;
}

/** A workload with every optional value unknown; handy for tests and for building rows by hand. */
export function emptyWorkload(required: Pick<Workload, 'id' | 'name' | 'missionArea' | 'vendor'>): Workload {
  return {
    ...required,
    model: null,
    route: null,
    platform: null,
    classification: null,
    criticality: null,
    monthlyRequests: null,
    monthlyInputTokens: null,
    monthlyOutputTokens: null,
    cachedInputShare: null,
    capabilities: [],
    minContextTokens: null,
    promptTemplates: null,
    toolSchemas: null,
    evalCases: null,
    humanInLoop: null,
    useTags: [],
    dependsOn: [],
    owner: null,
    notes: null,
    maxDowntimeHours: null,
    latencySloMs: null,
    custom: {},
  };
}
