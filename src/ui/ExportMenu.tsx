import { lazy, Suspense, useCallback, useRef, useState } from 'react';
import { type ExportMessageKey, exportText } from '../export/export-text.ts';
import { exportPlotsGeoJson } from '../export/geojson.ts';
import { type ExportableMap, exportMapPng } from '../export/map-png.ts';
import { exportTable } from '../export/tables.ts';
import { mapText } from '../i18n/map-messages.ts';
import { reportText } from '../i18n/report-messages.ts';
import { planPlotFeatures } from '../services/plan-jobs.ts';
import { exportReviewBundle } from '../services/review-bundle-export.ts';
import { plannerStore, usePlanner } from '../state/store.ts';
import { useDismiss } from './use-dismiss.ts';
import './export.css';

// The printable report is loaded when first opened: its code is a chunk of its own.
const ReportView = lazy(() => import('./ReportView.tsx').then((module) => ({ default: module.ReportView })));

interface ExportItem {
  testId: string;
  key: ExportMessageKey;
  needsMap?: boolean;
  run: (map: ExportableMap | null) => Promise<boolean> | boolean;
}

const ITEMS: readonly ExportItem[] = [
  {
    testId: 'export-png',
    key: 'export.png',
    needsMap: true,
    run: (map) => (map ? exportMapPng(map, plannerStore) : false),
  },
  {
    testId: 'export-png-print',
    key: 'export.pngPrint',
    needsMap: true,
    run: (map) => (map ? exportMapPng(map, plannerStore, { print: true }) : false),
  },
  { testId: 'export-csv', key: 'export.plotsCsv', run: () => exportTable(plannerStore, 'plots-csv') },
  { testId: 'export-xlsx', key: 'export.plotsXlsx', run: () => exportTable(plannerStore, 'plots-xlsx') },
  {
    testId: 'export-towns-xlsx',
    key: 'export.townsXlsx',
    run: () => exportTable(plannerStore, 'towns-xlsx'),
  },
  { testId: 'export-towns-csv', key: 'export.townsCsv', run: () => exportTable(plannerStore, 'towns-csv') },
  {
    testId: 'export-indicators-csv',
    key: 'export.indicatorsCsv',
    run: () => exportTable(plannerStore, 'indicators-csv'),
  },
  {
    testId: 'export-geojson',
    key: 'export.geojson',
    run: async () => {
      const plots = await planPlotFeatures(plannerStore);
      return plots ? exportPlotsGeoJson(plannerStore, plots) : false;
    },
  },
  { testId: 'export-review-bundle', key: 'export.reviewBundle', run: () => exportReviewBundle(plannerStore) },
];

/**
 * The 导出 button and its list: the map as PNG (screen, print), the tables as CSV/XLSX, the plots as
 * GeoJSON, the review bundle (审阅包).
 */
export function ExportMenu({ map }: { map: ExportableMap | null }) {
  const language = usePlanner((state) => state.language);
  const hasPlan = usePlanner((state) => state.analysis !== null);
  const jobRunning = usePlanner((state) => state.job !== null);
  const mapProblem = usePlanner((state) => state.mapProblem);
  const [open, setOpen] = useState(false);
  const [exporting, setExporting] = useState<string | null>(null);
  const [isReportOpen, setReportOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const t = (key: ExportMessageKey, values?: Record<string, string>) => exportText(language, key, values);

  const closeMenu = useCallback(() => setOpen(false), []);
  useDismiss(open, root, closeMenu);

  const closeReport = useCallback(() => setReportOpen(false), []);

  const run = async (item: ExportItem) => {
    setOpen(false);
    setExporting(item.testId);
    try {
      const done = await item.run(map);
      if (!done) {
        plannerStore.getState().setNotice({
          kind: 'error',
          message: { zh: exportText('zh-CN', 'export.noPlan'), en: exportText('en', 'export.noPlan') },
        });
      }
    } catch (error) {
      const message = (error as Error).message;
      plannerStore.getState().setNotice({
        kind: 'error',
        message: {
          zh: exportText('zh-CN', 'export.failed', { message }),
          en: exportText('en', 'export.failed', { message }),
        },
      });
    } finally {
      setExporting(null);
    }
  };

  return (
    <div className="export-menu" ref={root} data-testid="export-menu" data-exporting={exporting ?? undefined}>
      <button
        type="button"
        className="header-button"
        aria-haspopup="menu"
        aria-expanded={open}
        disabled={!hasPlan || jobRunning || exporting !== null}
        data-testid="export-button"
        onClick={() => setOpen(!open)}
      >
        {exporting ? t('export.busy') : t('export.button')}
      </button>
      {open && (
        <div className="export-list" role="menu" aria-label={t('export.menu')}>
          {ITEMS.map((item) => (
            <button
              key={item.testId}
              type="button"
              role="menuitem"
              className="export-item"
              data-testid={item.testId}
              disabled={item.needsMap === true && map === null}
              title={
                item.needsMap === true && map === null
                  ? mapProblem
                    ? mapText(language, 'map.needsMap')
                    : t('export.noMap')
                  : undefined
              }
              onClick={() => run(item)}
            >
              {t(item.key)}
            </button>
          ))}
          <button
            type="button"
            role="menuitem"
            className="export-item"
            data-testid="export-report"
            onClick={() => {
              setOpen(false);
              setReportOpen(true);
            }}
          >
            {reportText(language, 'report.menuItem')}
          </button>
        </div>
      )}
      {isReportOpen && (
        <Suspense fallback={null}>
          <ReportView map={map} onClose={closeReport} />
        </Suspense>
      )}
    </div>
  );
}
