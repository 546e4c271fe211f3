import type { ReviewSlice, SliceCreator } from '../planner-state.ts';

/**
 * Review mode (审阅模式) and the plan's comments (批注). Which actions review mode refuses is
 * review-guard.ts's list; a comment's resolution is the planner's, so it is refused there too.
 */
export const createReviewSlice: SliceCreator<ReviewSlice> = (set, get) => ({
  review: null,
  commentTarget: null,
  enterReview: (key) =>
    set((state) => ({ review: { key, planCommentIds: state.comments.map((comment) => comment.id) } })),
  addComment: (comment) => set((state) => ({ comments: [...state.comments, comment] })),
  setCommentStatus: (id, status, by) =>
    set((state) => ({
      comments: state.comments.map((comment) => {
        if (comment.id !== id) return comment;
        const { resolvedAt: _at, resolvedBy: _by, ...open } = comment;
        return status === 'open'
          ? { ...open, status }
          : { ...open, status, resolvedAt: new Date().toISOString(), resolvedBy: by };
      }),
    })),
  importComments: (comments) => {
    const known = new Set(get().comments.map((comment) => comment.id));
    const added = comments.filter((comment) => !known.has(comment.id));
    if (added.length > 0) set((state) => ({ comments: [...state.comments, ...added] }));
    return added.length;
  },
  setCommentTarget: (commentTarget) => set({ commentTarget }),
});
