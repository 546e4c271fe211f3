import type { ImportSlice, SliceCreator } from '../planner-state.ts';

/** The import dialog's files and the preview of each source. */
export const createImportSlice: SliceCreator<ImportSlice> = (set) => ({
  importSession: null,
  setImportSession: (importSession) => set({ importSession }),
  updatePreview: (preview) =>
    set((state) =>
      state.importSession
        ? {
            importSession: {
              ...state.importSession,
              previews: state.importSession.previews.map((p) =>
                p.sourceIndex === preview.sourceIndex ? preview : p,
              ),
            },
          }
        : {},
    ),
});
