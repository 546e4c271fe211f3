import { type CSSProperties, useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { AREA_METHOD } from '../core/settings.ts';
import { dayOf } from '../export/export-text.ts';
import { type ExportableMap, renderMapPng } from '../export/map-png.ts';
import {
  applyPageRule,
  contentSizeMm,
  PAGE_MARGIN_MM,
  PAPERS,
  type Paper,
  paperId,
  paperSizeMm,
} from '../export/paper.ts';
import { selectReportModel } from '../export/report-model.ts';
import { mapAttribution } from '../i18n/messages.ts';
import { type ReportMessageKey, reportText } from '../i18n/report-messages.ts';
import { selectActiveScenario } from '../state/scenario-selectors.ts';
import { selectPlanCredits, selectSampleLabel } from '../state/select-sample-data.ts';
import { plannerStore, usePlanner } from '../state/store.ts';
import { labelColon } from './format.ts';
import { ReportLedger, ReportTargets, ReportTowns } from './ReportTables.tsx';
import { YearChart } from './YearChart.tsx';
import './report.css';

type MapImage =
  | { status: 'none' }
  | { status: 'drawing' }
  | { status: 'loading'; url: string }
  | { status: 'ready'; url: string }
  | { status: 'failed'; message: string };

/**
 * Drawing the map for print changes its pixel ratio and sets it back: two drawings at once would set
 * back each other's ratio, so they run one after the other.
 */
let drawing: Promise<unknown> = Promise.resolve();

function drawMap(map: ExportableMap): Promise<Blob> {
  const next = drawing.then(() => renderMapPng(map, plannerStore.getState(), { print: true }));
  drawing = next.catch(() => undefined);
  return next;
}

/**
 * The map as the PNG export draws it at print resolution, redrawn when the language or the scenario
 * changes; and a callback for the <img> that shows it, to say it is loaded.
 */
function useMapImage(map: ExportableMap | null): [MapImage, (url: string) => void] {
  const language = usePlanner((state) => state.language);
  const scenario = usePlanner(selectActiveScenario);
  const [image, setImage] = useState<MapImage>(map ? { status: 'drawing' } : { status: 'none' });
  // biome-ignore lint/correctness/useExhaustiveDependencies: the legend's language and the scenario are read from the store by the drawing
  useEffect(() => {
    if (!map) {
      setImage({ status: 'none' });
      return;
    }
    let cancelled = false;
    let url: string | null = null;
    setImage({ status: 'drawing' });
    drawMap(map).then(
      (blob) => {
        if (cancelled) return;
        url = URL.createObjectURL(blob);
        setImage({ status: 'loading', url });
      },
      (error: unknown) => {
        if (!cancelled) setImage({ status: 'failed', message: (error as Error).message });
      },
    );
    return () => {
      cancelled = true;
      if (url !== null) URL.revokeObjectURL(url);
    };
  }, [map, language, scenario]);
  const onLoaded = (url: string) =>
    setImage((shown) => (shown.status === 'loading' && shown.url === url ? { status: 'ready', url } : shown));
  return [image, onLoaded];
}

/**
 * The printable report (打印报告) over the whole page: paper chooser, Print and Close, and a preview of
 * the report on the chosen paper. Printed (or saved as PDF by the browser), only the report shows,
 * on the paper chosen (@page). Loaded with a dynamic import when first opened.
 */
export function ReportView({ map, onClose }: { map: ExportableMap | null; onClose: () => void }) {
  const language = usePlanner((state) => state.language);
  const model = usePlanner(selectReportModel);
  const planName = usePlanner((state) => state.planName);
  const label = usePlanner(selectSampleLabel);
  const credits = usePlanner(selectPlanCredits);
  const mapProblem = usePlanner((state) => state.mapProblem);
  const [paper, setPaper] = useState<Paper>(PAPERS[0] as Paper);
  const [date] = useState(() => dayOf(new Date()));
  const [image, onMapLoaded] = useMapImage(map);
  const dialog = useRef<HTMLDivElement>(null);
  const t = (key: ReportMessageKey, values?: Record<string, string | number>) =>
    reportText(language, key, values);

  useEffect(() => applyPageRule(document, paper), [paper]);

  useEffect(() => {
    dialog.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onClose();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onClose]);

  const isReady = image.status === 'ready' || image.status === 'failed' || image.status === 'none';
  const sheet = paperSizeMm(paper);
  const content = contentSizeMm(paper);
  const sheetStyle = {
    '--report-sheet-width': `${sheet.width}mm`,
    '--report-sheet-min-height': `${sheet.height}mm`,
    '--report-content-height': `${content.height}mm`,
    '--report-padding': `${PAGE_MARGIN_MM.top}mm ${PAGE_MARGIN_MM.right}mm ${PAGE_MARGIN_MM.bottom}mm ${PAGE_MARGIN_MM.left}mm`,
  } as CSSProperties;

  return createPortal(
    <div
      className="report-root"
      role="dialog"
      aria-modal="true"
      aria-label={t('report.dialog')}
      lang={language}
      tabIndex={-1}
      ref={dialog}
      data-testid="report"
      data-paper={paperId(paper)}
      data-size={paper.size}
      data-orientation={paper.orientation}
      data-ready={isReady}
    >
      <div className="report-toolbar">
        <fieldset className="report-papers">
          <legend>{t('report.paper')}</legend>
          {PAPERS.map((option) => (
            <button
              key={paperId(option)}
              type="button"
              className="report-button"
              aria-pressed={paperId(option) === paperId(paper)}
              data-testid={`report-paper-${paperId(option)}`}
              onClick={() => setPaper(option)}
            >
              {t(`report.paper.${option.size}.${option.orientation}`)}
            </button>
          ))}
        </fieldset>
        <span className="report-toolbar-hint">{isReady ? t('report.hint') : t('report.preparing')}</span>
        <button
          type="button"
          className="report-button"
          lang={language === 'zh-CN' ? 'en' : 'zh-CN'}
          onClick={() => plannerStore.getState().setLanguage(language === 'zh-CN' ? 'en' : 'zh-CN')}
        >
          {t('report.language')}
        </button>
        <button
          type="button"
          className="report-button report-primary"
          disabled={!isReady}
          data-testid="report-print"
          onClick={() => window.print()}
        >
          {t('report.print')}
        </button>
        <button type="button" className="report-button" data-testid="report-close" onClick={onClose}>
          {t('report.close')}
        </button>
      </div>

      <article className="report-sheet" style={sheetStyle}>
        <header className="report-title-block">
          <h1 className="report-title">
            {t('report.title')}
            {label !== null && (
              <span className="report-label" data-testid="report-label">
                {label}
              </span>
            )}
          </h1>
          <dl className="report-facts">
            <div>
              <dt>{t('report.plan')}</dt>
              <dd>{planName}</dd>
            </div>
            <div>
              <dt>{t('report.scenario')}</dt>
              <dd data-testid="report-scenario">{model?.scenarioName ?? '—'}</dd>
            </div>
            <div>
              <dt>{t('report.date')}</dt>
              <dd>{date}</dd>
            </div>
          </dl>
          <p className="report-note">{language === 'en' ? AREA_METHOD.en : AREA_METHOD.zh}</p>
          <p className="report-note">{t('report.assumptions')}</p>
        </header>

        {model && (
          <>
            <section className="report-section report-keep">
              <h2>{t('report.section.targets')}</h2>
              <ReportTargets model={model} language={language} />
            </section>

            <section className="report-section report-keep report-chart" data-testid="report-chart">
              <h2>{t('report.section.chart')}</h2>
              <YearChart />
            </section>

            <section className="report-section report-keep report-map" data-testid="report-map">
              <h2>{t('report.section.map')}</h2>
              {(image.status === 'loading' || image.status === 'ready') && (
                <img
                  className="report-map-image"
                  src={image.url}
                  alt={t('report.section.map')}
                  data-testid="report-map-image"
                  onLoad={() => onMapLoaded(image.url)}
                />
              )}
              {image.status === 'drawing' && <p className="report-note">{t('report.preparing')}</p>}
              {image.status === 'none' && (
                <p className="report-note" data-testid="report-map-note">
                  {t(mapProblem ? 'report.map.unavailable' : 'report.map.none')}
                </p>
              )}
              {image.status === 'failed' && (
                <p className="report-note">{t('report.map.failed', { message: image.message })}</p>
              )}
            </section>

            <section className="report-section">
              <h2>{t('report.section.ledger')}</h2>
              <ReportLedger model={model} language={language} />
              <p className="report-note">{t('report.ledger.note')}</p>
            </section>

            <section className="report-section">
              <h2>{t('report.section.towns')}</h2>
              <ReportTowns model={model} language={language} />
              <p className="report-note">{t('report.towns.note')}</p>
            </section>
          </>
        )}

        <footer className="report-section report-keep report-credits">
          <h2>{t('report.section.notes')}</h2>
          <p className="report-note">{language === 'en' ? AREA_METHOD.en : AREA_METHOD.zh}</p>
          <p className="report-note" data-testid="report-credits">
            {t('report.credits')}
            {labelColon(language)}
            {mapAttribution(language, credits)}
          </p>
        </footer>
      </article>
    </div>,
    document.body,
  );
}
