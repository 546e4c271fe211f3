import { DEFAULT_LANGUAGE } from '../../i18n/messages.ts';
import type { PageSlice, SliceCreator } from '../planner-state.ts';

/** The language, the open panel, the job running in the worker and the notice shown once. */
export const createPageSlice: SliceCreator<PageSlice> = (set) => ({
  language: DEFAULT_LANGUAGE,
  panel: 'dashboard',
  job: null,
  notice: null,
  mapProblem: null,
  setLanguage: (language) => set({ language }),
  setPanel: (panel) => set({ panel }),
  setJob: (job) => set({ job }),
  setNotice: (notice) => set({ notice }),
  setMapProblem: (mapProblem) => set({ mapProblem }),
});
