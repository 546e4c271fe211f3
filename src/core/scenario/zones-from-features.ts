/**
 * Receiving zones from the polygons of an imported file (already checked and in WGS84): name, 容积率
 * and year from the features' attributes where they are usable, defaults otherwise.
 */

import { parseNumberText } from '../parse-number-text.ts';
import type { Feature } from '../types.ts';
import { DEFAULT_ZONE_FAR, isPlanYear, type PlanYear, type ReceivingZone } from './scenario.ts';

/** The year of an imported zone whose file gives none (or one outside 2022–2026). */
export const DEFAULT_IMPORTED_ZONE_YEAR: PlanYear = 2024;

const NAME_KEYS = ['name', 'Name', 'NAME', '名称'];
const FAR_KEYS = ['far', 'FAR', 'Far', '容积率'];
const YEAR_KEYS = ['year', 'Year', 'YEAR', '年份'];

function firstValue(properties: Readonly<Record<string, unknown>>, keys: readonly string[]): unknown {
  for (const key of keys) {
    const value = properties[key];
    if (value !== undefined && value !== null && value !== '') return value;
  }
  return undefined;
}

/** A number, or a text that reads as one (KML and some DBF fields carry numbers as text). */
function numberOf(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const parsed = parseNumberText(value);
  return parsed.kind === 'number' ? parsed.value : undefined;
}

/**
 * One receiving zone per feature.
 * @param features polygons in WGS84 lon/lat (as a control-zone layer is loaded); not mutated
 * @param options `existingCount`: zones the scenario has already (unnamed zones are numbered on from
 *   it, "承接区块 N" as when drawing); `idPrefix`: ids are `${idPrefix}-${n}`, n from 1
 * @returns zones with `name` from name/名称 (else "承接区块 N"), `far` from far/容积率 when a positive
 *   number (else DEFAULT_ZONE_FAR) and `year` from year/年份 when 2022–2026 (else 2024)
 * @example zonesFromFeatures([{ type: 'Feature', properties: { 名称: '新区' }, geometry }], { existingCount: 2, idPrefix: 'zone-x' })
 *   // → [{ id: 'zone-x-1', name: '新区', far: 2, year: 2024, geometry }]
 */
export function zonesFromFeatures(
  features: readonly Feature[],
  options: { existingCount: number; idPrefix: string },
): ReceivingZone[] {
  const zones: ReceivingZone[] = [];
  for (const feature of features) {
    // Checked layers hold no feature without a geometry; kept safe for any other input.
    if (!feature.geometry) continue;
    const number = zones.length + 1;
    const properties = (feature.properties ?? {}) as Readonly<Record<string, unknown>>;
    const name = firstValue(properties, NAME_KEYS);
    const far = numberOf(firstValue(properties, FAR_KEYS));
    const year = numberOf(firstValue(properties, YEAR_KEYS));
    const givenName = typeof name === 'string' || typeof name === 'number' ? String(name).trim() : '';
    zones.push({
      id: `${options.idPrefix}-${number}`,
      name: givenName || `承接区块 ${options.existingCount + number}`,
      far: far !== undefined && far > 0 ? far : DEFAULT_ZONE_FAR,
      year: isPlanYear(year) ? year : DEFAULT_IMPORTED_ZONE_YEAR,
      geometry: feature.geometry,
    });
  }
  return zones;
}
