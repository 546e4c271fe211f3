/**
 * 导出 → 审阅包: the plan as it is now, inside the single-file app, as one HTML file
 * (docs/review-bundle.md). Where the app comes from:
 * - the page is the single file (dist-single/index.html, or a review bundle): the page itself, as it
 *   was parsed. captureAppShell, run first thing at start, keeps the <head>'s nodes (the inline script
 *   and style, the policy, the icon); the bundle is those and an empty #root, so nothing the page
 *   added since (the map, React's tree, the base map's second policy) goes in;
 * - the page is served (dist/ or the dev server): `planner-single.html` beside it, fetched from the
 *   page's own origin (a deployer copies dist-single/index.html there). Without it the export says
 *   what to do instead (the single file, or `npm run bundle`).
 */

import { serializePlan } from '../core/plan/plan-file.ts';
import { embedReviewPlan, reviewPlanKey, singleFileAppProblem } from '../core/review/review-bundle.ts';
import { download, fileNameFor } from '../export/download.ts';
import { reviewMessage } from '../i18n/review-messages.ts';
import type { PlannerStore } from '../state/store.ts';
import { currentPlanFile } from './plan-files.ts';

/** The single-file app served beside a served page, for its review bundles. */
export const SERVED_SINGLE_FILE = 'planner-single.html';

let shell: { htmlStart: string; head: Node[] } | null = null;

/** Keeps the single-file page's own parts as parsed; nothing on a served page (its script is a file). */
export function captureAppShell(doc: Document = document): void {
  if (doc.querySelector('script[src]') || !doc.querySelector('script[type="module"]')) return;
  const htmlStart = (doc.documentElement.cloneNode(false) as Element).outerHTML.replace(/<\/html>$/, '');
  shell = { htmlStart, head: [...doc.head.childNodes] };
}

function nodeHtml(node: Node): string {
  if (node instanceof Element) return node.outerHTML;
  if (node.nodeType === Node.COMMENT_NODE) return `<!--${(node as Comment).data}-->`;
  return node.textContent ?? '';
}

/** The single-file app's HTML; null when there is none to be had (a served page without planner-single.html). */
async function singleFileApp(): Promise<string | null> {
  if (shell)
    return `<!doctype html>\n${shell.htmlStart}<head>${shell.head.map(nodeHtml).join('')}</head>\n<body>\n<div id="root"></div>\n</body>\n</html>\n`;
  try {
    const response = await fetch(new URL(SERVED_SINGLE_FILE, document.baseURI));
    if (!response.ok) return null;
    const html = await response.text();
    // A dev server answers any path with its index.html.
    return singleFileAppProblem(html) ? null : html;
  } catch {
    return null;
  }
}

/** Offers the review bundle of the plan as a download, and says so; false when there was no plan. */
export async function exportReviewBundle(store: PlannerStore): Promise<boolean> {
  const app = await singleFileApp();
  if (!app) {
    store.getState().setNotice({ kind: 'error', message: reviewMessage('review.needsSingleFile') });
    return true;
  }
  const plan = await currentPlanFile(store);
  if (!plan) return false;
  const bundle = embedReviewPlan(app, serializePlan(plan), reviewPlanKey(plan));
  const blob = new Blob([bundle], { type: 'text/html' });
  const file = fileNameFor(plan.name, '-审阅包.html');
  download(blob, file);
  store.getState().setNotice({
    kind: 'done',
    message: reviewMessage('review.exportDone', { file, size: (blob.size / 1e6).toFixed(1) }),
  });
  return true;
}
