/**
 * Import on the Node side: read the file, run core's preview, keep it until the user commits,
 * then write it in one transaction — all of it, only the valid rows, or (by default, when there
 * are errors) nothing.
 */
import { createHash, randomUUID } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { ApiError } from '../../core/api/errors';
import type { ColumnMapping, FileRef, ImportPreview as ApiPreview, ImportResult } from '../../core/api/inventory';
import { mergePlan, previewInventory, type ImportPreview, type MappingOverride, type Workload } from '../../core/inventory';
import type { Workspace } from '../../db/workspace';
import { allWorkloads, countWorkloads, maxSeq, recordImport, workloadWriter } from '../../db/repositories/workloads';
import { setMeta } from '../../db/repositories/meta';
import type { EventHub } from '../events';
import type { UploadStore } from '../uploads';

export const MAX_IMPORT_BYTES = 200 * 1024 * 1024;
/** Errors sent to the UI with a preview; the count stays exact. */
export const UI_ERROR_CAP = 1000;
const SAMPLE_ROWS = 20;

export interface ReadFile {
  name: string;
  bytes: Buffer;
}

export function readImportFile(ref: FileRef, uploads: UploadStore, fileName?: string): ReadFile {
  if (ref.kind === 'upload') {
    const upload = uploads.get(ref.uploadId);
    if (!upload) throw new ApiError('not_found', 'The uploaded file is no longer available: choose it again.');
    checkSize(upload.name, upload.bytes.length);
    return { name: fileName ?? upload.name, bytes: upload.bytes };
  }
  let size: number;
  try {
    const stat = statSync(ref.path);
    if (!stat.isFile()) throw new ApiError('invalid_file', `${ref.path} is not a file.`);
    size = stat.size;
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw new ApiError('invalid_file', `Cannot read ${ref.path}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : String(error)}.`);
  }
  checkSize(ref.path, size);
  return { name: fileName ?? basename(ref.path), bytes: readFileSync(ref.path) };
}

function checkSize(name: string, size: number): void {
  if (size > MAX_IMPORT_BYTES) {
    throw new ApiError('invalid_file', `${name} is ${(size / 1024 / 1024).toFixed(0)} MB: the import limit is 200 MB. Split the file.`);
  }
}

interface HeldPreview {
  id: string;
  fileName: string;
  sha256: string;
  preview: ImportPreview;
}

export interface ImportService {
  preview(file: ReadFile, mapping: ColumnMapping | undefined, options?: { maxErrors?: number }): Promise<{ held: HeldPreview; api: ApiPreview }>;
  commit(previewId: string, options: { skipInvalid: boolean; replace: boolean }): ImportResult;
  discard(previewId: string): boolean;
}

export function createImportService(deps: { workspace(): Workspace; events: EventHub; now?: () => string }): ImportService {
  const held = new Map<string, HeldPreview>();
  const now = deps.now ?? (() => new Date().toISOString());

  return {
    async preview(file, mapping, options = {}) {
      const id = randomUUID();
      const taskId = `import:${id}`;
      const label = `Reading ${file.name}`;
      let lastPercent = -1;
      const db = deps.workspace().db;
      const existingIds = (db.prepare('SELECT id FROM workloads').pluck().all() as string[]);
      const preview = await previewInventory(file.bytes, {
        mapping: mapping as MappingOverride | undefined,
        existingIds,
        maxErrors: options.maxErrors,
        sampleSize: SAMPLE_ROWS,
        onProgress(done, total) {
          const percent = Math.floor((100 * done) / Math.max(1, total));
          if (percent === lastPercent) return;
          lastPercent = percent;
          deps.events.emit({ type: 'progress', taskId, label, done, total, finished: false });
        },
      });
      deps.events.emit({ type: 'progress', taskId, label, done: file.bytes.length, total: file.bytes.length, finished: true });
      const entry: HeldPreview = { id, fileName: file.name, sha256: createHash('sha256').update(file.bytes).digest('hex'), preview };
      // Keep only the newest few previews: each can hold 100,000 workloads.
      held.set(id, entry);
      while (held.size > 2) held.delete(held.keys().next().value!);

      // A first import into an empty inventory adds everything: no need to compare.
      const merge =
        existingIds.length === 0
          ? { added: preview.rows, updated: [], unchanged: [], missingFromFile: [] }
          : mergePlan(allWorkloads(db), preview.rows.map((r) => r.workload), 'merge');
      return {
        held: entry,
        api: {
          previewId: id,
          fileName: file.name,
          sizeBytes: file.bytes.length,
          encoding: preview.encoding?.label ?? 'unknown',
          delimiter: preview.delimiter ?? ',',
          headers: preview.columns.map((c) => ({ header: c.header, target: c.target, auto: c.by === 'auto' })),
          missingRequired: preview.missingRequiredColumns,
          rowCount: preview.recordCount,
          validCount: preview.rows.length,
          rejectedCount: preview.invalidRecordCount,
          errors: preview.errors.slice(0, UI_ERROR_CAP),
          errorCount: preview.errorCount,
          warnings: preview.warnings,
          sampleRows: preview.rows.slice(0, SAMPLE_ROWS).map((r) => r.workload),
          merge: { added: merge.added.length, updated: merge.updated.length, unchanged: merge.unchanged.length, missingFromFile: merge.missingFromFile.length },
        },
      };
    },

    commit(previewId, options) {
      const entry = held.get(previewId);
      if (!entry) throw new ApiError('not_found', 'That import preview has expired: preview the file again.');
      const { preview } = entry;
      const rejected = preview.invalidRecordCount;
      const base = { errors: preview.errors, warnings: preview.warnings };
      const nothing: ImportResult = { imported: 0, updated: 0, unchanged: 0, rejected, missingFromFile: 0, removed: 0, committed: false, ...base };
      if (preview.fatal || preview.rows.length === 0) return nothing;
      if (preview.errorCount > 0 && !options.skipInvalid) return nothing;

      const ws = deps.workspace();
      const incoming: Workload[] = preview.rows.map((r) => r.workload);
      const result = ws.db.transaction((): ImportResult => {
        const mode = options.replace ? 'replace' : 'merge';
        const plan =
          countWorkloads(ws.db) === 0
            ? { mode, added: incoming.map((w) => w.id), updated: [], unchanged: [], missingFromFile: [], removed: [] }
            : mergePlan(allWorkloads(ws.db), incoming, mode);
        const writer = workloadWriter(ws.db);
        for (const id of plan.removed) writer.remove(id);
        const seqOf = new Map<string, number>(
          (ws.db.prepare('SELECT id, seq FROM workloads').all() as { id: string; seq: number }[]).map((r) => [r.id, r.seq]),
        );
        let next = maxSeq(ws.db);
        const added = new Set(plan.added);
        const updated = new Set(plan.updated);
        for (const w of incoming) {
          if (added.has(w.id)) writer.insert(w, ++next);
          else if (updated.has(w.id)) writer.upsert(w, seqOf.get(w.id)!);
        }
        recordImport(ws.db, {
          fileName: entry.fileName,
          sha256: entry.sha256,
          encoding: preview.encoding?.label ?? 'unknown',
          mode: options.replace ? 'replace' : 'merge',
          added: plan.added.length,
          updated: plan.updated.length,
          unchanged: plan.unchanged.length,
          rejected,
          importedAt: now(),
        });
        // The user's own data replaces the demo: it is no longer "just the sample".
        setMeta(ws.db, 'demo', '0');
        return {
          imported: plan.added.length,
          updated: plan.updated.length,
          unchanged: plan.unchanged.length,
          rejected,
          missingFromFile: plan.missingFromFile.length,
          removed: plan.removed.length,
          committed: true,
          ...base,
        };
      })();
      held.delete(previewId);
      deps.events.emit({ type: 'data.changed', scope: 'inventory' });
      return result;
    },

    discard: (previewId) => held.delete(previewId),
  };
}
