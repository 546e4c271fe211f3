/**
 * The command line's job done by PostGIS, for the benchmark: load the three layers with ogr2ogr,
 * dissolve the boundary and control layers (ST_Union, cut by ST_Subdivide and indexed, as a PostGIS
 * user would), and for every plot its geodesic area, the areas of its intersections with both
 * unions (ST_Intersection, ST_Area on geography, skipped when the plot is covered) and its status by
 * the rule of DESIGN.md; the result is exported as CSV. Uses a scratch database `ilp_bench`.
 */

import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';

export const BENCH_DATABASE = 'ilp_bench';

/** How to run psql and ogr2ogr so that they reach the server (as the current user, or as postgres). */
export interface PostgisAccess {
  /** Prefix of every command, e.g. [] or ['runuser', '-u', 'postgres', '--']. */
  prefix: string[];
  version: string;
}

export interface PostgisRun {
  /** ogr2ogr of the three layers, spatial indexes included. */
  loadMs: number;
  /** Dissolve, overlay, status and CSV export, in one psql session. */
  jobMs: number;
  totalMs: number;
  /** id,area_m2,in_boundary_m2,in_control_m2,status per plot, in file order. */
  csv: string;
}

interface Run {
  ok: boolean;
  stdout: string;
  stderr: string;
}

function run(command: string[], input?: string): Run {
  const result = spawnSync(command[0] as string, command.slice(1), {
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    ...(input === undefined ? {} : { input }),
  });
  return {
    ok: result.status === 0,
    stdout: result.stdout ?? '',
    stderr: result.stderr ?? String(result.error ?? ''),
  };
}

function psql(access: PostgisAccess, database: string, sql: string): Run {
  return run([...access.prefix, 'psql', '-X', '-q', '-At', '-v', 'ON_ERROR_STOP=1', '-d', database], sql);
}

/**
 * Finds a PostgreSQL server with PostGIS that psql reaches (as the current user, else, for root,
 * as postgres) and ogr2ogr, and makes the scratch database.
 * @returns the access, or why PostGIS cannot be used
 */
export function findPostgis(): PostgisAccess | string {
  if (!run(['ogr2ogr', '--version']).ok) return 'ogr2ogr (gdal-bin) was not found';
  const prefixes: string[][] = [[]];
  if (process.getuid?.() === 0) prefixes.push(['runuser', '-u', 'postgres', '--']);
  let reason = 'psql was not found or reaches no server';
  for (const prefix of prefixes) {
    const access: PostgisAccess = { prefix, version: '' };
    if (!psql(access, 'postgres', 'select 1').ok) continue;
    const exists = psql(access, 'postgres', `select 1 from pg_database where datname = '${BENCH_DATABASE}'`);
    if (exists.stdout.trim() !== '1') {
      const created = psql(access, 'postgres', `create database ${BENCH_DATABASE}`);
      if (!created.ok) {
        reason = `cannot create database ${BENCH_DATABASE}: ${created.stderr.trim()}`;
        continue;
      }
    }
    const extension = psql(
      access,
      BENCH_DATABASE,
      'create extension if not exists postgis; select postgis_lib_version();',
    );
    if (!extension.ok) {
      reason = `PostGIS is not installed in the server: ${extension.stderr.trim()}`;
      continue;
    }
    const server = psql(access, BENCH_DATABASE, 'show server_version').stdout.trim();
    access.version = `PostgreSQL ${server}, PostGIS ${extension.stdout.trim()}`;
    return access;
  }
  return reason;
}

/** Tolerance τ of the status rule, as `npm run analyze` uses by default. */
const TOLERANCE = 0.01;

/** Area of the plot inside a dissolved, subdivided layer. */
function insideSql(table: string): string {
  return `coalesce((select sum(case when st_coveredby(p.geom, z.geom) then st_area(p.geom::geography)
      else st_area(st_intersection(p.geom, z.geom)::geography) end)
    from ${table} z where st_intersects(p.geom, z.geom)), 0)`;
}

const JOB_SQL = `
drop table if exists bench_bz, bench_cz, bench_result;
create table bench_bz as select st_subdivide(st_union(geom), 256) as geom from bench_boundary;
create index on bench_bz using gist (geom);
create table bench_cz as select st_subdivide(st_union(geom), 256) as geom from bench_control;
create index on bench_cz using gist (geom);
analyze bench_bz;
analyze bench_cz;
create table bench_result as
with m as (
  select p.fid, p.id, st_area(p.geom::geography) as area_m2,
    ${insideSql('bench_bz')} as in_boundary_m2,
    ${insideSql('bench_cz')} as in_control_m2
  from bench_plots p)
select fid, id, area_m2, in_boundary_m2, in_control_m2,
  case when not area_m2 > 0 then 'outside'
    when in_control_m2 / area_m2 >= ${1 - TOLERANCE} then 'control'
    when in_boundary_m2 / area_m2 >= ${1 - TOLERANCE} then 'boundary'
    when in_boundary_m2 / area_m2 <= ${TOLERANCE} then 'outside'
    else 'crossing' end as status
from m;
\\copy (select id, area_m2, in_boundary_m2, in_control_m2, status from bench_result order by fid) to stdout csv header
drop table bench_bz, bench_cz, bench_result, bench_plots, bench_boundary, bench_control;
`;

/**
 * Loads the three GeoJSON files and runs the job; throws with PostGIS's message when a step fails.
 * @param files paths readable by the database user
 */
export function runPostgisJob(
  access: PostgisAccess,
  files: { plots: string; boundary: string; control: string },
): PostgisRun {
  const start = performance.now();
  for (const [name, path] of Object.entries(files)) {
    const loaded = run([
      ...access.prefix,
      'ogr2ogr',
      '-f',
      'PostgreSQL',
      `PG:dbname=${BENCH_DATABASE}`,
      path,
      '-nln',
      `bench_${name}`,
      '-lco',
      'GEOMETRY_NAME=geom',
      '-lco',
      'FID=fid',
      '-nlt',
      'PROMOTE_TO_MULTI',
      '-overwrite',
    ]);
    if (!loaded.ok) throw new Error(`ogr2ogr ${path}: ${loaded.stderr.trim()}`);
  }
  const loadMs = performance.now() - start;
  const job = psql(access, BENCH_DATABASE, JOB_SQL);
  const totalMs = performance.now() - start;
  if (!job.ok) throw new Error(`PostGIS job: ${job.stderr.trim()}`);
  return { loadMs, jobMs: totalMs - loadMs, totalMs, csv: job.stdout };
}
