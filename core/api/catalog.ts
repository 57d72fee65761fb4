/**
 * Catalog channels: read the workspace's catalog; edit offerings, add or remove one, set contract
 * prices; refresh list prices from a file in two steps (preview the diff, then apply on
 * confirmation); export the catalog as a Bridgehead catalog file.
 */
import { z } from 'zod';
import { CatalogFormat } from '../common/enums';
import { ContractPriceInput, NewOffering, OfferingPatch } from '../catalog/edit';
import type { EffectivePrices } from '../catalog/prices';
import type { CatalogDiff } from '../catalog/refresh/diff';
import { OfferingId, type Catalog } from '../catalog/schema';
import { channel } from './channel';
import { FileRef } from './inventory';

/** One applied refresh, as the workspace records it. */
export interface CatalogRefreshRecord {
  fileName: string;
  sha256: string;
  format: string;
  summary: string;
  appliedAt: string;
}

/** What every catalog channel that reads or changes the catalog answers with. */
export interface CatalogState {
  catalog: Catalog;
  /** Effective prices (contract over list) with their basis, per offering id. */
  effective: Record<string, EffectivePrices>;
  /** Ids of offerings the user added (by hand or from a price file): only these can be removed. */
  removable: string[];
  /** Applied refreshes, newest first. */
  refreshes: CatalogRefreshRecord[];
}

export interface CatalogRefreshPreview {
  previewId: string;
  fileName: string;
  sha256: string;
  sizeBytes: number;
  format: CatalogFormat;
  formatLabel: string;
  /** Usable rows the file has. */
  rowCount: number;
  diff: CatalogDiff;
  /** True when applying would change nothing (and add nothing, unless suggestions are chosen). */
  noChanges: boolean;
}

export interface CatalogRefreshResult {
  state: CatalogState;
  record: CatalogRefreshRecord;
  applied: { pricesChanged: number; confirmations: number; limitsChanged: number; added: number; gone: number };
}

export interface CatalogExport {
  /** A suggested file name. */
  fileName: string;
  /** The Bridgehead catalog file's text (`bridgehead catalog import` reads it back). */
  text: string;
  offerings: number;
}

const note = z.string().max(2000).optional();

export const catalogChannels = {
  'catalog.get': channel<CatalogState>()(z.object({}).strict(), 'The workspace’s catalog, with effective prices and the refresh log.'),
  'catalog.updateOffering': channel<CatalogState>()(
    z.object({ offeringId: OfferingId, patch: OfferingPatch, note }).strict(),
    'Changes fields of an offering; each changed fact is recorded as a user edit (with the note).',
  ),
  'catalog.addOffering': channel<CatalogState & { offeringId: string }>()(
    z.object({ offering: NewOffering, note }).strict(),
    'Adds an offering (e.g. a self-hosted model).',
  ),
  'catalog.removeOffering': channel<CatalogState>()(
    z.object({ offeringId: OfferingId }).strict(),
    'Removes an offering the user added.',
  ),
  'catalog.setContractPrice': channel<CatalogState>()(
    ContractPriceInput,
    'Sets the negotiated price of an offering (above its list price; never touched by a refresh).',
  ),
  'catalog.removeContractPrice': channel<CatalogState>()(
    z.object({ offeringId: OfferingId }).strict(),
    'Removes the negotiated price of an offering.',
  ),
  'catalog.refreshPreview': channel<CatalogRefreshPreview>()(
    z.object({ file: FileRef, fileName: z.string().optional(), format: CatalogFormat.optional() }).strict(),
    'Reads a price or catalog file and reports what applying it would change; changes nothing.',
  ),
  'catalog.refreshApply': channel<CatalogRefreshResult>()(
    z
      .object({
        previewId: z.string().min(1),
        /** Which suggested offerings to add: none (default), all, or these ids. */
        add: z.union([z.enum(['none', 'all']), z.array(z.string().min(1))]).optional(),
      })
      .strict(),
    'Applies a previewed refresh and records the file’s name, sha256 and date.',
  ),
  'catalog.discardRefresh': channel<{ discarded: boolean }>()(
    z.object({ previewId: z.string().min(1) }).strict(),
    'Forgets a refresh preview that will not be applied.',
  ),
  'catalog.export': channel<CatalogExport>()(z.object({}).strict(), 'The catalog as a Bridgehead catalog file.'),
} as const;
