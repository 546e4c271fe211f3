/**
 * Reads a plan file (plan-file.ts). Older versions are migrated; a damaged or foreign file gives
 * problems naming the part, never an exception; references that do not resolve give warnings.
 */

import { plotIdOf } from '../analysis/classify-plots.ts';
import { locateJsonError } from '../io/locate-json-error.ts';
import type { Feature } from '../types.ts';
import { migrateV0toV1, migrateV1toV2, migrateV2toV3 } from './migrate-plan.ts';
import { PLAN_FORMAT, PLAN_VERSION, type PlanFile } from './plan-file.ts';
import type { PlanProblem } from './plan-problems.ts';
import { isRecord, PlanReader } from './plan-reader.ts';
import { readPlanV3 } from './read-plan.ts';

export type ParsePlanResult =
  | { ok: true; plan: PlanFile; warnings: PlanProblem[] }
  | { ok: false; problems: PlanProblem[] };

function failure(problem: PlanProblem): ParsePlanResult {
  return { ok: false, problems: [problem] };
}

/** Warnings about references that do not resolve: actions on unknown plots, relocations to unknown zones. */
function crossCheck(plan: PlanFile, reader: PlanReader): void {
  const plotIds = new Set(
    plan.layers.plots.features.map((feature, index) => plotIdOf(feature as Feature, index)),
  );
  plan.scenarios.forEach((scenario, s) => {
    const unknownPlots = Object.keys(scenario.actions).filter((plotId) => !plotIds.has(plotId));
    if (unknownPlots.length > 0) {
      const sample = unknownPlots.slice(0, 5).join(', ') + (unknownPlots.length > 5 ? ' …' : '');
      reader.warn('unknown-plot', `scenarios[${s}].actions`, {
        zh: `方案文件 ${reader.fileName} 的方案“${scenario.name}”中有 ${unknownPlots.length} 个地块措施对应的地块不在地块图层中（${sample}），已删除，不计入任何统计。`,
        en: `Plan file ${reader.fileName}, scenario "${scenario.name}": ${unknownPlots.length} actions name plots that are not in the plot layer (${sample}); they were dropped and are not counted anywhere.`,
      });
      // Dropped here, once, so that no view (legend, table, indicators, report) can count them.
      const unknown = new Set(unknownPlots);
      scenario.actions = Object.fromEntries(
        Object.entries(scenario.actions).filter(([plotId]) => !unknown.has(plotId)),
      );
    }
    const zoneIds = new Set(scenario.zones.map((zone) => zone.id));
    const unknownZones = Object.values(scenario.actions).filter(
      (entry) => entry.action === 'relocate' && (entry.zoneId === undefined || !zoneIds.has(entry.zoneId)),
    ).length;
    if (unknownZones > 0)
      reader.warn('unknown-zone', `scenarios[${s}].actions`, {
        zh: `方案“${scenario.name}”中有 ${unknownZones} 个搬迁入园地块未指定承接区块或区块不存在。`,
        en: `Scenario "${scenario.name}": ${unknownZones} relocated plots name no receiving zone or one that does not exist.`,
      });
  });
  const scenarioIds = new Set(plan.scenarios.map((scenario) => scenario.id));
  plan.slides?.forEach((slide, i) => {
    if (slide.scenarioId !== '' && !scenarioIds.has(slide.scenarioId))
      reader.warn('slide-scenario', `slides[${i}].scenarioId`, {
        zh: `汇报页“${slide.caption}”的方案 ${slide.scenarioId} 不存在；放映该页时保持当前方案。`,
        en: `Slide "${slide.caption}": its scenario ${slide.scenarioId} does not exist; showing it keeps the active scenario.`,
      });
  });
  const activeExists = plan.scenarios.some((scenario) => scenario.id === plan.activeScenarioId);
  if (!activeExists && !(plan.scenarios.length === 0 && plan.activeScenarioId === '')) {
    const first = plan.scenarios[0]?.id ?? '';
    reader.warn('active-scenario', 'activeScenarioId', {
      zh: `当前方案 ${plan.activeScenarioId} 不存在，已改为${first === '' ? '无' : `“${plan.scenarios[0]?.name}”`}。`,
      en: `The active scenario ${plan.activeScenarioId} does not exist; ${first === '' ? 'none is active' : `"${plan.scenarios[0]?.name}" is active instead`}.`,
    });
    plan.activeScenarioId = first;
  }
}

/**
 * Reads a plan file. Never throws: a file that is not JSON, not a plan file, from a newer version of
 * the app, or with a required part missing or wrong gives problems naming the part; an older
 * version is migrated (with a warning).
 * @param text the file's text (a leading BOM is ignored)
 * @param fileName named in every message
 */
export function parsePlanFile(text: string, fileName: string): ParsePlanResult {
  try {
    return parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, fileName);
  } catch (error) {
    return failure({
      code: 'wrong-part',
      message: {
        zh: `方案文件 ${fileName} 无法读取：${String(error)}`,
        en: `Plan file ${fileName} cannot be read: ${String(error)}`,
      },
    });
  }
}

function parse(text: string, fileName: string): ParsePlanResult {
  if (text.trim() === '')
    return failure({
      code: 'not-json',
      message: {
        zh: `文件 ${fileName} 是空的，不是方案文件。`,
        en: `File ${fileName} is empty; it is not a plan file.`,
      },
    });
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    const where = locateJsonError(text);
    const at = where
      ? where.atEnd
        ? {
            zh: '文件在中途结束（可能未完整复制或下载）',
            en: 'the file ends in the middle (copied or downloaded only in part?)',
          }
        : {
            zh: `第 ${where.line} 行第 ${where.column} 列有错误`,
            en: `error at line ${where.line}, column ${where.column}`,
          }
      : { zh: '格式错误', en: 'malformed' };
    return failure({
      code: 'not-json',
      message: {
        zh: `文件 ${fileName} 不是有效的 JSON（${at.zh}），无法作为方案文件打开。`,
        en: `File ${fileName} is not valid JSON (${at.en}); it cannot be opened as a plan file.`,
      },
    });
  }
  if (!isRecord(data) || data.format !== PLAN_FORMAT) {
    const isGeoJson = isRecord(data) && (data.type === 'FeatureCollection' || data.type === 'Feature');
    return failure({
      code: 'not-a-plan',
      message: isGeoJson
        ? {
            zh: `文件 ${fileName} 是 GeoJSON 图层，不是方案文件。请用“导入图层”打开它。`,
            en: `File ${fileName} is a GeoJSON layer, not a plan file. Open it with "Import layer".`,
          }
        : {
            zh: `文件 ${fileName} 不是本软件的方案文件（缺少 "format": "${PLAN_FORMAT}"）。`,
            en: `File ${fileName} is not a plan file of this app (no "format": "${PLAN_FORMAT}").`,
          },
    });
  }
  const version = data.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0)
    return failure({
      code: version === undefined ? 'missing-part' : 'wrong-part',
      path: 'version',
      message: {
        zh: `方案文件 ${fileName} 的版本号 version ${version === undefined ? '缺失' : `无效（${JSON.stringify(version)}）`}。`,
        en: `Plan file ${fileName}: the version number is ${version === undefined ? 'missing' : `invalid (${JSON.stringify(version)})`}.`,
      },
    });
  if (version > PLAN_VERSION)
    return failure({
      code: 'newer-version',
      path: 'version',
      message: {
        zh: `方案文件 ${fileName} 由更新版本的软件保存（文件格式第 ${version} 版），本软件只能读取第 ${PLAN_VERSION} 版及以前的文件。请更新软件后再打开。`,
        en: `Plan file ${fileName} was saved by a newer version of the app (format version ${version}); this app reads versions up to ${PLAN_VERSION}. Update the app to open it.`,
      },
    });

  const reader = new PlanReader(fileName);
  let current = data;
  if (version === 0) {
    const migration = migrateV0toV1(data, fileName);
    if (migration.problems.length > 0) return { ok: false, problems: migration.problems };
    reader.warnings.push(...migration.warnings);
    current = migration.data;
  }
  if (version <= 1) current = migrateV1toV2(current);
  if (version <= 2) current = migrateV2toV3(current);
  const plan = readPlanV3(reader, current);
  if (!plan || reader.problems.length > 0) return { ok: false, problems: reader.problems };
  crossCheck(plan, reader);
  return { ok: true, plan, warnings: reader.warnings };
}
