import { describe, expect, it } from 'vitest';
import type { PlotRow } from '../core/analysis/analyze-plan.ts';
import type { PlanComment } from '../core/plan/plan-comments.ts';
import { createScenario } from '../core/scenario/scenario.ts';
import { commentTargetPosition, selectCommentPins } from './select-comment-pins.ts';

/** What a pin reads of a plot's row: its id, town and box. */
function row(
  id: string,
  town: string,
  box: [number, number, number, number],
): Pick<PlotRow, 'id' | 'town' | 'box'> {
  return { id, town, box };
}

const ROWS = [
  row('P-1', '观海卫镇', [121.0, 30.0, 121.2, 30.2]),
  row('P-2', '观海卫镇', [121.4, 30.4, 121.6, 30.6]),
  row('P-3', '坎墩街道', [121.1, 30.1, 121.1, 30.1]),
];
const SCENARIO = {
  ...createScenario('s1', '方案一'),
  zones: [
    {
      id: 'z1',
      name: '东区',
      far: 2,
      year: 2024 as const,
      geometry: {
        type: 'Polygon' as const,
        coordinates: [
          [
            [121.0, 30.0],
            [121.4, 30.0],
            [121.4, 30.2],
            [121.0, 30.0],
          ],
        ],
      },
    },
  ],
};

function comment(
  id: string,
  target: PlanComment['target'],
  status: PlanComment['status'] = 'open',
): PlanComment {
  return { id, target, author: '', at: '2026-12-05T08:00:00.000Z', text: id, status };
}

describe('comment pins', () => {
  it('stand at the plot’s box centre, the zone’s outline box centre and the centre of the town’s plots', () => {
    expect(commentTargetPosition({ kind: 'plot', id: 'P-2' }, ROWS, [SCENARIO])).toEqual([121.5, 30.5]);
    const zone = commentTargetPosition({ kind: 'zone', id: 'z1', scenario: 's1' }, ROWS, [SCENARIO]);
    expect(zone?.[0]).toBeCloseTo(121.2, 12);
    expect(zone?.[1]).toBeCloseTo(30.1, 12);
    const town = commentTargetPosition({ kind: 'town', id: '观海卫镇' }, ROWS, [SCENARIO]);
    expect(town?.[0]).toBeCloseTo(121.3, 12);
    expect(town?.[1]).toBeCloseTo(30.3, 12);
  });

  it('leave out a scenario’s comment and one whose plot, zone or town is not in the plan', () => {
    for (const target of [
      { kind: 'scenario', id: 's1' },
      { kind: 'plot', id: 'P-9' },
      { kind: 'zone', id: 'z9' },
      { kind: 'town', id: '无此镇' },
    ] as const)
      expect(commentTargetPosition(target, ROWS, [SCENARIO]), target.id).toBeNull();
  });

  it('are numbered as the list numbers the comments, with their status, and the same object until something changes', () => {
    const state = {
      comments: [
        comment('c1', { kind: 'scenario', id: 's1' }),
        comment('c2', { kind: 'plot', id: 'P-3' }, 'resolved'),
      ],
      analysis: { rows: ROWS } as never,
      scenarioSet: { scenarios: [SCENARIO], activeScenarioId: 's1' },
    };
    const pins = selectCommentPins(state);
    expect(pins.features).toEqual([
      {
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [121.1, 30.1] },
        properties: { commentId: 'c2', number: 2, status: 'resolved' },
      },
    ]);
    expect(selectCommentPins({ ...state })).toBe(pins);
    expect(selectCommentPins({ ...state, comments: [...state.comments] })).not.toBe(pins);
  });
});
