/**
 * The catalogue of plot actions (R4): one record per action with its names, its legend colour, what
 * the land becomes, what it does to the quota ledger and where it counts. Every surface (action bar,
 * legends, tables, exports, report, comparison) and the scenario maths read these records; a new
 * action is one record here plus what the indicators compute for it.
 */

import type { Message } from '../types.ts';

/** What happens to a plot (R4). Plots without an entry are `keep`. A new action is a code here and a record below. */
export type PlotAction = 'keep' | 'upgrade' | 'acquire' | 'vacate' | 'relocate';

/** The actions drawn on the map and named in legends: every action but keep. */
export type DrawnAction = Exclude<PlotAction, 'keep'>;

/** What becomes of the land after the action. */
export type LandAfter =
  /** Stays industrial land as it is. */
  | 'industrial'
  /** Stays industrial land, renovated (by its firm or by the state-owned company). */
  | 'renovated'
  /** Leaves the industrial stock: demolished and reclaimed (its firm closes or moves into a zone). */
  | 'reclaimed';

/** What the action does to the quota ledger (R3). */
export type QuotaEffect = 'none' | 'releases';

export interface ActionRecord {
  code: PlotAction;
  /** The name as the policy says it, used everywhere an action is named. */
  name: Message;
  /** For tight places (chart keys, narrow columns). */
  shortName: Message;
  /** Key of the action's colour in the map palette; null: not drawn (plots kept as they are). */
  colourKey: DrawnAction | null;
  landAfter: LandAfter;
  quotaEffect: QuotaEffect;
  /** Counts in renovatedMu (R7): every action but keep. */
  isRenovation: boolean;
  /** The firm stays and its tax is lifted (renovatedTaxPerMu, newAboveScaleFirms). */
  isImprovement: boolean;
  /** The state-owned company buys or leases the plot (R5). */
  isAcquisition: boolean;
  /** The firm moves into a receiving zone (its floor area is the zone's demand). */
  movesToZone: boolean;
}

/** In the order the panels, legends and tables list them. */
export const ACTION_CATALOGUE: readonly ActionRecord[] = Object.freeze([
  {
    code: 'keep',
    name: { zh: '保留', en: 'keep' },
    shortName: { zh: '保留', en: 'keep' },
    colourKey: null,
    landAfter: 'industrial',
    quotaEffect: 'none',
    isRenovation: false,
    isImprovement: false,
    isAcquisition: false,
    movesToZone: false,
  },
  {
    code: 'upgrade',
    name: { zh: '原地改造提升', en: 'upgrade in place' },
    shortName: { zh: '改造', en: 'upgrade' },
    colourKey: 'upgrade',
    landAfter: 'renovated',
    quotaEffect: 'none',
    isRenovation: true,
    isImprovement: true,
    isAcquisition: false,
    movesToZone: false,
  },
  {
    code: 'acquire',
    name: { zh: '国资收购/租赁改造', en: 'acquire (state-owned company)' },
    shortName: { zh: '收购', en: 'acquire' },
    colourKey: 'acquire',
    landAfter: 'renovated',
    quotaEffect: 'none',
    isRenovation: true,
    isImprovement: true,
    isAcquisition: true,
    movesToZone: false,
  },
  {
    code: 'vacate',
    name: { zh: '腾退复垦', en: 'vacate' },
    shortName: { zh: '腾退', en: 'vacate' },
    colourKey: 'vacate',
    landAfter: 'reclaimed',
    quotaEffect: 'releases',
    isRenovation: true,
    isImprovement: false,
    isAcquisition: false,
    movesToZone: false,
  },
  {
    code: 'relocate',
    name: { zh: '搬迁入园', en: 'relocate' },
    shortName: { zh: '搬迁', en: 'relocate' },
    colourKey: 'relocate',
    landAfter: 'reclaimed',
    quotaEffect: 'releases',
    isRenovation: true,
    isImprovement: false,
    isAcquisition: false,
    movesToZone: true,
  },
] satisfies ActionRecord[]);

/** Every action, in catalogue order. */
export const PLOT_ACTIONS: readonly PlotAction[] = Object.freeze(
  ACTION_CATALOGUE.map((record) => record.code),
);

const BY_CODE = new Map(ACTION_CATALOGUE.map((record) => [record.code, record]));

/** The record of one action. */
export function actionRecord(code: PlotAction): ActionRecord {
  const record = BY_CODE.get(code);
  if (!record)
    throw new Error(`expected an action of the catalogue (${[...BY_CODE.keys()].join(', ')}), got "${code}"`);
  return record;
}

/** The action's one name. */
export function actionName(code: PlotAction): Message {
  return actionRecord(code).name;
}

/** The actions drawn on the map and shown in legends (every action but keep), in catalogue order. */
export const DRAWN_ACTIONS: readonly DrawnAction[] = Object.freeze(
  ACTION_CATALOGUE.flatMap((record) => (record.colourKey === null ? [] : [record.colourKey])),
);

/** The codes of the actions matching `test`, in catalogue order. */
export function actionsWhere(test: (record: ActionRecord) => boolean): PlotAction[] {
  return ACTION_CATALOGUE.filter(test).map((record) => record.code);
}
