import type { PlaybackSlice, SliceCreator } from '../planner-state.ts';

/** 逐年推演: the year shown and whether the years play. A view of the plan, never saved or undone. */
export const createPlaybackSlice: SliceCreator<PlaybackSlice> = (set) => ({
  playbackYear: null,
  playing: false,
  // Leaving the years (null) also stops them playing.
  setPlaybackYear: (playbackYear) =>
    set(playbackYear === null ? { playbackYear, playing: false } : { playbackYear }),
  setPlaying: (playing) => set({ playing }),
});
