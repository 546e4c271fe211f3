/**
 * Headline figures of the committed sample plan (data/sample/, npm run make:sample), from PostGIS
 * 3.3.2 on the committed files: ST_Union of each layer, ST_Area(geography) of each plot and of its
 * intersections, the status rule of DESIGN.md (the job of scripts/lib/postgis-job.ts). Re-derive them
 * there whenever the sample is regenerated; test/unit/sample-plan.test.ts checks our analysis
 * against them, and the end-to-end suites count on them.
 */
export const SAMPLE_FIGURES = {
  plots: 3000,
  /** Geodesic ST_Area; ours (edges straight in lon/lat) differs by under 1e-5. */
  areaM2: 25_183_467.052,
  controlShare: 0.52634067,
  statusCounts: { control: 1709, boundary: 817, crossing: 149, outside: 325 },
} as const;
