/**
 * The plan menu's actions: a new empty plan, a layer removed, a layer replaced from files, back to
 * the sample. Each changes the plan only when its job succeeds and then says what it did; the menu
 * asks for confirmation first (none of them is an undo step: they change layers, not scenarios).
 */

import { LAYER_KINDS } from '../core/plan/layer-origins.ts';
import type { LayerKind, Message } from '../core/types.ts';
import { type Language, translate } from '../i18n/messages.ts';
import { layerName } from '../state/select-sample-data.ts';
import type { PlannerStore } from '../state/store.ts';
import { importFiles } from './import-files.ts';
import { emptyPlanLayers, openPlan, previewSource, startAfresh } from './plan-jobs.ts';

type Key = Parameters<typeof translate>[1];

function bothLanguages(
  key: Key,
  values: (language: Language) => Record<string, string> = () => ({}),
): Message {
  return { zh: translate('zh-CN', key, values('zh-CN')), en: translate('en', key, values('en')) };
}

/** Empties every layer and starts the scenarios, slides and name afresh. */
export async function newEmptyPlan(store: PlannerStore): Promise<boolean> {
  if (!(await emptyPlanLayers(store, [...LAYER_KINDS]))) return false;
  startAfresh(store);
  // Not a plain confirmation: it says what to do next, so it stays until read.
  store.getState().setNotice({ kind: 'info', message: bothLanguages('plan.done.new') });
  return true;
}

/** Opens the bundled sample plan again, its scenarios, slides and name afresh. */
export async function backToSample(store: PlannerStore): Promise<boolean> {
  const { loadSamplePlan } = await import('../bundled/sample-plan.ts');
  if (!(await openPlan(store, loadSamplePlan()))) return false;
  startAfresh(store);
  store.getState().setNotice({ kind: 'done', message: bothLanguages('plan.done.sample') });
  return true;
}

/** Empties one layer (scenarios and slides stay) and classifies the plots again. */
export async function removeLayer(store: PlannerStore, kind: LayerKind): Promise<boolean> {
  if (!(await emptyPlanLayers(store, [kind]))) return false;
  store.getState().setNotice({
    kind: 'done',
    message: bothLanguages('plan.done.remove', (language) => ({ layer: layerName(language, kind) })),
  });
  return true;
}

/**
 * Reads `files` into the import dialog with each source previewed as the `kind` layer: loading one
 * there replaces that layer (the dialog asks first while sample layers remain).
 */
export async function replaceLayerFromFiles(
  store: PlannerStore,
  kind: LayerKind,
  files: readonly File[],
): Promise<void> {
  await importFiles(store, files);
  const session = store.getState().importSession;
  for (const preview of session?.previews ?? []) {
    if (preview.kind === kind) continue;
    const next = await previewSource(store, preview.sourceIndex, kind, preview.mapping, preview.crsChoice);
    if (next) store.getState().updatePreview(next);
  }
}
