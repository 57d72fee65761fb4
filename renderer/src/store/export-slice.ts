/**
 * Exporting a saved plan. The desktop face asks where to save (native dialog) and the handlers
 * write the file; the browser face gets the file back and downloads it. Progress arrives as push
 * events for the export's own task id.
 */
import type { StateCreator } from 'zustand';
import type { ProgressEvent } from '../../../core/api/events';
import { FORMAT_INFO, suggestedFileName, type ExportFormat } from '../../../core/export/formats';
import type { AppState, StoreDeps } from './types';

export interface ExportState {
  format: ExportFormat;
  taskId: string;
  progress: { done: number; total: number | null; label: string } | null;
}

export interface ExportSlice {
  exporting: ExportState | null;
  exportNotice: string | null;
  exportError: string | null;
  exportPlan(planId: number, scenarioName: string, format: ExportFormat): Promise<void>;
  onExportProgress(event: ProgressEvent): void;
  clearExportNotice(): void;
}

let counter = 0;

export const createExportSlice =
  (deps: StoreDeps): StateCreator<AppState, [], [], ExportSlice> =>
  (set, get) => ({
    exporting: null,
    exportNotice: null,
    exportError: null,
    async exportPlan(planId, scenarioName, format) {
      if (get().exporting) return;
      const taskId = `export:${Date.now()}:${++counter}`;
      const name = suggestedFileName(format, { scenarioName, planId });
      set({ exporting: { format, taskId, progress: null }, exportNotice: null, exportError: null });
      try {
        if (deps.desktop) {
          const path = await deps.desktop.saveFileDialog({ title: `Export ${FORMAT_INFO[format].label}`, defaultPath: name });
          if (!path) return;
          const result = await deps.api['plan.export']({ id: planId, format, path, taskId });
          set({ exportNotice: `Saved ${FORMAT_INFO[format].label} to ${result.path} (${result.bytes.toLocaleString('en-US')} bytes).` });
        } else {
          const result = await deps.api['plan.exportDownload']({ id: planId, format, taskId });
          deps.download(result.suggestedName, result.mime, result.base64);
          set({ exportNotice: `Downloaded ${result.suggestedName} (${result.bytes.toLocaleString('en-US')} bytes).` });
        }
      } catch (error) {
        set({ exportError: error instanceof Error ? error.message : String(error) });
      } finally {
        set({ exporting: null });
      }
    },
    onExportProgress(event) {
      const current = get().exporting;
      if (!current || event.taskId !== current.taskId) return;
      set({ exporting: { ...current, progress: event.finished ? null : { done: event.done, total: event.total, label: event.label } } });
    },
    clearExportNotice: () => set({ exportNotice: null, exportError: null }),
  });
