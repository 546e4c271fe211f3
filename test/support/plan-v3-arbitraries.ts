/**
 * fast-check arbitraries of what plan file version 3 added: comments and a town part's origin
 * (src/core/plan/plan-comments.ts, derived-from.ts), for property tests of the plan file.
 */

import fc from 'fast-check';
import type { DerivedFrom, ScenarioBase } from '../../src/core/plan/derived-from.ts';
import { COMMENT_TARGET_KINDS, type PlanComment } from '../../src/core/plan/plan-comments.ts';

const text = fc.string({ unit: 'grapheme', maxLength: 12 });
const id = fc.string({ minLength: 1, maxLength: 8 });
const time = fc
  .date({ noInvalidDate: true, min: new Date('2000-01-01'), max: new Date('2099-12-31') })
  .map((d) => d.toISOString());
const print = fc.stringMatching(/^[0-9a-f]{14}$/);
const prints = fc.dictionary(fc.string({ maxLength: 8 }), print, { maxKeys: 3, noNullPrototype: true });

/** A comment, with or without a scenario, resolved or not. */
export const commentArbitrary: fc.Arbitrary<PlanComment> = fc
  .record(
    {
      id,
      target: fc.record(
        { kind: fc.constantFrom(...COMMENT_TARGET_KINDS), id, scenario: id },
        { requiredKeys: ['kind', 'id'], noNullPrototype: true },
      ),
      author: text,
      at: time,
      text,
      status: fc.constantFrom('open' as const, 'resolved' as const),
      resolvedAt: time,
      resolvedBy: text,
    },
    { requiredKeys: ['id', 'target', 'author', 'at', 'text', 'status'], noNullPrototype: true },
  )
  .map((comment) => structuredClone(comment) as PlanComment);

/** Comments with unique ids. */
export const commentsArbitrary = fc.uniqueArray(commentArbitrary, { selector: (c) => c.id, maxLength: 3 });

const scenarioBase: fc.Arbitrary<ScenarioBase> = fc.record({
  id,
  actions: prints,
  zones: prints,
  transfers: prints,
  directQuota: prints,
});

/** A town part's origin. */
export const derivedFromArbitrary: fc.Arbitrary<DerivedFrom> = fc
  .record({
    kind: fc.constant('town-part' as const),
    town: id,
    madeAt: time,
    cityPlan: fc.record({ name: text, fingerprint: print }),
    base: fc.record({
      plots: prints,
      scenarios: fc.uniqueArray(scenarioBase, { selector: (s) => s.id, maxLength: 2 }),
    }),
  })
  .map((derived) => structuredClone(derived));
