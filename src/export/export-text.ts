/**
 * Text of the exports in the UI language, read from the export catalogue directly, so that the
 * exports work whether or not the catalogue is spread into the app's `messages.ts`.
 */

import { exportMessagesEn, exportMessagesZh } from '../i18n/export-messages.ts';
import { fillTemplate, type Language } from '../i18n/messages.ts';

export type ExportMessageKey = keyof typeof exportMessagesZh;

/** The export message `key` in `language`, with `{name}` placeholders replaced from `values`. */
export function exportText(
  language: Language,
  key: ExportMessageKey,
  values: Readonly<Record<string, string | number>> = {},
): string {
  const template: string = language === 'en' ? exportMessagesEn[key] : exportMessagesZh[key];
  return fillTemplate(language, template, values);
}

/** A date as YYYY-MM-DD in local time (the day printed in notes and file names). */
export function dayOf(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}
