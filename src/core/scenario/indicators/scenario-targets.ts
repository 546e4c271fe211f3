/** The 2026 targets (R1, R7) a scenario is measured against. */
export interface ScenarioTargets {
  /** R1: share of industrial land inside control lines. */
  controlShare: number;
  /** R7: 亩 renovated. */
  renovatedMu: number;
  /** R7: tax per 亩 of renovated land, 万元/亩. */
  renovatedTaxPerMu: number;
  /** R7: new firms above designated size. */
  newAboveScaleFirms: number;
}

export const SCENARIO_TARGETS: Readonly<ScenarioTargets> = Object.freeze({
  controlShare: 0.8,
  renovatedMu: 10_000,
  renovatedTaxPerMu: 15,
  newAboveScaleFirms: 200,
});
