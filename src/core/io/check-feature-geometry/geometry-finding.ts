import type { Message, Problem } from '../../types.ts';

/**
 * One problem a stage of checkFeatureGeometry found, its message without the feature's label
 * (checkFeatureGeometry puts the label in front).
 */
export type GeometryFinding = [code: string, severity: Problem['severity'], message: Message];

/** No findings, shared: the usual result, and this runs once per feature. */
export const NO_FINDINGS: readonly GeometryFinding[] = Object.freeze([]);
