/** Inventory channels: query the workloads, and import a CSV in two steps (preview, commit). */
import { z } from 'zod';
import type { VendorDependency } from '../analysis/vendor-dependency';
import type { ImportError } from '../inventory/errors';
import type { CanonicalColumn, Workload } from '../inventory/schema';
import { channel } from './channel';

export const SORT_KEYS = ['seq', 'id', 'name', 'missionArea', 'vendor', 'model', 'classification', 'criticality', 'monthlyTokens', 'owner'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

export const WorkloadFilter = z
  .object({
    missionAreas: z.array(z.string()).optional(),
    vendors: z.array(z.string()).optional(),
    classifications: z.array(z.string()).optional(),
    criticalities: z.array(z.string()).optional(),
    text: z.string().max(500).optional(),
  })
  .strict();
export type WorkloadFilter = z.infer<typeof WorkloadFilter>;

/** Where the bytes of a file to import are: a local path (desktop, CLI) or an upload (browser). */
export const FileRef = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('path'), path: z.string().min(1) }).strict(),
  z.object({ kind: z.literal('upload'), uploadId: z.string().min(1) }).strict(),
]);
export type FileRef = z.infer<typeof FileRef>;

/** A user's column mapping: file header → canonical column, "custom" (keep), or null (ignore). */
export const ColumnMapping = z.record(z.string(), z.string().nullable());
export type ColumnMapping = z.infer<typeof ColumnMapping>;

export interface Facet {
  value: string | null;
  count: number;
}

/** The columns the inventory table filters by. */
export type FacetName = 'missionArea' | 'vendor' | 'classification' | 'criticality';

export interface InventoryPage {
  total: number;
  offset: number;
  rows: Workload[];
}

export interface HeaderMapping {
  header: string;
  /** Canonical column, 'custom' or null (ignored). */
  target: CanonicalColumn | 'custom' | null;
  /** True when the header matched by name rather than by the user's choice. */
  auto: boolean;
}

export interface ImportPreview {
  previewId: string;
  fileName: string;
  sizeBytes: number;
  encoding: string;
  delimiter: string;
  headers: HeaderMapping[];
  missingRequired: CanonicalColumn[];
  rowCount: number;
  validCount: number;
  rejectedCount: number;
  /** All errors up to a cap; errorCount says how many there are in all. */
  errors: ImportError[];
  errorCount: number;
  warnings: string[];
  /** The first valid rows, for the preview table. */
  sampleRows: Workload[];
  /** What committing (merge mode) would do to the stored inventory. */
  merge: { added: number; updated: number; unchanged: number; missingFromFile: number };
}

export interface ImportResult {
  imported: number;
  updated: number;
  unchanged: number;
  rejected: number;
  /** Stored workloads the file did not mention (kept when merging, removed with replace). */
  missingFromFile: number;
  removed: number;
  errors: ImportError[];
  warnings: string[];
  /** False when nothing was written (errors and no skip-invalid). */
  committed: boolean;
}

/** A one-pass import (`bridgehead import`): the result plus what was read. */
export interface ImportFileResult extends ImportResult {
  fileName: string;
  sizeBytes: number;
  encoding: string;
  delimiter: string;
  rowCount: number;
  validCount: number;
  errorCount: number;
}

export const inventoryChannels = {
  'inventory.query': channel<InventoryPage>()(
    z
      .object({
        filter: WorkloadFilter.optional(),
        sort: z.enum(SORT_KEYS).optional(),
        direction: z.enum(['asc', 'desc']).optional(),
        offset: z.number().int().nonnegative().optional(),
        limit: z.number().int().positive().max(5000).optional(),
      })
      .strict(),
    'A page of workloads, filtered and sorted.',
  ),
  'inventory.facets': channel<Record<FacetName, Facet[]>>()(
    z.object({}).strict(),
    'Distinct values with counts, for the filters.',
  ),
  'inventory.preview': channel<ImportPreview>()(
    z
      .object({
        file: FileRef,
        fileName: z.string().optional(),
        mapping: ColumnMapping.optional(),
        /** Most errors returned (the count stays exact); the CLI asks for all it can print. */
        maxErrors: z.number().int().positive().max(10_000).optional(),
      })
      .strict(),
    'Reads and checks a CSV without storing anything.',
  ),
  'inventory.commit': channel<ImportResult>()(
    z
      .object({
        previewId: z.string().min(1),
        skipInvalid: z.boolean().default(false),
        replace: z.boolean().default(false),
      })
      .strict(),
    'Stores a previewed import in one transaction (all or nothing).',
  ),
  'inventory.import': channel<ImportFileResult>()(
    z
      .object({
        file: FileRef,
        fileName: z.string().optional(),
        mapping: ColumnMapping.optional(),
        skipInvalid: z.boolean().default(false),
        replace: z.boolean().default(false),
        maxErrors: z.number().int().positive().max(10_000).optional(),
      })
      .strict(),
    'Reads, checks and stores a CSV in one pass and one transaction (all or nothing unless skipInvalid).',
  ),
  'inventory.vendorDependency': channel<VendorDependency & { vendors: Facet[] }>()(
    z.object({ vendor: z.string().min(1).optional() }).strict(),
    "One vendor's workloads by mission area, classification and criticality, with spend and the dependency graph.",
  ),
  'inventory.discardPreview': channel<{ discarded: boolean }>()(
    z.object({ previewId: z.string().min(1) }).strict(),
    'Forgets a preview that will not be committed.',
  ),
} as const;
