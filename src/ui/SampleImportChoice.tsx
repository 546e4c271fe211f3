import type { LayerKind } from '../core/types.ts';
import { formatCount, type Language, translate } from '../i18n/messages.ts';
import { layerName, layerNames, type SampleData, sampleLabelText } from '../state/select-sample-data.ts';

/** How a layer read in the import dialog goes into a plan that holds sample layers. */
export type ImportInto = 'plan' | 'new-plan';

/**
 * The other sample layers that would stay beside a real `kind` layer loaded into the plan, or null
 * when loading it leaves no sample data (or it is not a plan layer).
 */
export function sampleLayersKeptBeside(sample: SampleData | null, kind: string | null): LayerKind[] | null {
  if (!sample || (kind !== 'plots' && kind !== 'boundary' && kind !== 'control')) return null;
  const others = sample.kinds.filter((other) => other !== kind);
  return others.length > 0 ? others : null;
}

/**
 * The import dialog's question while sample layers are in the plan, asked before anything is
 * loaded: a new plan with this layer alone, or this layer in place of the sample's (the sample's
 * other layers stay, and it says that they are invented and labelled so everywhere).
 */
export function SampleImportChoice({
  kind,
  kept,
  fileName,
  validCount,
  skipped,
  busy,
  language,
  onChoose,
}: {
  kind: LayerKind;
  kept: readonly LayerKind[];
  fileName: string;
  validCount: number;
  skipped: number;
  busy: boolean;
  language: Language;
  onChoose: (into: ImportInto) => void;
}) {
  const t = (key: Parameters<typeof translate>[1], values?: Record<string, string | number>) =>
    translate(language, key, values);
  const kindName = layerName(language, kind);
  const label = sampleLabelText(language, { kinds: [...kept], mixed: true });
  return (
    <fieldset className="import-into-sample" data-testid="import-into-sample">
      <legend>
        {t('import.sample.question', {
          file: fileName,
          kind: kindName,
          count: formatCount(language, validCount),
        })}
        {skipped > 0 && t('import.sample.skipped', { skipped: formatCount(language, skipped) })}
      </legend>
      <div className="import-into-option">
        <button
          type="button"
          className="primary"
          disabled={busy}
          data-testid="import-accept-new-plan"
          onClick={() => onChoose('new-plan')}
        >
          {t('import.sample.newPlan')}
        </button>
        <span className="import-hint">{t('import.sample.newPlanHint')}</span>
      </div>
      <div className="import-into-option">
        <button
          type="button"
          disabled={busy}
          data-testid="import-accept"
          data-into="replace"
          onClick={() => onChoose('plan')}
        >
          {t('import.sample.replace', { kind: kindName })}
        </button>
        <span className="import-hint" data-testid="import-into-kept">
          {t('import.sample.replaceHint', { others: layerNames(language, kept), label })}
        </span>
      </div>
    </fieldset>
  );
}
