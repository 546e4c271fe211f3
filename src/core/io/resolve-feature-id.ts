/** Finds a feature's id the way the import does: the properties first (by alias), then `feature.id`. */
import { isRecord } from './describe-feature.ts';
import { mapPlotColumns } from './normalize-plot-properties.ts';

function usableId(value: unknown): string | number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string') return value.trim() === '' ? undefined : value.trim();
  return undefined;
}

/**
 * The id of a feature: `properties.id` or an id alias (地块编号, 编号, …), else the GeoJSON
 * `feature.id`. Only non-empty strings (trimmed) and finite numbers count.
 * @param feature any value; non-features have no id
 * @returns the id as found, or undefined
 */
export function resolveFeatureId(feature: unknown): string | number | undefined {
  if (!isRecord(feature)) return undefined;
  const properties = feature.properties;
  if (isRecord(properties)) {
    const column = mapPlotColumns(properties).id;
    const fromProperties = column === undefined ? undefined : usableId(properties[column]);
    if (fromProperties !== undefined) return fromProperties;
  }
  return usableId(feature.id);
}

/** The key under which two ids count as the same: 12, "12" and " 12 " collide. */
export function idKey(id: string | number): string {
  return String(id).trim();
}
