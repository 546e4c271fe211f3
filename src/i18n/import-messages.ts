/**
 * Messages of the import dialog, layer list and worker jobs. zh-CN is the reference: en must have every key (the type checks it).
 */

export const importMessagesZh = {} as const;

export const importMessagesEn: Record<keyof typeof importMessagesZh, string> = {};
