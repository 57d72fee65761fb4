/**
 * Import on the Node side. A preview reads and checks the file and keeps it (not its rows) until
 * the user commits; the commit reads it again and writes each row as soon as it is checked, in
 * one transaction that stores all of it, only the valid rows, or (by default, when there are
 * errors) nothing. The CLI does both in one pass (importFile). Rows are never all held in memory,
 * so a 200 MB file costs its bytes plus what the database writes.
 */
import { createHash, randomUUID } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { ApiError } from '../../core/api/errors';
import type { ColumnMapping, FileRef, ImportFileResult, ImportPreview as ApiPreview, ImportResult } from '../../core/api/inventory';
import { createMergeTracker, previewInventory, type ImportPreview, type MappingOverride, type MergeOutcome, type Workload } from '../../core/inventory';
import type { Workspace } from '../../db/workspace';
import { allWorkloads, countWorkloads, maxSeq, seqById, workloadRow } from '../../db/repositories/workloads';
import type { EventHub } from '../events';
import { bufferedSink, threadSink } from './import-writer';
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

/** What a preview keeps until the commit: the file and the mapping, not the rows (they are read again). */
interface HeldPreview {
  id: string;
  file: ReadFile;
  mapping: MappingOverride | undefined;
  sha256: string;
  /** The error cap the preview was read with; the commit reports the same list. */
  maxErrors: number | undefined;
  preview: Omit<ImportPreview, 'rows'>;
}

export interface ImportOptions {
  skipInvalid: boolean;
  replace: boolean;
}

export interface ImportService {
  preview(file: ReadFile, mapping: ColumnMapping | undefined, options?: { maxErrors?: number }): Promise<{ api: ApiPreview }>;
  /** Stores a previewed file: reads it again and writes the rows as they are checked. */
  commit(previewId: string, options: ImportOptions): Promise<ImportResult>;
  /** Checks and stores a file in one pass (the CLI, scripts): no preview to hold. */
  importFile(file: ReadFile, mapping: ColumnMapping | undefined, options: ImportOptions & { maxErrors?: number }): Promise<ImportFileResult>;
  discard(previewId: string): boolean;
}

export interface ImportServiceDeps {
  workspace(): Workspace;
  events: EventHub;
  now?: () => string;
  /** Files at least this large are written by a writer thread while they are read. Default 4 MB. */
  writerThreadBytes?: number;
}

const WRITER_THREAD_BYTES = 4 * 1024 * 1024;

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

export function createImportService(deps: ImportServiceDeps): ImportService {
  const held = new Map<string, HeldPreview>();
  const now = deps.now ?? (() => new Date().toISOString());
  const threadBytes = deps.writerThreadBytes ?? WRITER_THREAD_BYTES;

  /** Progress events for one task, at most one per percent. */
  const progress = (taskId: string, label: string) => {
    let lastPercent = -1;
    return {
      onProgress(done: number, total: number) {
        const percent = Math.floor((100 * done) / Math.max(1, total));
        if (percent === lastPercent) return;
        lastPercent = percent;
        deps.events.emit({ type: 'progress', taskId, label, done, total, finished: false });
      },
      finish(total: number) {
        deps.events.emit({ type: 'progress', taskId, label, done: total, total, finished: true });
      },
    };
  };

  /** The inventory as it is, for merge decisions and for depends_on ids that are not in the file. */
  const current = (db: Workspace['db']) => {
    const existing = countWorkloads(db) > 0 ? allWorkloads(db) : [];
    return { existing, tracker: createMergeTracker(existing), existingIds: existing.map((w) => w.id) };
  };

  /**
   * The one writing pass: reads and checks the file, sends each valid row that changes anything
   * to the sink as soon as it is checked, and at the end commits all of it — or, when the file
   * has errors and skipInvalid is off (or nothing is valid), none of it.
   */
  async function writeImport(
    taskId: string,
    file: ReadFile,
    mapping: MappingOverride | undefined,
    options: ImportOptions & { maxErrors?: number },
    fileHash: string,
  ): Promise<{ result: ImportResult; preview: ImportPreview; validCount: number }> {
    const ws = deps.workspace();
    const { existing, tracker, existingIds } = current(ws.db);
    const seqOf = existing.length > 0 ? seqById(ws.db) : new Map<string, number>();
    let next = maxSeq(ws.db);
    const sink = file.bytes.length >= threadBytes ? threadSink(ws.path) : bufferedSink(ws.db);
    const counts: Record<MergeOutcome, number> = { added: 0, updated: 0, unchanged: 0 };
    const report = progress(taskId, `Importing ${file.name}`);
    let preview: ImportPreview;
    try {
      preview = await previewInventory(file.bytes, {
        mapping,
        existingIds,
        maxErrors: options.maxErrors,
        sampleSize: 0,
        onProgress: report.onProgress,
        onRow(workload) {
          const outcome = tracker.classify(workload);
          counts[outcome]++;
          if (outcome === 'added') sink.push(['insert', workloadRow(workload, ++next)]);
          else if (outcome === 'updated') sink.push(['replace', workloadRow(workload, seqOf.get(workload.id)!)]);
        },
      });
    } catch (error) {
      await sink.end(false);
      throw error;
    } finally {
      report.finish(file.bytes.length);
    }
    const rejected = preview.invalidRecordCount;
    const validCount = counts.added + counts.updated + counts.unchanged;
    const wanted = !preview.fatal && validCount > 0 && (preview.errorCount === 0 || options.skipInvalid);
    const missingFromFile = tracker.missingFromFile();
    const removed = options.replace ? missingFromFile : [];
    if (wanted) {
      for (const id of removed) sink.push(['remove', [id]]);
      sink.push([
        'record',
        {
          fileName: file.name,
          sha256: fileHash,
          encoding: preview.encoding?.label ?? 'unknown',
          mode: options.replace ? 'replace' : 'merge',
          added: counts.added,
          updated: counts.updated,
          unchanged: counts.unchanged,
          rejected,
          importedAt: now(),
        },
      ]);
      // The user's own data replaces the demo: it is no longer "just the sample".
      sink.push(['meta', ['demo', '0']]);
    }
    const committed = await sink.end(wanted);
    const base = { rejected, errors: preview.errors, warnings: preview.warnings };
    const result: ImportResult = committed
      ? {
          imported: counts.added,
          updated: counts.updated,
          unchanged: counts.unchanged,
          missingFromFile: missingFromFile.length,
          removed: removed.length,
          committed: true,
          ...base,
        }
      : { imported: 0, updated: 0, unchanged: 0, missingFromFile: 0, removed: 0, committed: false, ...base };
    if (committed) deps.events.emit({ type: 'data.changed', scope: 'inventory' });
    return { result, preview, validCount };
  }

  return {
    async preview(file, mapping, options = {}) {
      const id = randomUUID();
      const report = progress(`import:${id}`, `Reading ${file.name}`);
      const { tracker, existingIds } = current(deps.workspace().db);
      const merge: Record<MergeOutcome, number> = { added: 0, updated: 0, unchanged: 0 };
      const sampleRows: Workload[] = [];
      const preview = await previewInventory(file.bytes, {
        mapping: mapping as MappingOverride | undefined,
        existingIds,
        maxErrors: options.maxErrors,
        sampleSize: SAMPLE_ROWS,
        onProgress: report.onProgress,
        onRow(workload) {
          merge[tracker.classify(workload)]++;
          if (sampleRows.length < SAMPLE_ROWS) sampleRows.push(workload);
        },
      });
      report.finish(file.bytes.length);
      const validCount = merge.added + merge.updated + merge.unchanged;
      // Keep only the newest few previews: each holds its file (up to 200 MB).
      held.set(id, { id, file, mapping: mapping as MappingOverride | undefined, sha256: sha256(file.bytes), maxErrors: options.maxErrors, preview });
      while (held.size > 2) held.delete(held.keys().next().value!);
      return {
        api: {
          ...summary(file, preview, validCount),
          previewId: id,
          headers: preview.columns.map((c) => ({ header: c.header, target: c.target, auto: c.by === 'auto' })),
          missingRequired: preview.missingRequiredColumns,
          rejectedCount: preview.invalidRecordCount,
          errors: preview.errors.slice(0, UI_ERROR_CAP),
          warnings: preview.warnings,
          sampleRows,
          merge: { ...merge, missingFromFile: tracker.missingFromFile().length },
        },
      };
    },

    async commit(previewId, options) {
      const entry = held.get(previewId);
      if (!entry) throw new ApiError('not_found', 'That import preview has expired: preview the file again.');
      const { preview } = entry;
      const validCount = preview.recordCount - preview.invalidRecordCount;
      // Nothing to write: say so without reading the file again.
      if (preview.fatal || validCount === 0 || (preview.errorCount > 0 && !options.skipInvalid)) {
        const { errors, warnings } = preview;
        return { imported: 0, updated: 0, unchanged: 0, rejected: preview.invalidRecordCount, missingFromFile: 0, removed: 0, committed: false, errors, warnings };
      }
      const { result } = await writeImport(`import:${previewId}`, entry.file, entry.mapping, { ...options, maxErrors: entry.maxErrors }, entry.sha256);
      held.delete(previewId);
      return result;
    },

    async importFile(file, mapping, options) {
      const { result, preview, validCount } = await writeImport(`import:${randomUUID()}`, file, mapping as MappingOverride | undefined, options, sha256(file.bytes));
      return { ...result, ...summary(file, preview, validCount) };
    },

    discard: (previewId) => held.delete(previewId),
  };
}

/** The facts about a read file that both a preview and a one-pass import report. */
function summary(file: ReadFile, preview: ImportPreview, validCount: number) {
  return {
    fileName: file.name,
    sizeBytes: file.bytes.length,
    encoding: preview.encoding?.label ?? 'unknown',
    delimiter: preview.delimiter ?? ',',
    rowCount: preview.recordCount,
    validCount,
    errorCount: preview.errorCount,
  };
}
