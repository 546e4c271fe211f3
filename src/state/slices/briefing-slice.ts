import { pushHistoryStep } from '../history.ts';
import type { BriefingSlice, SliceCreator } from '../planner-state.ts';
import { slidesAfterHistory, slideViewChanges } from '../slide-list.ts';

/** Briefing mode and its slides; an edit of the slides is a step of the plan's one undo history. */
export const createBriefingSlice: SliceCreator<BriefingSlice> = (set, get) => ({
  slides: [],
  currentSlideId: null,
  briefing: false,
  editSlides: (next, label) => {
    const before = get().slides;
    if (next === before) return;
    set((state) =>
      slidesAfterHistory(
        state,
        next,
        pushHistoryStep(state.history, { label, slides: { before, after: next } }),
      ),
    );
  },
  setSlides: (slides) => set({ slides, currentSlideId: null }),
  goToSlide: (id) => {
    if (id === null) return set({ currentSlideId: null });
    const slide = get().slides.find((candidate) => candidate.id === id);
    if (slide) set((state) => slideViewChanges(state, slide));
  },
  setBriefing: (briefing) => set(briefing ? { briefing } : { briefing, currentSlideId: null }),
});
