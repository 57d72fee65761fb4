/**
 * The catalog view's state: the workspace's catalog (as the API returns it), the filter, the
 * offering editor (edit or add), contract prices, and the refresh flow (choose a file → diff →
 * apply or cancel). Every change goes through the API, which answers with the new catalog.
 */
import type { StateCreator } from 'zustand';
import type { CatalogExport, CatalogRefreshPreview, CatalogRefreshResult, CatalogState } from '../../../core/api/catalog';
import { ApiError } from '../../../core/api/errors';
import type { FileRef } from '../../../core/api/inventory';
import type { OfferingFilter } from '../../../core/catalog/filter';
import type { CatalogFormat } from '../../../core/common/enums';
import { draftToContract, draftToNewOffering, draftToPatch, type ContractDraft, type FieldError, type OfferingDraft } from './catalog-draft';
import type { AppState, StoreDeps } from './types';

export type CatalogEditor = { mode: 'edit'; offeringId: string } | { mode: 'add' } | null;
export type CatalogRefreshPhase = 'closed' | 'reading' | 'preview' | 'applying' | 'done';

export interface CatalogSlice {
  catalogState: CatalogState | null;
  catalogError: string | null;
  catalogFilter: OfferingFilter;
  /** Set after a change is saved, for a short confirmation in the view. */
  catalogNotice: string | null;
  setCatalogFilter(patch: Partial<OfferingFilter>): void;
  loadCatalog(): Promise<void>;

  catalogEditor: CatalogEditor;
  catalogEditorError: FieldError | null;
  catalogEditorBusy: boolean;
  openOfferingEditor(offeringId: string | null): void;
  closeOfferingEditor(): void;
  /** Saves what changed in the draft; true when saved (or nothing to save). */
  saveOfferingDraft(offeringId: string, draft: OfferingDraft): Promise<boolean>;
  addOfferingDraft(draft: OfferingDraft): Promise<boolean>;
  removeUserOffering(offeringId: string): Promise<boolean>;
  saveContractDraft(offeringId: string, draft: ContractDraft): Promise<boolean>;
  removeContract(offeringId: string): Promise<boolean>;

  catalogRefreshPhase: CatalogRefreshPhase;
  catalogRefreshFile: { ref: FileRef; name: string } | null;
  catalogRefreshFormat: CatalogFormat | null;
  catalogRefreshPreview: CatalogRefreshPreview | null;
  catalogRefreshResult: CatalogRefreshResult | null;
  catalogRefreshError: string | null;
  /** Suggested offerings (diff.added ids) the user chose to add. */
  catalogRefreshAdd: string[];
  startCatalogRefresh(file: File): Promise<void>;
  startCatalogRefreshFromPath(path: string): Promise<void>;
  setCatalogRefreshFormat(format: CatalogFormat | null): Promise<void>;
  toggleCatalogRefreshAdd(id: string | 'all' | 'none'): void;
  applyCatalogRefresh(): Promise<void>;
  closeCatalogRefresh(): void;

  exportCatalog(): Promise<CatalogExport | null>;
}

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** The field an API error names (core's CatalogEditError travels as `details.field`). */
function fieldError(error: unknown): FieldError {
  const details = error instanceof ApiError ? (error.details as { field?: unknown } | undefined) : undefined;
  let field = typeof details?.field === 'string' ? details.field : null;
  // A request the dispatcher refused names the path in its issues (e.g. patch.contextWindow).
  if (!field && error instanceof ApiError && Array.isArray(error.details)) {
    const path = (error.details[0] as { path?: unknown[] } | undefined)?.path;
    if (Array.isArray(path)) field = path.filter((p) => p !== 'patch' && p !== 'offering').join('.') || null;
  }
  return { field, message: message(error) };
}

export const createCatalogSlice =
  (deps: StoreDeps): StateCreator<AppState, [], [], CatalogSlice> =>
  (set, get) => {
    /** Runs an editing call; on success stores the new catalog and says so. */
    async function change(run: () => Promise<CatalogState>, done: string): Promise<boolean> {
      set({ catalogEditorBusy: true, catalogEditorError: null });
      try {
        const state = await run();
        set({ catalogState: state, catalogEditorBusy: false, catalogNotice: done, catalogError: null });
        return true;
      } catch (error) {
        set({ catalogEditorBusy: false, catalogEditorError: fieldError(error) });
        return false;
      }
    }

    /** The picked file, kept so it can be read again as another format (an upload is read once). */
    let pickedFile: File | null = null;

    async function preview(): Promise<void> {
      const file = get().catalogRefreshFile;
      if (!file) return;
      const format = get().catalogRefreshFormat;
      set({ catalogRefreshPhase: 'reading', catalogRefreshError: null, catalogRefreshPreview: null, catalogRefreshAdd: [] });
      try {
        const result = await deps.api['catalog.refreshPreview']({ file: file.ref, fileName: file.name, ...(format ? { format } : {}) });
        set({ catalogRefreshPhase: 'preview', catalogRefreshPreview: result });
      } catch (error) {
        set({ catalogRefreshPhase: 'preview', catalogRefreshError: message(error) });
      }
    }

    return {
      catalogState: null,
      catalogError: null,
      catalogFilter: {},
      catalogNotice: null,
      setCatalogFilter(patch) {
        set((s) => ({ catalogFilter: { ...s.catalogFilter, ...patch } }));
      },
      async loadCatalog() {
        try {
          set({ catalogState: await deps.api['catalog.get']({}), catalogError: null });
        } catch (error) {
          set({ catalogError: message(error) });
        }
      },

      catalogEditor: null,
      catalogEditorError: null,
      catalogEditorBusy: false,
      openOfferingEditor(offeringId) {
        set({ catalogEditor: offeringId ? { mode: 'edit', offeringId } : { mode: 'add' }, catalogEditorError: null, catalogNotice: null });
      },
      closeOfferingEditor() {
        set({ catalogEditor: null, catalogEditorError: null, catalogEditorBusy: false });
      },
      async saveOfferingDraft(offeringId, draft) {
        const offering = get().catalogState?.catalog.offerings.find((o) => o.id === offeringId);
        if (!offering) {
          set({ catalogEditorError: { field: null, message: `Offering ${offeringId} is no longer in the catalog.` } });
          return false;
        }
        const patch = draftToPatch(offering, draft);
        if (!patch.ok) {
          set({ catalogEditorError: patch.error });
          return false;
        }
        if (Object.keys(patch.value).length === 0) {
          set({ catalogEditorError: null, catalogNotice: 'Nothing was changed.' });
          return true;
        }
        const note = draft.note.trim();
        return change(
          () => deps.api['catalog.updateOffering']({ offeringId, patch: patch.value, ...(note ? { note } : {}) }),
          `Saved ${offering.displayName}.`,
        );
      },
      async addOfferingDraft(draft) {
        const providers = get().catalogState?.catalog.providers.map((p) => p.id) ?? [];
        const offering = draftToNewOffering(draft, providers);
        if (!offering.ok) {
          set({ catalogEditorError: offering.error });
          return false;
        }
        const note = draft.note.trim();
        return change(
          () => deps.api['catalog.addOffering']({ offering: offering.value, ...(note ? { note } : {}) }),
          `Added ${offering.value.displayName ?? offering.value.model}.`,
        );
      },
      removeUserOffering(offeringId) {
        return change(() => deps.api['catalog.removeOffering']({ offeringId }), `Removed ${offeringId}.`);
      },
      async saveContractDraft(offeringId, draft) {
        const input = draftToContract(offeringId, draft);
        if (!input.ok) {
          set({ catalogEditorError: { field: `contract.${input.error.field}`, message: input.error.message } });
          return false;
        }
        const ok = await change(() => deps.api['catalog.setContractPrice'](input.value), 'Contract price saved.');
        const e = get().catalogEditorError;
        if (!ok && e) set({ catalogEditorError: { ...e, field: e.field ? `contract.${e.field}` : 'contract' } });
        return ok;
      },
      removeContract(offeringId) {
        return change(() => deps.api['catalog.removeContractPrice']({ offeringId }), 'Contract price removed: the list prices apply.');
      },

      catalogRefreshPhase: 'closed',
      catalogRefreshFile: null,
      catalogRefreshFormat: null,
      catalogRefreshPreview: null,
      catalogRefreshResult: null,
      catalogRefreshError: null,
      catalogRefreshAdd: [],
      async startCatalogRefresh(file) {
        set({ catalogRefreshPhase: 'reading', catalogRefreshFile: null, catalogRefreshFormat: null, catalogRefreshPreview: null, catalogRefreshResult: null, catalogRefreshError: null });
        pickedFile = file;
        try {
          const ref = await deps.fileRef(file);
          set({ catalogRefreshFile: { ref, name: file.name } });
          await preview();
        } catch (error) {
          set({ catalogRefreshPhase: 'preview', catalogRefreshError: message(error) });
        }
      },
      async startCatalogRefreshFromPath(path) {
        const name = path.split(/[\\/]/).pop() ?? path;
        pickedFile = null;
        set({ catalogRefreshFile: { ref: { kind: 'path', path }, name }, catalogRefreshFormat: null, catalogRefreshResult: null });
        await preview();
      },
      async setCatalogRefreshFormat(format) {
        const file = get().catalogRefreshFile;
        const previous = get().catalogRefreshPreview;
        if (previous) void deps.api['catalog.discardRefresh']({ previewId: previous.previewId }).catch(() => {});
        set({ catalogRefreshFormat: format });
        if (file?.ref.kind === 'upload') {
          if (!pickedFile) return;
          // The server reads an upload once: send the file again.
          try {
            set({ catalogRefreshFile: { ref: await deps.fileRef(pickedFile), name: file.name } });
          } catch (error) {
            set({ catalogRefreshError: message(error) });
            return;
          }
        }
        await preview();
      },
      toggleCatalogRefreshAdd(id) {
        const all = get().catalogRefreshPreview?.diff.added.map((a) => a.id) ?? [];
        if (id === 'all') return set({ catalogRefreshAdd: all });
        if (id === 'none') return set({ catalogRefreshAdd: [] });
        set((s) => ({ catalogRefreshAdd: s.catalogRefreshAdd.includes(id) ? s.catalogRefreshAdd.filter((x) => x !== id) : [...s.catalogRefreshAdd, id] }));
      },
      async applyCatalogRefresh() {
        const p = get().catalogRefreshPreview;
        if (!p) return;
        set({ catalogRefreshPhase: 'applying', catalogRefreshError: null });
        try {
          const add = get().catalogRefreshAdd;
          const result = await deps.api['catalog.refreshApply']({ previewId: p.previewId, add: add.length ? add : 'none' });
          set({ catalogRefreshPhase: 'done', catalogRefreshResult: result, catalogState: result.state });
        } catch (error) {
          set({ catalogRefreshPhase: 'preview', catalogRefreshError: message(error) });
        }
      },
      closeCatalogRefresh() {
        const p = get().catalogRefreshPreview;
        if (p && get().catalogRefreshPhase === 'preview') void deps.api['catalog.discardRefresh']({ previewId: p.previewId }).catch(() => {});
        set({ catalogRefreshPhase: 'closed', catalogRefreshFile: null, catalogRefreshPreview: null, catalogRefreshResult: null, catalogRefreshError: null, catalogRefreshAdd: [] });
      },

      async exportCatalog() {
        try {
          return await deps.api['catalog.export']({});
        } catch (error) {
          set({ catalogError: message(error) });
          return null;
        }
      },
    };
  };
