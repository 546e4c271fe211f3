/**
 * Paper for the printed report: A4 or A3, portrait or landscape, and the CSS `@page` rule that sets
 * it. The rule goes into a constructed style sheet (document.adoptedStyleSheets): the app's
 * Content-Security-Policy (style-src 'self') refuses a <style> element, not the CSSOM.
 */

export type PaperSize = 'A4' | 'A3';
export type PaperOrientation = 'portrait' | 'landscape';

export interface Paper {
  size: PaperSize;
  orientation: PaperOrientation;
}

export const PAPERS: readonly Paper[] = [
  { size: 'A4', orientation: 'portrait' },
  { size: 'A4', orientation: 'landscape' },
  { size: 'A3', orientation: 'portrait' },
  { size: 'A3', orientation: 'landscape' },
];

/** Page margins, mm: the bottom one holds the page number. */
export const PAGE_MARGIN_MM = { top: 12, right: 12, bottom: 14, left: 12 } as const;

/** ISO 216 sheets in portrait, mm. */
const SHEET_MM: Readonly<Record<PaperSize, { width: number; height: number }>> = {
  A4: { width: 210, height: 297 },
  A3: { width: 297, height: 420 },
};

/** Width and height of the sheet as it is printed, mm. */
export function paperSizeMm(paper: Paper): { width: number; height: number } {
  const { width, height } = SHEET_MM[paper.size];
  return paper.orientation === 'portrait' ? { width, height } : { width: height, height: width };
}

/** The area inside the margins, mm. */
export function contentSizeMm(paper: Paper): { width: number; height: number } {
  const { width, height } = paperSizeMm(paper);
  return {
    width: width - PAGE_MARGIN_MM.left - PAGE_MARGIN_MM.right,
    height: height - PAGE_MARGIN_MM.top - PAGE_MARGIN_MM.bottom,
  };
}

/** An id for the paper: 'a4-portrait'. */
export function paperId(paper: Paper): string {
  return `${paper.size.toLowerCase()}-${paper.orientation}`;
}

/** The `@page` rule for the paper, with the page number ("3 / 7") in the bottom margin. */
export function pageRule(paper: Paper): string {
  const { top, right, bottom, left } = PAGE_MARGIN_MM;
  return (
    `@page { size: ${paper.size} ${paper.orientation}; margin: ${top}mm ${right}mm ${bottom}mm ${left}mm; ` +
    '@bottom-right { content: counter(page) " / " counter(pages); font-size: 8pt; color: #5c6470; } }'
  );
}

/**
 * Sets the page rule for `paper` on `document` until the returned function is called. A later call
 * replaces the rule of an earlier one.
 */
export function applyPageRule(document: Document, paper: Paper): () => void {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(pageRule(paper));
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  return () => {
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((adopted) => adopted !== sheet);
  };
}
