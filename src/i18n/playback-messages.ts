/** Messages of 逐年推演 (the years played back on the map and in briefing), zh-CN first. */

import { fillTemplate, type Language } from './messages.ts';

export const playbackMessagesZh = {
  'play.title': '逐年推演',
  'play.start': '逐年推演',
  'play.play': '播放',
  'play.pause': '暂停',
  'play.close': '结束推演',
  'play.year': '截至 {year} 年底',
  'play.hint': '按年份显示：腾退、搬迁的地块在当年淡出，承接区块在当年出现，指标与用地指标台账随年份变化。',
};

export type PlaybackMessageKey = keyof typeof playbackMessagesZh;

export const playbackMessagesEn: Readonly<Record<PlaybackMessageKey, string>> = {
  'play.title': 'Year by year',
  'play.start': 'Year by year',
  'play.play': 'Play',
  'play.pause': 'Pause',
  'play.close': 'End',
  'play.year': 'By the end of {year}',
  'play.hint':
    'Shown year by year: vacated and relocated plots fade in their year, zones appear in theirs, the figures and the quota ledger follow the year.',
};

const CATALOGUES: Readonly<Record<Language, Readonly<Record<PlaybackMessageKey, string>>>> = {
  'zh-CN': playbackMessagesZh,
  en: playbackMessagesEn,
};

/** The playback message for `key` in `language`, placeholders filled from `values`. */
export function playbackText(
  language: Language,
  key: PlaybackMessageKey,
  values: Readonly<Record<string, string | number>> = {},
): string {
  return fillTemplate(language, CATALOGUES[language][key], values);
}
