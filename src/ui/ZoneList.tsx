import { useState } from 'react';
import { parseNumberText } from '../core/parse-number-text.ts';
import type { ZoneCapacity } from '../core/scenario/indicators/scenario-figures.ts';
import { PLAN_YEARS, type PlanYear, type ReceivingZone } from '../core/scenario/scenario.ts';
import type { ZoneMeasures } from '../core/scenario/zone-measures.ts';
import { mapText } from '../i18n/map-messages.ts';
import type { Language } from '../i18n/messages.ts';
import { type ScenarioMessageKey, scenarioText } from '../i18n/scenario-messages.ts';
import { isEditableShape } from '../map/zone-editing.ts';
import {
  selectActiveIndicators,
  selectActiveScenario,
  selectZoneMeasures,
} from '../state/scenario-selectors.ts';
import { selectPlanTowns } from '../state/select-plan-towns.ts';
import { plannerStore, usePlanner } from '../state/store.ts';
import { CommitField } from './AssumptionsPanel.tsx';
import { formatInteger, formatM2, formatMu, pick } from './format.ts';

type Text = (key: ScenarioMessageKey, values?: Record<string, string | number>) => string;

const NO_MEASURES: Readonly<Record<string, ZoneMeasures>> = Object.freeze({});

/** Option value of "the town whose boundary holds most of the zone". */
const AUTO_TOWN = '';

/** Stores a changed zone; returns the problem as text, if any. */
function updateZone(zone: ReceivingZone, language: Language): string | undefined {
  const problem = plannerStore.getState().edit({ type: 'update-zone', zone });
  return problem ? pick(language, problem) : undefined;
}

/** The zone without its own town (the town then follows from the boundary). */
function withoutTown(zone: ReceivingZone): ReceivingZone {
  const { town: _town, ...rest } = zone;
  return rest;
}

function R2Verdict({ measures, t }: { measures: ZoneMeasures; t: Text }) {
  const { r2 } = measures;
  return (
    <span className={`scn-r2 scn-r2-${r2}`} data-r2={r2}>
      {t(`scn.zone.r2.${r2}`)}
    </span>
  );
}

interface ZoneRowProps {
  zone: ReceivingZone;
  measures: ZoneMeasures | undefined;
  capacity: ZoneCapacity | undefined;
  towns: readonly string[];
  year: PlanYear;
  language: Language;
  /** This zone's shape is being edited on the map. */
  editing: boolean;
  /** Something else (drawing, another zone's shape) is going on on the map. */
  mapBusy: boolean;
  onZoneClick?: (zoneId: string) => void;
}

/** The buttons that start, finish and cancel editing a zone's shape on the map, and why it failed. */
function ShapeEditing({
  zone,
  editing,
  mapBusy,
  language,
  t,
}: {
  zone: ReceivingZone;
  editing: boolean;
  mapBusy: boolean;
  language: Language;
  t: Text;
}) {
  const [problem, setProblem] = useState<string | null>(null);
  const noMap = usePlanner((state) => state.mapProblem !== null);
  if (!editing) {
    const editable = isEditableShape(zone.geometry);
    return (
      <div className="scn-row scn-row-wrap scn-zone-shape">
        <button
          type="button"
          className="scn-button scn-button-small"
          data-testid="zone-edit-shape"
          disabled={!editable || mapBusy || noMap}
          title={
            noMap
              ? mapText(language, 'map.needsMap')
              : !editable
                ? t('scn.zone.editShapeHoles')
                : mapBusy
                  ? t('scn.zone.editShapeBusy')
                  : undefined
          }
          onClick={() => {
            setProblem(null);
            plannerStore.getState().startZoneEdit(zone.id);
          }}
        >
          {t('scn.zone.editShape')}
        </button>
      </div>
    );
  }
  return (
    <div className="scn-zone-shape">
      <div className="scn-row scn-row-wrap">
        <button
          type="button"
          className="scn-button scn-button-small scn-button-primary"
          data-testid="zone-edit-done"
          onClick={() => {
            const refused = plannerStore.getState().finishZoneEdit();
            setProblem(refused ? pick(language, refused) : null);
          }}
        >
          {t('scn.zone.editDone')}
        </button>
        <button
          type="button"
          className="scn-button scn-button-small"
          data-testid="zone-edit-cancel"
          onClick={() => plannerStore.getState().setMapMode('browse')}
        >
          {t('scn.zone.editCancel')}
        </button>
      </div>
      <p className="scn-hint">{t('scn.zone.editHint')}</p>
      {problem && (
        <p className="scn-problem" role="alert" data-testid="zone-edit-problem">
          {problem}
        </p>
      )}
    </div>
  );
}

function ZoneRow({
  zone,
  measures,
  capacity,
  towns,
  year,
  language,
  editing,
  mapBusy,
  onZoneClick,
}: ZoneRowProps) {
  /** While the delete is being confirmed: how many relocations name this zone (they lose it). */
  const [confirming, setConfirming] = useState<{ relocated: number } | null>(null);
  const t: Text = (key, values) => scenarioText(language, key, values);
  const autoTown = measures && zone.town === undefined ? measures.town : '';
  return (
    <li
      className={`scn-zone${measures?.r2 === 'violation' ? ' scn-zone-violation' : ''}${editing ? ' scn-zone-editing' : ''}`}
      data-zone-id={zone.id}
      data-editing={editing || undefined}
      data-r2={measures?.r2}
    >
      <div className="scn-zone-head">
        <CommitField
          value={zone.name}
          label={t('scn.zone.name')}
          className="scn-zone-name"
          testId="zone-name"
          onCommit={(text) => {
            const name = text.trim();
            if (name === '') return t('scn.nameEmpty');
            return name === zone.name ? undefined : updateZone({ ...zone, name }, language);
          }}
        />
        {onZoneClick && (
          <button type="button" className="scn-button scn-button-small" onClick={() => onZoneClick(zone.id)}>
            {t('scn.zone.show')}
          </button>
        )}
        <button
          type="button"
          className="scn-button scn-button-small scn-button-danger"
          data-testid="zone-delete"
          onClick={() => {
            const actions = selectActiveScenario(plannerStore.getState())?.actions ?? {};
            const relocated = Object.values(actions).filter((entry) => entry.zoneId === zone.id).length;
            setConfirming({ relocated });
          }}
        >
          {t('scn.zone.delete')}
        </button>
      </div>
      {confirming && (
        <div className="scn-confirm" role="alertdialog" aria-label={t('scn.zone.delete')}>
          <span data-testid="zone-delete-question">
            {confirming.relocated > 0
              ? t('scn.zone.deleteConfirmRelocated', { name: zone.name, count: confirming.relocated })
              : t('scn.zone.deleteConfirm', { name: zone.name })}
          </span>
          <button
            type="button"
            className="scn-button scn-button-danger"
            data-testid="zone-delete-confirm"
            onClick={() => {
              setConfirming(null);
              plannerStore.getState().edit({ type: 'delete-zone', zoneId: zone.id });
            }}
          >
            {t('scn.delete')}
          </button>
          <button type="button" className="scn-button" onClick={() => setConfirming(null)}>
            {t('scn.cancel')}
          </button>
        </div>
      )}
      <ShapeEditing zone={zone} editing={editing} mapBusy={mapBusy} language={language} t={t} />
      <div className="scn-zone-fields">
        <span className="scn-inline">
          <span className="scn-label" aria-hidden="true">
            {t('scn.zone.far')}
          </span>
          <CommitField
            value={String(zone.far)}
            label={t('scn.zone.far')}
            inputMode="decimal"
            className="scn-input-short"
            testId="zone-far"
            onCommit={(text) => {
              const far = parseNumberText(text);
              if (far.kind !== 'number' || !(far.value > 0)) return t('scn.zone.farInvalid');
              return far.value === zone.far ? undefined : updateZone({ ...zone, far: far.value }, language);
            }}
          />
        </span>
        <label className="scn-inline">
          <span className="scn-label">{t('scn.zone.year')}</span>
          <select
            className="scn-select"
            data-testid="zone-year"
            value={zone.year}
            onChange={(event) =>
              updateZone({ ...zone, year: Number(event.target.value) as PlanYear }, language)
            }
          >
            {PLAN_YEARS.map((option) => (
              <option key={option} value={option}>
                {option}
              </option>
            ))}
          </select>
        </label>
        <label className="scn-inline">
          <span className="scn-label">{t('scn.zone.town')}</span>
          <select
            className="scn-select scn-select-town"
            data-testid="zone-town"
            value={zone.town ?? AUTO_TOWN}
            onChange={(event) => {
              const town = event.target.value;
              updateZone(town === AUTO_TOWN ? withoutTown(zone) : { ...zone, town }, language);
            }}
          >
            <option value={AUTO_TOWN}>
              {t('scn.zone.townAuto', { town: autoTown || t('scn.zone.townUnknown') })}
            </option>
            {zone.town !== undefined && !towns.includes(zone.town) && (
              <option value={zone.town}>{zone.town}</option>
            )}
            {towns.map((town) => (
              <option key={town} value={town}>
                {town}
              </option>
            ))}
          </select>
        </label>
      </div>
      {!measures ? (
        <p className="scn-sub">{t('scn.zone.measuring')}</p>
      ) : measures.problem ? (
        <p className="scn-problem">{t('scn.zone.problem', { problem: pick(language, measures.problem) })}</p>
      ) : (
        <>
          <dl className="scn-zone-measures">
            <div>
              <dt>{t('scn.zone.area')}</dt>
              <dd data-field="zoneAreaM2" data-value={measures.areaM2}>
                {formatMu(language, (measures.areaM2 * 15) / 10000)}
              </dd>
            </div>
            <div>
              <dt>{t('scn.zone.newLand')}</dt>
              <dd data-field="newLandMu" data-value={measures.newLandMu}>
                <strong>{formatMu(language, measures.newLandMu)}</strong>
              </dd>
            </div>
            <div>
              <dt>{t('scn.zone.overlap')}</dt>
              <dd data-field="overlapM2" data-value={measures.overlapM2}>
                {formatMu(language, (measures.overlapM2 * 15) / 10000)}
                {measures.overlappedPlots.length > 0 && (
                  <span className="scn-sub">
                    {' '}
                    ·{' '}
                    {t('scn.zone.overlapPlots', {
                      count: formatInteger(language, measures.overlappedPlots.length),
                    })}
                  </span>
                )}
              </dd>
            </div>
          </dl>
          <div className="scn-zone-verdicts">
            <R2Verdict measures={measures} t={t} />
            {measures.newLandOutsideBoundaryM2 > 0 && (
              <span className="scn-sub">
                {t('scn.zone.outsideBoundary', {
                  value: formatMu(language, (measures.newLandOutsideBoundaryM2 * 15) / 10000),
                })}
              </span>
            )}
            {measures.newLandOutsideControlM2 > 0 && (
              <span className="scn-sub">
                {t('scn.zone.outsideControl', {
                  value: formatMu(language, (measures.newLandOutsideControlM2 * 15) / 10000),
                })}
              </span>
            )}
          </div>
        </>
      )}
      {capacity && (
        <div
          className={`scn-zone-capacity${capacity.isShort ? ' scn-zone-short' : ''}`}
          data-field="capacity"
          data-short={capacity.isShort}
          data-demand={capacity.demandM2}
          data-supply={capacity.supplyM2}
        >
          <span className="scn-label">{t('scn.zone.capacity', { year })}</span>{' '}
          <span>{t('scn.zone.supply', { value: formatM2(language, capacity.supplyM2) })}</span>
          {' · '}
          <span>{t('scn.zone.demand', { value: formatM2(language, capacity.demandM2) })}</span>
          {' · '}
          {capacity.isShort ? (
            <strong className="scn-negative">
              {t('scn.zone.shortfall', { value: formatM2(language, capacity.shortfallM2) })}
            </strong>
          ) : (
            <span className="scn-ok">{t('scn.zone.enough')}</span>
          )}
        </div>
      )}
    </li>
  );
}

interface ZoneListProps {
  /** The year whose capacity figures are shown. */
  year: PlanYear;
  /** Called when the planner asks to see a zone (the map may zoom to it). */
  onZoneClick?: (zoneId: string) => void;
}

/**
 * The receiving zones (承接区块) of the active scenario: name, 容积率, year and town, editable; their
 * measures (new land, overlap with existing plots, R2 verdict) and capacity against the relocations
 * into them. New zones are drawn on the map.
 */
export function ZoneList({ year, onZoneClick }: ZoneListProps) {
  const language = usePlanner((state) => state.language);
  const scenario = usePlanner(selectActiveScenario);
  const indicators = usePlanner(selectActiveIndicators);
  const measures = usePlanner((state) => {
    const active = selectActiveScenario(state);
    return active ? selectZoneMeasures(state, active.id) : NO_MEASURES;
  });
  const towns = usePlanner(selectPlanTowns);
  const drawing = usePlanner((state) => state.mapMode === 'draw-zone');
  const noMap = usePlanner((state) => state.mapProblem !== null);
  const editingZoneId = usePlanner((state) => (state.mapMode === 'edit-zone' ? state.editingZoneId : null));
  const t: Text = (key, values) => scenarioText(language, key, values);
  if (!scenario) return null;
  const capacities = indicators?.byYear[year].capacity;
  return (
    <div className="scn-zones" data-testid="zone-list" data-count={scenario.zones.length}>
      <div className="scn-row">
        <button
          type="button"
          className="scn-button scn-button-primary"
          aria-pressed={drawing}
          disabled={noMap}
          title={noMap ? mapText(language, 'map.needsMap') : undefined}
          data-testid="draw-zone"
          onClick={() => plannerStore.getState().setMapMode(drawing ? 'browse' : 'draw-zone')}
        >
          {drawing ? t('scn.zone.drawing') : t('scn.zone.draw')}
        </button>
      </div>
      {drawing && <p className="scn-hint">{t('scn.zone.drawHint')}</p>}
      {scenario.zones.length === 0 ? (
        <p className="scn-sub">{t('scn.zone.none')}</p>
      ) : (
        <ul className="scn-zone-list">
          {scenario.zones.map((zone) => (
            <ZoneRow
              key={zone.id}
              zone={zone}
              measures={measures[zone.id]}
              capacity={capacities?.[zone.id]}
              towns={towns}
              year={year}
              language={language}
              editing={zone.id === editingZoneId}
              mapBusy={drawing || editingZoneId !== null}
              {...(onZoneClick ? { onZoneClick } : {})}
            />
          ))}
        </ul>
      )}
    </div>
  );
}
