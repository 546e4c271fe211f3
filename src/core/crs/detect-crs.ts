/**
 * Decides the CRS of an imported layer: a `.prj` first, then a GeoJSON `crs` member, then the
 * coordinate magnitudes. A declaration that contradicts the coordinates loses to them, with a warning.
 */
import type { Message, Position } from '../types.ts';
import {
  type Crs,
  type CrsDetection,
  type CrsDetectionResult,
  type CrsReading,
  describeCrs,
  isGeographic,
  WEB_MERCATOR_MAX_M,
} from './crs.ts';
import { readCrsMember } from './crs-from-member.ts';
import {
  type CoordinateBox,
  coordinateBox,
  describeBox,
  detectCrsFromCoordinates,
  distanceWarning,
  isDegreeBox,
  joinMessages,
  placeBox,
} from './detect-crs-from-coordinates.ts';
import { readPrj } from './parse-prj.ts';

export interface DetectCrsInput {
  /** Text of the shapefile's `.prj`. */
  prj?: string;
  /** The `crs` member of a GeoJSON file, as parsed. */
  crsMember?: unknown;
  /** All positions of the layer (x = easting or longitude), or their box [minX, minY, maxX, maxY]. */
  positions: Iterable<Position> | CoordinateBox;
}

const SOURCE_NAMES: Record<'prj' | 'crs-member', Message> = {
  prj: { zh: '.prj 文件', en: 'the .prj' },
  'crs-member': { zh: 'GeoJSON 的 crs 成员', en: 'the GeoJSON crs member' },
};

/** True when the coordinates can be in `crs`: right magnitudes, and every corner lands on the Earth. */
function fitsCoordinates(crs: Crs, box: CoordinateBox): boolean {
  if (isGeographic(crs)) return isDegreeBox(box);
  // Projected values within a few hundred metres of the projection origin are degrees in disguise.
  if (isDegreeBox(box)) return false;
  const [minX, minY, maxX, maxY] = box;
  if (crs.kind === 'gauss-kruger') {
    const offsets = [minX - crs.falseEasting, maxX - crs.falseEasting];
    if (offsets.some((offset) => Math.abs(offset) > 1e6) || Math.max(Math.abs(minY), Math.abs(maxY)) > 1e7) {
      return false;
    }
  } else if (Math.max(Math.abs(minX), Math.abs(maxX), Math.abs(minY), Math.abs(maxY)) > WEB_MERCATOR_MAX_M) {
    return false;
  }
  return placeBox(crs, box) !== null;
}

/** The detection for a declared CRS, checked against the coordinates. */
function fromDeclaration(
  source: 'prj' | 'crs-member',
  crs: Crs,
  box: CoordinateBox | null,
  notes: Message[],
): CrsDetectionResult {
  const name = describeCrs(crs);
  const where = SOURCE_NAMES[source];
  if (!box || fitsCoordinates(crs, box)) {
    const placement = box ? placeBox(crs, box) : null;
    const warning = placement ? distanceWarning(placement) : undefined;
    return {
      ok: true,
      crs,
      source,
      confidence: 'certain',
      message: joinMessages(
        ...notes,
        { zh: `根据 ${where.zh}识别为 ${name.zh}。`, en: `Detected ${name.en} from ${where.en}.` },
        warning,
      ),
      ...(warning ? { warning } : {}),
    };
  }
  const contradiction: Message = {
    zh: `${where.zh}声明的坐标系为 ${name.zh}，但坐标数值（${describeBox(box).zh}）与之不符，已改按坐标数值判断；请核对 ${where.zh}。`,
    en: `${where.en.charAt(0).toUpperCase()}${where.en.slice(1)} declares ${name.en}, but the coordinate values (${describeBox(box).en}) do not fit it, so the coordinates decide; check ${where.en}.`,
  };
  const fromCoordinates = detectCrsFromCoordinates(box);
  if (!fromCoordinates.ok) {
    return { ...fromCoordinates, message: joinMessages(...notes, contradiction, fromCoordinates.message) };
  }
  const warning = joinMessages(contradiction, fromCoordinates.warning);
  return {
    ...fromCoordinates,
    message: joinMessages(...notes, contradiction, fromCoordinates.message),
    warning,
  };
}

/**
 * Decides the CRS of a layer with the precedence `.prj` > GeoJSON `crs` member > coordinate
 * magnitudes. An unreadable declaration is skipped with a note; a recognised but unsupported one
 * (Beijing 1954, Xian 1980, UTM, ...) is a failure, since guessing would misplace the data by tens
 * of metres or more; a declaration the coordinates contradict (a geographic `.prj` with values in
 * the millions) loses to `detectCrsFromCoordinates`, with a warning.
 * @returns a detection (with `source` and `confidence`) or a failure; both carry a bilingual message
 */
export function detectCrs(input: DetectCrsInput): CrsDetectionResult {
  const box = coordinateBox(input.positions);
  const declarations: ['prj' | 'crs-member', () => CrsReading][] = [];
  if (input.prj !== undefined) declarations.push(['prj', () => readPrj(input.prj ?? '')]);
  if (input.crsMember !== undefined && input.crsMember !== null) {
    declarations.push(['crs-member', () => readCrsMember(input.crsMember)]);
  }
  const notes: Message[] = [];
  for (const [source, read] of declarations) {
    const reading = read();
    if (reading.status === 'supported') return fromDeclaration(source, reading.crs, box, notes);
    if (reading.status === 'unsupported') {
      return {
        ok: false,
        reason: 'unsupported-crs',
        source,
        message: joinMessages(...notes, reading.message),
      };
    }
    notes.push({
      zh: `${reading.message.zh}，已忽略。`,
      en: `${reading.message.en}; it was ignored.`,
    });
  }
  const fromCoordinates = detectCrsFromCoordinates(box ?? []);
  return notes.length === 0
    ? fromCoordinates
    : { ...fromCoordinates, message: joinMessages(...notes, fromCoordinates.message) };
}

/**
 * A detection for a CRS the user chose by hand (e.g. GCJ-02 for data traced from a Chinese web map,
 * or a zone the coordinates could not reveal).
 */
export function userCrsDetection(crs: Crs): CrsDetection {
  const name = describeCrs(crs);
  return {
    ok: true,
    crs,
    source: 'user',
    confidence: 'certain',
    message: { zh: `由用户指定为 ${name.zh}。`, en: `Set by the user to ${name.en}.` },
  };
}
