import { useState } from 'react';
import type { Message } from '../core/types.ts';
import { type MapMessageKey, mapText } from '../i18n/map-messages.ts';
import { usePlanner } from '../state/store.ts';
import { pick } from './format.ts';
import './map-fallback.css';

const WHAT_TO_DO: readonly MapMessageKey[] = [
  'map.none.todo.acceleration',
  'map.none.todo.browser',
  'map.none.todo.computer',
];

/**
 * What stands in the map's place when it cannot be drawn: why (`problem`, the store's mapProblem),
 * what to do about it, and that everything else works. Over the simple flat map it can be folded
 * away to its title.
 */
export function MapUnavailable({ problem, foldable = false }: { problem: Message; foldable?: boolean }) {
  const language = usePlanner((state) => state.language);
  const [folded, setFolded] = useState(false);
  const t = (key: MapMessageKey) => mapText(language, key);
  return (
    <section className="map-unavailable" role="alert" data-testid="map-unavailable" data-folded={folded}>
      <h2 className="map-unavailable-title">{pick(language, problem)}</h2>
      {folded ? (
        <button type="button" className="map-unavailable-toggle" onClick={() => setFolded(false)}>
          {t('map.none.show')}
        </button>
      ) : (
        <>
          <p>{t('map.none.why')}</p>
          <p className="map-unavailable-todo">{t('map.none.todo')}</p>
          <ul>
            {WHAT_TO_DO.map((key) => (
              <li key={key}>{t(key)}</li>
            ))}
          </ul>
          <p>{t('map.none.works')}</p>
          {foldable && (
            <>
              <p className="map-unavailable-note">{t('map.fallback.note')}</p>
              <button type="button" className="map-unavailable-toggle" onClick={() => setFolded(true)}>
                {t('map.none.hide')}
              </button>
            </>
          )}
        </>
      )}
    </section>
  );
}
