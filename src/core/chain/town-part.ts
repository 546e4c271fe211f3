/**
 * Town submissions (镇街上报), the split: one plan file per town of a city plan, holding the town's
 * plots (the whole boundary and control layers, so that its plots and zones get the same towns and R2
 * verdicts as in the city plan), and per scenario its action entries, its receiving zones, the
 * transfers from or to it and its direct quota. Each part records where it came from (`derivedFrom`,
 * docs/plan-file.md): the city plan's fingerprint and the fingerprints of the town's part then, which
 * the merge (merge-town-parts.ts) compares with the city plan as it is.
 */

import { assignTowns } from '../analysis/assign-towns.ts';
import { plotIdOf } from '../analysis/classify-plots.ts';
import type { DerivedFrom, ScenarioBase } from '../plan/derived-from.ts';
import type { CommentTarget } from '../plan/plan-comments.ts';
import type { PlanFile } from '../plan/plan-file.ts';
import { fingerprintOf, planFingerprint } from '../plan/plan-fingerprint.ts';
import type { ReceivingZone, Scenario } from '../scenario/scenario.ts';
import { zoneTown } from '../scenario/zone-measures.ts';
import type { Feature, FeatureCollection } from '../types.ts';

/** The towns of a plan's plots and zones, as its figures count them. */
export interface PlanTowns {
  /** Per plot (in layer order): its id and town ('' when none could be found). */
  plots: { id: string; town: string }[];
  /** Per scenario id: per zone id, the town whose quota it uses ('' when none). */
  zones: Map<string, Map<string, string>>;
}

/** The town of every plot and zone of `plan` (the plot's `town`, else the boundary holding most of it, …). */
export function planTowns(plan: Pick<PlanFile, 'layers' | 'scenarios'>): PlanTowns {
  const towns = assignTowns(plan.layers.plots, plan.layers.boundary);
  const plots = plan.layers.plots.features.map((feature, index) => ({
    id: plotIdOf(feature as Feature, index),
    town: towns[index]?.town ?? '',
  }));
  const zones = new Map<string, Map<string, string>>();
  for (const scenario of plan.scenarios)
    zones.set(
      scenario.id,
      new Map(scenario.zones.map((zone) => [zone.id, zoneTown(zone, plan.layers.boundary).town])),
    );
  return { plots, zones };
}

/** Every town a plan names: of its plots, zones, transfers and direct quota, sorted as Chinese text. */
export function townsOf(plan: Pick<PlanFile, 'scenarios'>, towns: PlanTowns): string[] {
  const names = new Set<string>();
  for (const plot of towns.plots) names.add(plot.town);
  for (const zones of towns.zones.values()) for (const town of zones.values()) names.add(town);
  for (const scenario of plan.scenarios) {
    for (const transfer of scenario.transfers) names.add(transfer.from).add(transfer.to);
    for (const quota of scenario.directQuota) names.add(quota.town);
  }
  names.delete('');
  return [...names].sort((a, b) => a.localeCompare(b, 'zh-CN'));
}

/** `{ id: fingerprint }` of items. */
function prints<T>(items: readonly T[], idOf: (item: T) => string): Record<string, string> {
  return Object.fromEntries(items.map((item) => [idOf(item), fingerprintOf(item)]));
}

/** One scenario's part of the town: its plots' entries, its zones, its transfers and direct quota. */
export function townScenario(
  scenario: Scenario,
  town: string,
  plotIds: ReadonlySet<string>,
  zoneTowns: ReadonlyMap<string, string>,
): Scenario {
  return {
    ...scenario,
    actions: Object.fromEntries(Object.entries(scenario.actions).filter(([plotId]) => plotIds.has(plotId))),
    zones: scenario.zones.filter((zone: ReceivingZone) => zoneTowns.get(zone.id) === town),
    transfers: scenario.transfers.filter((transfer) => transfer.from === town || transfer.to === town),
    directQuota: scenario.directQuota.filter((quota) => quota.town === town),
  };
}

/** The fingerprints of one scenario's part of the town (derivedFrom.base.scenarios[]). */
export function scenarioBase(part: Scenario): ScenarioBase {
  return {
    id: part.id,
    actions: Object.fromEntries(
      Object.entries(part.actions).map(([plotId, entry]) => [plotId, fingerprintOf(entry)]),
    ),
    zones: prints(part.zones, (zone) => zone.id),
    transfers: prints(part.transfers, (transfer) => transfer.id),
    directQuota: prints(part.directQuota, (quota) => quota.id),
  };
}

/**
 * One town's part of a city plan, as a plan file of its own with `derivedFrom` set.
 * @param city the city plan
 * @param town the town's name as the plan uses it
 * @param towns planTowns(city)
 * @param madeAt ISO 8601 date-time of the split
 */
export function townPart(city: PlanFile, town: string, towns: PlanTowns, madeAt: string): PlanFile {
  const features: Feature[] = [];
  const plotPrints: Record<string, string> = {};
  city.layers.plots.features.forEach((feature, index) => {
    const plot = towns.plots[index];
    if (!plot || plot.town !== town) return;
    plotPrints[plot.id] = fingerprintOf(feature);
    // A plot known by its place in the city's layer (#12) keeps that id in the part.
    const named = feature.properties?.id ?? feature.id;
    features.push(
      named === undefined || named === null || named === '' ? { ...feature, id: plot.id } : feature,
    );
  });
  const plotIds = new Set(Object.keys(plotPrints));
  const scenarios = city.scenarios.map((scenario) =>
    townScenario(scenario, town, plotIds, towns.zones.get(scenario.id) ?? new Map()),
  );
  const derivedFrom: DerivedFrom = {
    kind: 'town-part',
    town,
    madeAt,
    cityPlan: { name: city.name, fingerprint: planFingerprint(city) },
    base: { plots: plotPrints, scenarios: scenarios.map(scenarioBase) },
  };
  const plots: FeatureCollection = { type: 'FeatureCollection', features };
  const zoneIds = new Set(scenarios.flatMap((scenario) => scenario.zones.map((zone) => zone.id)));
  const scenarioZones = new Set(
    scenarios.flatMap((scenario) => scenario.zones.map((zone) => `${scenario.id}\n${zone.id}`)),
  );
  const about = ({ kind, id, scenario }: CommentTarget): boolean => {
    if (kind === 'town') return id === town;
    if (kind === 'plot') return plotIds.has(id);
    if (kind === 'zone')
      return scenario === undefined ? zoneIds.has(id) : scenarioZones.has(`${scenario}\n${id}`);
    return false;
  };
  const part: PlanFile = {
    format: city.format,
    version: city.version,
    name: `${city.name}（${town}）`,
    createdAt: madeAt,
    settings: city.settings,
    layers: { ...city.layers, plots },
    scenarios,
    activeScenarioId: city.activeScenarioId,
    // The comments on the town, its plots and its zones go with it.
    comments: city.comments.filter((comment) => about(comment.target)),
    derivedFrom,
  };
  if (city.view) part.view = city.view;
  if (city.layerOrigins) part.layerOrigins = city.layerOrigins;
  return part;
}

/**
 * Splits a city plan into one part per town that has plots, zones, transfers or direct quota.
 * @returns the parts in town order (sorted as Chinese text)
 */
export function splitCityPlan(city: PlanFile, madeAt: string): { town: string; plan: PlanFile }[] {
  const towns = planTowns(city);
  return townsOf(city, towns).map((town) => ({ town, plan: townPart(city, town, towns, madeAt) }));
}
