/** The keys of DESIGN.md, plus capacity and money. */
export type IndicatorKey =
  | 'controlShare'
  | 'renovatedMu'
  | 'renovatedTaxPerMu'
  | 'newAboveScaleFirms'
  | 'ledger'
  | 'violations'
  | 'capacity'
  | 'money';

export const INDICATOR_KEYS: readonly IndicatorKey[] = Object.freeze([
  'controlShare',
  'renovatedMu',
  'renovatedTaxPerMu',
  'newAboveScaleFirms',
  'ledger',
  'violations',
  'capacity',
  'money',
]);
