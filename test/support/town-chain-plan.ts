/**
 * A hand-made city plan of three towns side by side (甲镇, 乙镇, 丙镇), for the tests of town
 * submissions (src/core/chain): three plots per town, a receiving zone in 甲镇 and in 乙镇, a transfer
 * from 甲镇 to 乙镇 and a direct quota of 丙镇, in two scenarios. Every figure is invented.
 */

import { PLAN_FORMAT, PLAN_VERSION, type PlanFile } from '../../src/core/plan/plan-file.ts';
import { createScenario, type ReceivingZone } from '../../src/core/scenario/scenario.ts';
import { DEFAULT_SETTINGS } from '../../src/core/settings.ts';
import { defaultPlanningSettings } from '../../src/core/suggest/suggest-settings.ts';
import type { AreaGeometry, Feature } from '../../src/core/types.ts';

export const TOWNS = ['甲镇', '乙镇', '丙镇'] as const;

/** A rectangle [west, south] to [east, north], WGS84 degrees. */
export function box(west: number, south: number, east: number, north: number): AreaGeometry {
  return {
    type: 'Polygon',
    coordinates: [
      [
        [west, south],
        [east, south],
        [east, north],
        [west, north],
        [west, south],
      ],
    ],
  };
}

/** The west edge of town t's boundary (each 0.03° wide). */
export const townWest = (t: number) => 121.2 + 0.03 * t;

function plot(t: number, p: number): Feature {
  const west = townWest(t) + 0.002 + 0.009 * p;
  return {
    type: 'Feature',
    geometry: box(west, 30.16, west + 0.003, 30.163),
    properties: {
      id: `${'ABC'[t]}-${p + 1}`,
      name: `${TOWNS[t]}地块${p + 1}`,
      town: TOWNS[t],
      firms: 3 + p,
      taxWan: 50 + 10 * p,
      floorAreaM2: 20000,
      rentWan: 10,
    },
  };
}

/** A zone of town t (its `town` left to the boundary). */
export function zoneIn(t: number, id: string, width = 0.002): ReceivingZone {
  const west = townWest(t) + 0.005;
  return {
    id,
    name: `${TOWNS[t]}承接区块`,
    far: 2,
    year: 2024,
    geometry: box(west, 30.2, west + width, 30.201),
  };
}

/** The city plan (version 3), fresh each call. */
export function townChainCity(): PlanFile {
  const first = createScenario('s1', '方案一');
  first.actions = {
    'A-1': { action: 'vacate', year: 2023 },
    'A-2': { action: 'relocate', year: 2024, zoneId: 'zone-a' },
    'B-1': { action: 'upgrade', year: 2025 },
    'B-2': { action: 'vacate', year: 2024 },
    'C-3': { action: 'acquire', year: 2025, lease: { years: 20 } },
  };
  first.zones = [zoneIn(0, 'zone-a'), zoneIn(1, 'zone-b')];
  first.transfers = [{ id: 't-ab', from: '甲镇', to: '乙镇', mu: 5, year: 2024 }];
  first.directQuota = [{ id: 'q-c', town: '丙镇', mu: 3, year: 2025, note: '重点项目（示例）' }];
  const second = createScenario('s2', '方案二');
  second.actions = { 'A-3': { action: 'upgrade', year: 2022 } };
  return {
    format: PLAN_FORMAT,
    version: PLAN_VERSION,
    name: '三镇示例规划（虚构）',
    createdAt: '2026-12-01T08:00:00.000Z',
    settings: { ...structuredClone(DEFAULT_SETTINGS), ...defaultPlanningSettings() },
    layers: {
      boundary: {
        type: 'FeatureCollection',
        features: TOWNS.map((town, t) => ({
          type: 'Feature' as const,
          geometry: box(townWest(t), 30.15, townWest(t + 1), 30.25),
          properties: { town },
        })),
      },
      control: {
        type: 'FeatureCollection',
        features: [
          { type: 'Feature', geometry: box(121.2, 30.15, 121.29, 30.25), properties: { id: 'C-1' } },
        ],
      },
      plots: {
        type: 'FeatureCollection',
        features: TOWNS.flatMap((_, t) => [0, 1, 2].map((p) => plot(t, p))),
      },
    },
    scenarios: [first, second],
    activeScenarioId: 's1',
    comments: [],
  };
}
