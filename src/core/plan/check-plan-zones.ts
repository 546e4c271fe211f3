/**
 * Receiving zones of a plan file pass the checks an imported zone layer passes (`validateLayer` as a
 * control-zone layer, then `repairFeature`): a zone with an error (a bow-tie, a vertex out of range)
 * is left out with a warning, a repairable one is repaired with a warning saying what changed.
 */
import { featureLabel } from '../io/describe-feature.ts';
import { repairFeature } from '../io/repair-feature.ts';
import { validateLayer } from '../io/validate-layer.ts';
import type { ReceivingZone } from '../scenario/scenario.ts';
import type { AreaGeometry, Feature, Message } from '../types.ts';
import { childPath } from './plan-problems.ts';
import type { PlanReader } from './plan-reader.ts';

/** A problem's message without the feature label `validateLayer` put in front of it. */
function withoutLabel(message: Message, label: Message): Message {
  return {
    zh: message.zh.startsWith(label.zh) ? message.zh.slice(label.zh.length) : `：${message.zh}`,
    en: message.en.startsWith(label.en) ? message.en.slice(label.en.length) : `: ${message.en}`,
  };
}

/**
 * The zones that pass the checks, repaired; warnings for the others and for every repair.
 * @param zones the scenario's zones as read
 * @param path the JSON path of the scenario's `zones`
 * @param scenarioName named in the messages
 */
export function checkPlanZones(
  reader: PlanReader,
  zones: ReceivingZone[],
  path: string,
  scenarioName: string,
): ReceivingZone[] {
  if (zones.length === 0) return zones;
  const features: Feature[] = zones.map((zone) => ({
    type: 'Feature',
    id: zone.id,
    properties: { id: zone.id },
    geometry: zone.geometry,
  }));
  const { valid, problems } = validateLayer({ type: 'FeatureCollection', features }, 'control', {
    fileName: reader.fileName,
  });
  const usable = new Set(valid);
  for (const problem of problems) {
    const zone = zones[problem.featureIndex];
    if (!zone) continue;
    const label = featureLabel(problem.featureIndex, zone.id);
    const what = withoutLabel(problem.message, label);
    const dropped = !usable.has(problem.featureIndex);
    const then = dropped
      ? {
          zh: '；该区块已略去，请在 GIS 软件中修复后重新导入',
          en: '; the zone was left out: repair it in GIS software and import it again.',
        }
      : { zh: '', en: '' };
    reader.warn(dropped ? 'dropped-part' : 'repaired-part', childPath(path, problem.featureIndex), {
      zh: `方案文件 ${reader.fileName} 中方案“${scenarioName}”的承接区块“${zone.name}”（${zone.id}）${what.zh}${then.zh}`,
      en: `Plan file ${reader.fileName}, scenario "${scenarioName}", receiving zone "${zone.name}" (${zone.id})${what.en}${then.en}`,
    });
  }
  const kept: ReceivingZone[] = [];
  zones.forEach((zone, index) => {
    if (!usable.has(index)) return;
    const geometry = repairFeature(features[index] as Feature<unknown, unknown>).geometry as AreaGeometry;
    kept.push(geometry === zone.geometry ? zone : { ...zone, geometry });
  });
  return kept;
}
