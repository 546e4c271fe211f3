import { describe, expect, it } from 'vitest';
import type { PlannerState } from './planner-state.ts';
import { selectPlanTowns } from './select-plan-towns.ts';

describe('selectPlanTowns', () => {
  it('joins the towns of the plots and of the boundaries, in collation order, the same array until the plan changes', () => {
    const analysis = {
      baseline: { byTown: { 掌起镇: {}, '': {}, 观海卫镇: {} } },
    } as unknown as PlannerState['analysis'];
    const layers = {
      boundary: {
        type: 'FeatureCollection',
        features: [
          { type: 'Feature', geometry: null, properties: { town: ' 周巷镇 ' } },
          { type: 'Feature', geometry: null, properties: { town: '观海卫镇' } },
          { type: 'Feature', geometry: null, properties: null },
        ],
      },
    } as unknown as PlannerState['layers'];
    const towns = selectPlanTowns({ analysis, layers });
    expect(towns).toEqual(['观海卫镇', '掌起镇', '周巷镇']);
    expect(selectPlanTowns({ analysis, layers })).toBe(towns);
    expect(selectPlanTowns({ analysis: null, layers: null })).toEqual([]);
  });
});
