/** What an export knows besides the plan itself. Core never reads the clock: the caller says when. */
import type { Catalog } from '../catalog/schema';

export interface ExportContext {
  /** The saved plan's id in the workspace, if it has one. */
  planId?: number | null;
  /** When the plan was made (ISO timestamp). */
  createdAt?: string | null;
  /** When this export was made (ISO timestamp); shown on briefings and set as the workbook's date. */
  generatedAt?: string | null;
  /**
   * The workspace's catalog, for the offerings' facts and provenance (prices, authorization,
   * sources). Optional: without it exports show the offerings the plan names and the plan's catalog
   * source and date only.
   */
  catalog?: Catalog | null;
  /** Program name and version, e.g. "Bridgehead 0.1.0". */
  generator?: string | null;
}

/** Progress callback for long exports: `done` of `total` steps, with what is being done. */
export type ExportProgress = (done: number, total: number, step: string) => void;
