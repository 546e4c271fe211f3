import { GCJ02_NOTE } from '../core/base-map-setting.ts';
import { contextText } from '../i18n/context-messages.ts';
import { usePlanner } from '../state/store.ts';

/** On the map, while a GCJ-02 base map is drawn: that it is offset from the plan, and why. */
export function BaseMapNote() {
  const language = usePlanner((state) => state.language);
  const isGcj02 = usePlanner((state) => state.baseMap?.tiles != null && state.baseMap.setting.gcj02);
  if (!isGcj02) return null;
  const reason = language === 'zh-CN' ? GCJ02_NOTE.zh : GCJ02_NOTE.en;
  return (
    <p className="basemap-map-note" role="note" title={reason} data-testid="basemap-gcj02-map-note">
      <strong>{contextText(language, 'basemap.noteTitle')}</strong>
      <span>{reason}</span>
    </p>
  );
}
