/**
 * Seeded, county-like analysed plans for the plan suggestion's tests and benchmark: plot rows with
 * realistic ranges (area, status, tax, floor area, firms, rent), towns, one receiving zone per town
 * and targets that are reachable (or, with `reachable: false`, beyond what the zones and the land allow).
 */

import { mulberry32 } from '../../scripts/lib/prng.ts';
import type { PlotRow } from '../../src/core/analysis/analyze-plan.ts';
import { M2_PER_MU } from '../../src/core/geometry/ellipsoidal-area.ts';
import { createScenario, type PlanYear } from '../../src/core/scenario/scenario.ts';
import type { ZoneMeasures } from '../../src/core/scenario/zone-measures.ts';
import type { SuggestInput } from '../../src/core/suggest/suggest-scenario.ts';
import { defaultPlanningSettings } from '../../src/core/suggest/suggest-settings.ts';
import type { PlotStatus } from '../../src/core/types.ts';
import { plotRow, zoneMeasures } from '../fixtures/plot-rows.ts';

export interface SuggestPlanOptions {
  plots: number;
  seed?: number;
  towns?: number;
  /** false: targets beyond what the land and the zones allow. */
  reachable?: boolean;
}

const SQUARE = {
  type: 'Polygon' as const,
  coordinates: [
    [
      [121.2, 30.2],
      [121.201, 30.2],
      [121.201, 30.201],
      [121.2, 30.2],
    ],
  ],
};

/** A seeded plan ready for suggestScenario. */
export function suggestPlan(options: SuggestPlanOptions): SuggestInput {
  const next = mulberry32(options.seed ?? 1);
  const townCount = options.towns ?? Math.max(2, Math.min(24, Math.round(options.plots / 500)));
  const towns = Array.from({ length: townCount }, (_, t) => `镇${String(t + 1).padStart(2, '0')}`);
  const rows: PlotRow[] = [];
  let totalMu = 0;
  let controlMu = 0;
  const relocatableFloorByTown = new Float64Array(townCount);
  const releasableMuByTown = new Float64Array(townCount);
  for (let i = 0; i < options.plots; i++) {
    const t = Math.floor(next() * townCount);
    const areaMu = Math.round((2 + 40 * next() ** 2) * 100) / 100;
    const draw = next();
    const status: PlotStatus =
      draw < 0.45 ? 'control' : draw < 0.75 ? 'boundary' : draw < 0.85 ? 'crossing' : 'outside';
    const inControlMu = status === 'control' ? areaMu : status === 'crossing' ? areaMu * next() * 0.5 : 0;
    const taxPerMu = Math.exp(Math.log(6) + 0.9 * (next() * 2 - 1) * 1.5);
    const hasFirms = next() > 0.15;
    const firms = hasFirms ? 1 + Math.floor(next() * 8) : 0;
    const floorAreaM2 = Math.round(areaMu * M2_PER_MU * (0.4 + next()));
    rows.push(
      plotRow(i, `P${String(i + 1).padStart(6, '0')}`, towns[t] as string, areaMu, status, inControlMu, {
        taxWan: hasFirms ? Math.round(taxPerMu * areaMu * 10) / 10 : 0,
        floorAreaM2,
        firms,
        rentWan: Math.round(areaMu * (0.1 + 0.4 * next()) * 10) / 10,
        ...(next() < 0.05 ? { safetyRisk: true } : {}),
        ...(next() < 0.05 ? { pollution: true } : {}),
      }),
    );
    totalMu += areaMu;
    controlMu += inControlMu;
    if (status !== 'control') {
      relocatableFloorByTown[t] = (relocatableFloorByTown[t] as number) + floorAreaM2;
      releasableMuByTown[t] = (releasableMuByTown[t] as number) + areaMu;
    }
  }
  const base = createScenario('base', '基础方案');
  const measures: Record<string, ZoneMeasures> = {};
  towns.forEach((town, t) => {
    // Room for about a third of the town's relocatable floor area, on a quarter of the quota it can release.
    const newLandMu = Math.max(1, 0.2 * (releasableMuByTown[t] as number));
    const far = Math.max(0.5, (0.35 * (relocatableFloorByTown[t] as number)) / (newLandMu * M2_PER_MU));
    const id = `Z${t + 1}`;
    base.zones.push({
      id,
      name: `${town}承接区块`,
      far,
      year: (2023 + (t % 3)) as PlanYear,
      town,
      geometry: SQUARE,
    });
    measures[id] = zoneMeasures(id, town, newLandMu, newLandMu);
  });
  const planning = defaultPlanningSettings();
  const reachable = options.reachable ?? true;
  const share = controlMu / totalMu;
  planning.targets.controlShare.value = reachable ? Math.min(0.8, share + 0.08) : 0.97;
  planning.targets.renovatedMu.value = (reachable ? 0.3 : 0.99) * totalMu;
  planning.targets.newAboveScaleFirms.value = (reachable ? 0.0015 : 0.01) * totalMu;
  planning.targets.renovatedTaxPerMu.value = 15;
  planning.suggestion.transferLimitMu = 0.02 * totalMu;
  return { rows, zoneMeasures: measures, base, planning };
}
