import { type RefObject, useCallback, useRef, useState } from 'react';
import { LAYER_KINDS } from '../core/plan/layer-origins.ts';
import type { LayerKind } from '../core/types.ts';
import { chainText } from '../i18n/chain-messages.ts';
import { formatCount, type MessageKey, translate } from '../i18n/messages.ts';
import {
  backToSample,
  newEmptyPlan,
  removeLayer,
  replaceLayerFromFiles,
} from '../services/plan-menu-actions.ts';
import { layerName, layerOriginText } from '../state/select-sample-data.ts';
import { plannerStore, usePlanner } from '../state/store.ts';
import { ConfirmDialog } from './ConfirmDialog.tsx';
import { TownChainDialog } from './TownChainDialog.tsx';
import { useDismiss } from './use-dismiss.ts';
import './plan-menu.css';

/** The files the import reads (read-layer-files.ts). */
const ACCEPTED_LAYER_FILES = '.geojson,.json,.zip,.shp,.shx,.dbf,.prj,.cpg,.kml,.kmz';

/** A hidden picker of layer files (clicked through `inputRef`); `onFiles` gets what was picked, if anything. */
export function LayerFileInput({
  inputRef,
  testId,
  onFiles,
}: {
  inputRef: RefObject<HTMLInputElement | null>;
  testId: string;
  onFiles: (files: File[]) => void;
}) {
  return (
    <input
      ref={inputRef}
      type="file"
      multiple
      accept={ACCEPTED_LAYER_FILES}
      hidden
      data-testid={testId}
      onChange={(event) => {
        const files = [...(event.target.files ?? [])];
        // Cleared, so that picking the same files again is a change.
        event.target.value = '';
        if (files.length > 0) onFiles(files);
      }}
    />
  );
}

/**
 * The 规划 menu in the header: the plan's layers with where each came from, each to replace (from
 * files, through the import dialog) or remove; a new empty plan; back to the sample. What cannot be
 * undone is confirmed first, and a notice says what was done.
 */
export function PlanMenu() {
  const language = usePlanner((state) => state.language);
  const layers = usePlanner((state) => state.layers);
  const busy = usePlanner((state) => state.job !== null);
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState<{ message: string; run: () => Promise<unknown> } | null>(null);
  const [chainOpen, setChainOpen] = useState(false);
  const replacing = useRef<LayerKind>('plots');
  const root = useRef<HTMLDivElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const t = (key: MessageKey, values?: Record<string, string | number>) => translate(language, key, values);
  const closeMenu = useCallback(() => setOpen(false), []);
  useDismiss(open, root, closeMenu);

  const ask = (message: string, run: () => Promise<unknown>) => {
    setOpen(false);
    setPending({ message, run });
  };

  return (
    <div className="export-menu plan-menu" ref={root} data-testid="plan-menu">
      <button
        type="button"
        className="header-button"
        aria-haspopup="menu"
        aria-expanded={open}
        disabled={busy}
        title={t('plan.menu.title')}
        data-testid="plan-menu-button"
        onClick={() => setOpen(!open)}
      >
        {t('plan.menu')}
      </button>
      {open && (
        <div className="export-list plan-list" role="menu" aria-label={t('plan.menu.title')}>
          <div className="plan-list-heading">{t('plan.layers')}</div>
          {LAYER_KINDS.map((kind) => {
            const count = !layers ? 0 : kind === 'plots' ? layers.plots.count : layers[kind].features.length;
            const name = layerName(language, kind);
            const origin =
              count === 0
                ? t('layers.origin.empty')
                : (layerOriginText(language, layers?.origins?.[kind]) ?? t('layers.origin.unknown'));
            return (
              <div key={kind} className="plan-layer" data-layer={kind}>
                <div className="plan-layer-name">
                  {name}
                  <span className="plan-layer-origin" data-testid={`plan-origin-${kind}`}>
                    {origin}
                  </span>
                </div>
                <button
                  type="button"
                  role="menuitem"
                  className="export-item"
                  data-testid={`plan-replace-${kind}`}
                  onClick={() => {
                    setOpen(false);
                    replacing.current = kind;
                    fileInput.current?.click();
                  }}
                >
                  {t('plan.replace', { layer: name })}
                </button>
                <button
                  type="button"
                  role="menuitem"
                  className="export-item"
                  disabled={count === 0}
                  data-testid={`plan-remove-${kind}`}
                  onClick={() =>
                    ask(t('plan.confirm.remove', { layer: name, count: formatCount(language, count) }), () =>
                      removeLayer(plannerStore, kind),
                    )
                  }
                >
                  {t('plan.remove', { layer: name })}
                </button>
              </div>
            );
          })}
          <button
            type="button"
            role="menuitem"
            className="export-item plan-item-whole"
            data-testid="plan-new"
            onClick={() => ask(t('plan.confirm.new'), () => newEmptyPlan(plannerStore))}
          >
            {t('plan.new')}
          </button>
          <button
            type="button"
            role="menuitem"
            className="export-item"
            data-testid="plan-sample"
            onClick={() => ask(t('plan.confirm.sample'), () => backToSample(plannerStore))}
          >
            {t('plan.sample')}
          </button>
          <button
            type="button"
            role="menuitem"
            className="export-item plan-item-whole"
            disabled={!layers}
            data-testid="plan-town-chain"
            onClick={() => {
              setOpen(false);
              setChainOpen(true);
            }}
          >
            {chainText(language, 'chain.menu')}
          </button>
        </div>
      )}
      {chainOpen && <TownChainDialog onClose={() => setChainOpen(false)} />}
      <LayerFileInput
        inputRef={fileInput}
        testId="plan-replace-input"
        onFiles={(files) => replaceLayerFromFiles(plannerStore, replacing.current, files)}
      />
      {pending && (
        <ConfirmDialog
          message={pending.message}
          language={language}
          onCancel={() => setPending(null)}
          onConfirm={() => {
            const { run } = pending;
            setPending(null);
            run();
          }}
        />
      )}
    </div>
  );
}
