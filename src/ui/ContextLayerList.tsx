import { useRef, useState } from 'react';
import { type ContextMessageKey, contextText } from '../i18n/context-messages.ts';
import { formatCount } from '../i18n/messages.ts';
import { importContextLayers } from '../services/import-context-layers.ts';
import { plannerStore, usePlanner } from '../state/store.ts';
import { BaseMapDialog } from './BaseMapDialog.tsx';

/** Files a context layer can be read from: the plan layers' formats. */
const CONTEXT_FILE_TYPES = '.geojson,.json,.zip,.shp,.shx,.dbf,.prj,.cpg,.kml,.kmz';

/**
 * The context layers (参考图层): add from files, a switch and a remove button each, and the base
 * map setting with the one origin it contacts. Nothing here is analysed.
 */
export function ContextLayerList() {
  const language = usePlanner((state) => state.language);
  const layers = usePlanner((state) => state.contextLayers);
  const baseMap = usePlanner((state) => state.baseMap);
  const busy = usePlanner((state) => state.job !== null);
  const inputRef = useRef<HTMLInputElement>(null);
  const [settingOpen, setSettingOpen] = useState(false);
  const t = (key: ContextMessageKey, values?: Record<string, string | number>) =>
    contextText(language, key, values);
  const setting = baseMap?.setting ?? null;
  const current = !setting
    ? t('basemap.none')
    : setting.kind === 'tiles'
      ? t('basemap.current.tiles', { origin: setting.origin })
      : t('basemap.current.pmtiles', { file: setting.fileName });

  return (
    <div className="layer-list context-layer-list" data-testid="context-layers">
      <h2 className="layer-list-title" title={t('context.hint')}>
        {t('context.title')}
      </h2>
      {layers.length === 0 ? (
        <p className="context-empty">{t('context.empty')}</p>
      ) : (
        <ul className="legend-list legend-zones">
          {layers.map((layer) => (
            <li
              key={layer.id}
              className="legend-row"
              data-context-layer={layer.name}
              data-count={layer.data.features.length}
            >
              <input
                type="checkbox"
                checked={layer.visible}
                aria-label={t('context.show', { name: layer.name })}
                onChange={(event) =>
                  plannerStore.getState().setContextLayerVisible(layer.id, event.target.checked)
                }
              />
              <span className="legend-line legend-line-thick" style={{ borderColor: layer.color }} />
              <span className="legend-name" title={layer.fileName}>
                {layer.name}
              </span>
              <span className="legend-count">
                {t('context.count', { count: formatCount(language, layer.data.features.length) })}
              </span>
              <button
                type="button"
                className="layer-zoom"
                data-edit
                title={t('context.remove', { name: layer.name })}
                aria-label={t('context.remove', { name: layer.name })}
                onClick={() => {
                  if (window.confirm(t('context.removeConfirm', { name: layer.name })))
                    plannerStore.getState().removeContextLayer(layer.id);
                }}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="context-actions">
        <button
          type="button"
          disabled={busy}
          onClick={() => inputRef.current?.click()}
          data-edit
          data-testid="context-add"
        >
          {t('context.add')}
        </button>
        <button type="button" onClick={() => setSettingOpen(true)} data-testid="basemap-open">
          {t('basemap.button')}
        </button>
        <input
          ref={inputRef}
          type="file"
          multiple
          hidden
          accept={CONTEXT_FILE_TYPES}
          data-testid="context-file"
          onChange={(event) => {
            const files = [...(event.target.files ?? [])];
            event.target.value = '';
            importContextLayers(plannerStore, files);
          }}
        />
      </div>
      <p className="context-basemap" data-testid="basemap-current" title={current}>
        {current}
      </p>
      {baseMap?.problem && (
        <p className="context-basemap-problem" role="status">
          {language === 'zh-CN' ? baseMap.problem.zh : baseMap.problem.en}
        </p>
      )}
      {settingOpen && <BaseMapDialog onClose={() => setSettingOpen(false)} />}
    </div>
  );
}
