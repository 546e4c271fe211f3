/**
 * The app's one store (zustand). Serialisable data only: the language, the plan's layers and the
 * classification of its plots. The map controller subscribes to it outside React.
 */

import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { Classification } from '../core/analysis/classify-plots.ts';
import type { FeatureCollection } from '../core/types.ts';
import { DEFAULT_LANGUAGE, type Language } from '../i18n/messages.ts';

export interface PlanLayers {
  boundary: FeatureCollection;
  control: FeatureCollection;
  plots: FeatureCollection;
  /** The plan's label, e.g. 示例数据（虚构）; null for a real plan. */
  label: string | null;
}

export interface PlannerState {
  language: Language;
  layers: PlanLayers | null;
  classification: Classification | null;
  setLanguage: (language: Language) => void;
  openPlan: (layers: PlanLayers, classification: Classification) => void;
}

export type PlannerStore = ReturnType<typeof createPlannerStore>;

export function createPlannerStore() {
  return createStore<PlannerState>()((set) => ({
    language: DEFAULT_LANGUAGE,
    layers: null,
    classification: null,
    setLanguage: (language) => set({ language }),
    openPlan: (layers, classification) => set({ layers, classification }),
  }));
}

/** The page's store. */
export const plannerStore = createPlannerStore();

/** Reads the page's store from a React component. */
export function usePlanner<T>(selector: (state: PlannerState) => T): T {
  return useStore(plannerStore, selector);
}
