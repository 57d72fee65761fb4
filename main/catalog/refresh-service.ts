/**
 * Catalog refresh on the Node side: read the file, parse it (core), show the diff against the
 * workspace's catalog, keep the parsed file until the user confirms, then apply it in one
 * transaction and record the file's name, sha256, format and what changed.
 *
 * A file that is not a price or catalog file Bridgehead reads (empty, truncated, CSV, other JSON,
 * the wrong --format) is refused with an `invalid_file` error and nothing changes.
 */
import { createHash, randomUUID } from 'node:crypto';
import { ApiError } from '../../core/api/errors';
import type { CatalogRefreshPreview, CatalogRefreshRecord, CatalogRefreshResult, FileRef } from '../../core/api';
import {
  applyRefresh,
  CatalogImportError,
  diffCatalog,
  FORMAT_LABELS,
  parseCatalogFile,
  type Catalog,
  type CatalogDiff,
  type PriceList,
} from '../../core/catalog';
import type { CatalogFormat } from '../../core/common/enums';
import { recordRefresh } from '../../db/repositories/catalog';
import type { Workspace } from '../../db/workspace';
import type { EventHub } from '../events';
import { readImportFile } from '../inventory/import-service';
import type { UploadStore } from '../uploads';
import { getCatalog, updateCatalog } from './catalog-store';
import { catalogState } from './state';

interface HeldRefresh {
  id: string;
  fileName: string;
  sha256: string;
  list: PriceList;
  /** Fingerprint of the catalog the diff was made against: applying needs the same catalog. */
  basis: string;
}

export interface RefreshService {
  preview(file: FileRef, options?: { fileName?: string | undefined; format?: CatalogFormat | undefined }): CatalogRefreshPreview;
  apply(previewId: string, add?: 'none' | 'all' | string[]): CatalogRefreshResult;
  discard(previewId: string): boolean;
}

const fingerprint = (catalog: Catalog): string => createHash('sha256').update(JSON.stringify(catalog)).digest('hex');

/** One line for the refresh log. */
export function refreshSummary(diff: CatalogDiff, added: number): string {
  const n = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;
  return [
    n(diff.pricesChanged.length, 'price changed', 'prices changed'),
    n(diff.confirmations.length, 'price confirmed', 'prices confirmed'),
    n(diff.limitsChanged.length, 'limit changed', 'limits changed'),
    n(added, 'offering added', 'offerings added'),
    `${n(diff.gone.length, 'offering')} not in the file (kept)`,
  ].join(', ');
}

export function createRefreshService(deps: {
  workspace(): Workspace;
  uploads: UploadStore;
  events: EventHub;
  now?: () => Date;
}): RefreshService {
  const held = new Map<string, HeldRefresh>();
  const now = deps.now ?? (() => new Date());

  return {
    preview(ref, options = {}) {
      const file = readImportFile(ref, deps.uploads, options.fileName);
      if (ref.kind === 'upload') deps.uploads.delete(ref.uploadId);
      const sha256 = createHash('sha256').update(file.bytes).digest('hex');
      let list: PriceList;
      try {
        // Date-conditional prices (genai-prices) are resolved for the day of the refresh.
        list = parseCatalogFile(file.bytes.toString('utf8'), { format: options.format, at: now().toISOString().slice(0, 10) });
      } catch (error) {
        if (error instanceof CatalogImportError) {
          throw new ApiError('invalid_file', `${file.name}: ${error.message}\nNothing was changed.`, { code: error.code, expected: error.expected });
        }
        throw error;
      }
      const catalog = getCatalog(deps.workspace(), now);
      const diff = diffCatalog(catalog, list);
      const id = randomUUID();
      held.set(id, { id, fileName: file.name, sha256, list, basis: fingerprint(catalog) });
      // Keep only the newest few: a parsed LiteLLM file holds thousands of rows.
      while (held.size > 2) held.delete(held.keys().next().value!);
      return {
        previewId: id,
        fileName: file.name,
        sha256,
        sizeBytes: file.bytes.length,
        format: list.format,
        formatLabel: FORMAT_LABELS[list.format],
        rowCount: list.rows.length,
        diff,
        noChanges: diff.pricesChanged.length + diff.confirmations.length + diff.limitsChanged.length === 0,
      };
    },

    apply(previewId, add = 'none') {
      const entry = held.get(previewId);
      if (!entry) throw new ApiError('not_found', 'That refresh preview has expired: choose the file again.');
      const ws = deps.workspace();
      const at = now();
      const importedAt = at.toISOString();
      let record: CatalogRefreshRecord | undefined;
      let diff: CatalogDiff | undefined;
      let added = 0;
      const next = updateCatalog(
        ws,
        (current) => {
          if (fingerprint(current) !== entry.basis) {
            throw new ApiError('conflict', 'The catalog changed since this file was previewed: preview the file again to see what it would change now.');
          }
          diff = diffCatalog(current, entry.list);
          const result = applyRefresh(current, entry.list, { fileName: entry.fileName, sha256: entry.sha256, importedAt }, { add });
          added = result.offerings.length - current.offerings.length;
          return result;
        },
        {
          now: () => at,
          after: () => {
            record = { fileName: entry.fileName, sha256: entry.sha256, format: entry.list.format, summary: refreshSummary(diff!, added), appliedAt: importedAt };
            recordRefresh(ws.db, record);
          },
        },
      );
      held.delete(previewId);
      deps.events.emit({ type: 'data.changed', scope: 'catalog' });
      return {
        state: catalogState(ws, next),
        record: record!,
        applied: {
          pricesChanged: diff!.pricesChanged.length,
          confirmations: diff!.confirmations.length,
          limitsChanged: diff!.limitsChanged.length,
          added,
          gone: diff!.gone.length,
        },
      };
    },

    discard: (previewId) => held.delete(previewId),
  };
}
