/**
 * Files handed to the planner: a download of a blob, named after the plan, the scenario and the day.
 */

/** A file name carrying the plan, the scenario (when given) and the date: 慈溪…-方案一-2026-11-28.plan.json. */
export function fileNameFor(
  planName: string,
  suffix: string,
  scenarioName?: string,
  date = new Date(),
): string {
  const day = `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
  const parts = [planName, scenarioName, day]
    .filter(Boolean)
    .map((part) => String(part).replace(/[\\/:*?"<>|]/g, '_'));
  return `${parts.join('-')}${suffix}`;
}

/** Saves `blob` under `fileName` through the browser's download. */
export function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
