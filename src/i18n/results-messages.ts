/**
 * Messages of the plot panel, plot table and dashboard. zh-CN is the reference: en must have every key (the type checks it).
 */

export const resultsMessagesZh = {} as const;

export const resultsMessagesEn: Record<keyof typeof resultsMessagesZh, string> = {};
