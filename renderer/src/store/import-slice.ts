/**
 * The import flow: pick or drop a file → preview (nothing stored) → adjust the column mapping →
 * commit all-or-nothing, or only the valid rows. Progress comes as push events.
 */
import type { StateCreator } from 'zustand';
import type { ColumnMapping, FileRef, ImportPreview, ImportResult } from '../../../core/api/inventory';
import type { ProgressEvent } from '../../../core/api/events';
import type { AppState, StoreDeps } from './types';

export type ImportPhase = 'closed' | 'reading' | 'preview' | 'committing' | 'done';

export interface ImportSlice {
  importPhase: ImportPhase;
  importFile: { ref: FileRef; name: string } | null;
  importMapping: ColumnMapping;
  importPreview: ImportPreview | null;
  importResult: ImportResult | null;
  importError: string | null;
  importProgress: { done: number; total: number | null; label: string } | null;
  startImport(file: File): Promise<void>;
  startImportFromPath(path: string): Promise<void>;
  remapColumn(header: string, target: string | null): Promise<void>;
  commitImport(options: { skipInvalid: boolean; replace: boolean }): Promise<void>;
  closeImport(): void;
  onProgress(event: ProgressEvent): void;
}

export const createImportSlice =
  (deps: StoreDeps): StateCreator<AppState, [], [], ImportSlice> =>
  (set, get) => {
    const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

    async function preview(): Promise<void> {
      const file = get().importFile;
      if (!file) return;
      set({ importPhase: 'reading', importError: null, importProgress: null });
      try {
        const mapping = get().importMapping;
        const result = await deps.api['inventory.preview']({
          file: file.ref,
          fileName: file.name,
          ...(Object.keys(mapping).length ? { mapping } : {}),
        });
        set({ importPhase: 'preview', importPreview: result, importProgress: null });
      } catch (error) {
        set({ importPhase: 'preview', importPreview: null, importError: message(error), importProgress: null });
      }
    }

    return {
      importPhase: 'closed',
      importFile: null,
      importMapping: {},
      importPreview: null,
      importResult: null,
      importError: null,
      importProgress: null,
      async startImport(file) {
        set({ importPhase: 'reading', importFile: null, importMapping: {}, importPreview: null, importResult: null, importError: null });
        try {
          const ref = await deps.fileRef(file);
          set({ importFile: { ref, name: file.name } });
          await preview();
        } catch (error) {
          set({ importPhase: 'preview', importError: message(error) });
        }
      },
      async startImportFromPath(path) {
        const name = path.split(/[\\/]/).pop() ?? path;
        set({ importFile: { ref: { kind: 'path', path }, name }, importMapping: {}, importPreview: null, importResult: null });
        await preview();
      },
      async remapColumn(header, target) {
        set((s) => ({ importMapping: { ...s.importMapping, [header]: target } }));
        await preview();
      },
      async commitImport(options) {
        const current = get().importPreview;
        if (!current) return;
        set({ importPhase: 'committing', importError: null });
        try {
          const result = await deps.api['inventory.commit']({ previewId: current.previewId, ...options });
          set({ importPhase: 'done', importResult: result });
          if (result.committed) {
            void get().reloadInventory();
            void get().loadWorkspace();
          }
        } catch (error) {
          set({ importPhase: 'preview', importError: message(error) });
        }
      },
      closeImport() {
        const current = get().importPreview;
        if (current && get().importPhase !== 'done') void deps.api['inventory.discardPreview']({ previewId: current.previewId }).catch(() => {});
        set({ importPhase: 'closed', importFile: null, importPreview: null, importResult: null, importError: null, importMapping: {} });
      },
      onProgress(event) {
        if (!event.taskId.startsWith('import:')) return;
        if (get().importPhase !== 'reading' && get().importPhase !== 'committing') return;
        set({ importProgress: event.finished ? null : { done: event.done, total: event.total, label: event.label } });
      },
    };
  };
