/**
 * The one entry point of file import: dropped or picked files (GeoJSON, zipped or loose shapefiles,
 * KML, KMZ) to layer sources, each a FeatureCollection-like object not yet checked. Shared by the
 * page (in the worker) and the command line. Never throws on user data: every failure is a problem
 * that names the file and says what to do.
 */
import type { Problem } from '../types.ts';
import { decodeTextFile, decodeUtf8OrGb18030, type Utf8Decoder } from './decode-text.ts';
import { archiveTooLarge, fileTooLarge, MAX_FILE_BYTES } from './import-limits.ts';
import { parseGeoJsonText } from './parse-geojson.ts';
import { parseLargeFeatureCollection } from './parse-large-geojson.ts';
import { readDbf, type TextEncodingUsed } from './read-dbf.ts';
import { decodeKmlBytes, readKml } from './read-kml.ts';
import { readShp } from './read-shp.ts';
import { readZip } from './read-zip.ts';

/** A file as the user gave it. */
export interface InputFile {
  /** The file's name (or path, on the command line); named in every message. */
  name: string;
  bytes: Uint8Array;
  /**
   * A GeoJSON file's FeatureCollection, already parsed as its bytes were read in pieces (the page's
   * worker: see src/worker/read-picked-files.ts); `bytes` is then empty.
   */
  collection?: unknown;
}

/** One layer found in the files, before validation. */
export interface LayerSource {
  /** Shown to the user, e.g. `plots.geojson` or `plots.zip › 地块.shp`. */
  fileName: string;
  format: 'geojson' | 'shapefile' | 'kml';
  /** A FeatureCollection-like object, not yet validated; coordinates in the file's own CRS. */
  collection: unknown;
  /** Text of the shapefile's `.prj`, or of a `.prj` given beside a GeoJSON file. */
  prj?: string;
  /** How the attribute text was decoded (shapefiles). */
  encoding?: TextEncodingUsed;
  /** Set when the format fixes the CRS (KML is WGS84 by definition). */
  crsFromFormat?: 'wgs84';
  /** Problems found while reading; `featureIndex` refers to `collection.features`. */
  problems: Problem[];
}

/** Result of {@link readLayerFiles}. */
export interface ReadLayerFilesOptions {
  /**
   * Parse every GeoJSON file as one text, however large (the command line, where memory is
   * plentiful: 1.5 times as fast on 100,000 plots). The page leaves it off: a file of 32 MB or more
   * is then parsed in pieces, and its whole text (up to twice its size in memory) never exists.
   */
  wholeGeoJsonText?: boolean;
  /** Decodes valid UTF-8 text files faster than TextDecoder (see {@link Utf8Decoder}). */
  utf8Decoder?: Utf8Decoder;
  /** Read point and line shapefiles too (context layers); else only polygon shapefiles are read. */
  anyGeometry?: boolean;
}

export interface ReadLayerFilesResult {
  sources: LayerSource[];
  /** Problems of files that gave no source (featureIndex -1). */
  problems: Problem[];
}

const SHAPEFILE_PARTS = new Set(['shp', 'shx', 'dbf', 'prj', 'cpg']);
/** Files that travel with shapefiles and are not needed (spatial indexes, metadata, QGIS styles). */
const SIDECARS = new Set([
  'sbn',
  'sbx',
  'xml',
  'qix',
  'fix',
  'qmd',
  'qml',
  'atx',
  'aih',
  'ain',
  'ixs',
  'mxs',
  'lock',
]);
/** Entries worth extracting from an archive. */
const LAYER_EXTENSIONS = new Set([...SHAPEFILE_PARTS, 'geojson', 'json', 'kml']);

const HOW_TO_ZIP = {
  zh: '请把同名的 .shp、.dbf、.prj（以及 .cpg）一起选中，或一起压缩成 .zip',
  en: 'select the .shp, .dbf and .prj (and .cpg) of the same name together, or zip them together',
};

interface Part {
  ext: string;
  /** Display name. */
  name: string;
  bytes: Uint8Array;
}

interface Group {
  stem: string;
  parts: Map<string, Part>;
}

function fileProblem(code: string, zh: string, en: string, severity: Problem['severity'] = 'error'): Problem {
  return { code, severity, featureIndex: -1, message: { zh, en } };
}

/** The name without folders (or archive prefix). */
function baseName(path: string): string {
  const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'), path.lastIndexOf('›'));
  return path.slice(cut + 1).trim();
}

/** Lower-case extension without the dot, or ''. */
function extensionOf(name: string): string {
  const base = baseName(name);
  const dot = base.lastIndexOf('.');
  return dot <= 0 ? '' : base.slice(dot + 1).toLowerCase();
}

function withoutExtension(name: string): string {
  const ext = extensionOf(name);
  return ext === '' ? name : name.slice(0, name.length - ext.length - 1);
}

type Unzipped = { ok: true; entries: { path: string; bytes: Uint8Array }[]; total: number } | { ok: false };

/** The wanted entries of the archive `name`, within its size limit; a problem (pushed to `problems`) when refused. */
function unzip(
  name: string,
  bytes: Uint8Array,
  wanted: (ext: string) => boolean,
  problems: Problem[],
): Unzipped {
  const read = readZip(bytes, (path) => wanted(extensionOf(path)));
  if (read.ok) return read;
  problems.push(
    read.reason === 'too-large'
      ? archiveTooLarge(name, bytes.length, read)
      : notAZip(name, extensionOf(name) === 'kmz' ? 'kmz' : 'zip'),
  );
  return { ok: false };
}

function notAZip(name: string, kind: 'zip' | 'kmz'): Problem {
  return fileProblem(
    'not-a-zip',
    `文件 ${name} 不是有效的${kind === 'kmz' ? ' KMZ' : ' ZIP 压缩包'}（无法解压，可能已损坏或只下载了一部分）；请重新压缩或重新下载`,
    `File ${name} is not a valid ${kind === 'kmz' ? 'KMZ' : 'zip archive'} (it cannot be extracted; it may be damaged or incompletely downloaded); zip it or download it again.`,
  );
}

/** The problem of a picked file that cannot be read (moved, deleted or locked since it was picked). */
export function unreadableFile(name: string): Problem {
  return fileProblem(
    'unreadable-file',
    `无法读取文件 ${name}（可能已被移动、删除，或正被其他程序写入）；请关闭占用它的程序后重新选择该文件`,
    `File ${name} could not be read (it may have been moved or deleted, or another program is writing it); close that program and pick the file again.`,
  );
}

class Reader {
  readonly sources: LayerSource[] = [];
  readonly problems: Problem[] = [];
  readonly groups = new Map<string, Group>();
  /** Group key → GeoJSON source, for a `.prj` given beside a GeoJSON file. */
  readonly geoJsonByStem = new Map<string, LayerSource>();

  constructor(readonly options: ReadLayerFilesOptions) {}

  addFile(name: string, bytes: Uint8Array, inArchive: boolean): void {
    const ext = extensionOf(name);
    // An archive's entries are held to the archive's limit while they are inflated (read-zip.ts).
    if (!inArchive && bytes.length > MAX_FILE_BYTES) {
      this.problems.push(fileTooLarge(name, bytes.length));
      return;
    }
    if (SHAPEFILE_PARTS.has(ext)) this.addPart(name, ext, bytes);
    else if (ext === 'geojson' || ext === 'json') this.addGeoJson(name, bytes);
    else if (ext === 'kml') this.addKml(name, decodeKmlBytes(bytes));
    else if (ext === 'kmz' && !inArchive) this.addKmz(name, bytes);
    else if (ext === 'zip' && !inArchive) this.addZip(name, bytes);
    else if (!inArchive && !SIDECARS.has(ext)) {
      this.problems.push(
        fileProblem(
          'unknown-file-type',
          `无法导入文件 ${name}：不支持「${ext === '' ? '无扩展名' : `.${ext}`}」格式。可导入 GeoJSON（.geojson/.json）、Shapefile（.zip 或 .shp+.dbf+.prj）、KML/KMZ；Excel 表格请先在 GIS 软件中与图形关联后导出`,
          `Cannot import ${name}: ${ext === '' ? 'files without an extension are' : `".${ext}" is`} not supported. Import GeoJSON (.geojson/.json), a shapefile (.zip, or .shp + .dbf + .prj) or KML/KMZ; join spreadsheets to geometry in GIS software first.`,
        ),
      );
    }
  }

  addPart(name: string, ext: string, bytes: Uint8Array): void {
    const stem = withoutExtension(name);
    const key = stem.toLowerCase();
    let group = this.groups.get(key);
    if (!group) {
      group = { stem, parts: new Map() };
      this.groups.set(key, group);
    }
    group.parts.set(ext, { ext, name, bytes });
  }

  addGeoJson(name: string, bytes: Uint8Array): void {
    // A large UTF-8 FeatureCollection is parsed from its bytes in pieces: its whole text never exists.
    const large = this.options.wholeGeoJsonText ? null : parseLargeFeatureCollection(bytes);
    if (large) {
      this.addGeoJsonSource({ fileName: name, format: 'geojson', collection: large, problems: [] });
      return;
    }
    const decoded = decodeTextFile(bytes, this.options.utf8Decoder);
    const parsed = parseGeoJsonText(decoded.text, name);
    if (!parsed.ok) {
      this.problems.push(...parsed.problems);
      return;
    }
    const problems = [...parsed.problems];
    if (decoded.encoding === 'GB18030')
      problems.unshift(
        fileProblem(
          'not-utf8',
          `文件 ${name} 不是 UTF-8 编码，已按 GBK/GB18030 读取；如文字乱码，请另存为 UTF-8`,
          `File ${name} is not UTF-8 and was read as GBK/GB18030; if the text is garbled, save it as UTF-8.`,
          'warning',
        ),
      );
    else if (decoded.encoding !== 'UTF-8')
      problems.unshift(
        fileProblem(
          'not-utf8',
          `文件 ${name} 是 ${decoded.encoding} 编码（GeoJSON 应为 UTF-8），已按 ${decoded.encoding} 读取；其他软件可能无法读取，建议另存为 UTF-8`,
          `File ${name} is ${decoded.encoding} (GeoJSON should be UTF-8) and was read as ${decoded.encoding}; other software may not read it, so save it as UTF-8.`,
          'warning',
        ),
      );
    this.addGeoJsonSource({ fileName: name, format: 'geojson', collection: parsed.value, problems });
  }

  addGeoJsonSource(source: LayerSource): void {
    this.sources.push(source);
    this.geoJsonByStem.set(withoutExtension(source.fileName).toLowerCase(), source);
  }

  addKml(name: string, text: string): void {
    const read = readKml(text, name);
    if (!read.ok) {
      this.problems.push(...read.problems);
      return;
    }
    this.sources.push({
      fileName: name,
      format: 'kml',
      collection: read.collection,
      crsFromFormat: 'wgs84',
      problems: read.problems,
    });
  }

  addKmz(name: string, bytes: Uint8Array): void {
    const unzipped = unzip(name, bytes, (ext) => ext === 'kml', this.problems);
    if (!unzipped.ok) return;
    // The KML 2.2 standard reads the first .kml at the root; doc.kml is the usual name.
    const kmls = unzipped.entries;
    const chosen =
      kmls.find((entry) => entry.path.toLowerCase() === 'doc.kml') ??
      kmls.find((entry) => !entry.path.includes('/')) ??
      kmls[0];
    if (!chosen) {
      this.problems.push(
        fileProblem(
          'no-kml-in-kmz',
          `文件 ${name} 中没有 .kml 文件，无法读取；请从原软件重新导出 KMZ 或 KML`,
          `File ${name} contains no .kml file and cannot be read; export the KMZ or KML again from the original software.`,
        ),
      );
      return;
    }
    this.addKml(`${name} › ${chosen.path}`, decodeKmlBytes(chosen.bytes));
  }

  addZip(name: string, bytes: Uint8Array): void {
    const unzipped = unzip(name, bytes, (ext) => LAYER_EXTENSIONS.has(ext), this.problems);
    if (!unzipped.ok) return;
    if (unzipped.total === 0) {
      this.problems.push(
        fileProblem(
          'empty-zip',
          `压缩包 ${name} 是空的；${HOW_TO_ZIP.zh}`,
          `The archive ${name} is empty; ${HOW_TO_ZIP.en}.`,
        ),
      );
      return;
    }
    const before = this.sources.length + this.problems.length + this.groups.size;
    for (const entry of unzipped.entries) this.addFile(`${name} › ${entry.path}`, entry.bytes, true);
    if (this.sources.length + this.problems.length + this.groups.size === before) {
      this.problems.push(
        fileProblem(
          'no-layer-in-zip',
          `压缩包 ${name} 中没有 .shp 文件（也没有 GeoJSON 或 KML）；请把 .shp、.dbf、.prj 一起压缩`,
          `The archive ${name} holds no .shp file (nor GeoJSON or KML); zip the .shp, .dbf and .prj together.`,
        ),
      );
    }
  }

  finish(): ReadLayerFilesResult {
    for (const group of this.groups.values()) this.readGroup(group);
    return { sources: this.sources, problems: this.problems };
  }

  readGroup(group: Group): void {
    const { parts } = group;
    const shp = parts.get('shp');
    if (!shp) {
      const geoJson = this.geoJsonByStem.get(group.stem.toLowerCase());
      const prj = parts.get('prj');
      if (geoJson && prj && parts.size === 1) {
        geoJson.prj = decodeUtf8OrGb18030(prj.bytes).text;
        return;
      }
      const names = [...parts.values()].map((part) => part.name).join('、');
      const base = baseName(group.stem);
      this.problems.push(
        fileProblem(
          'missing-shp',
          `${names} 没有对应的 .shp 文件（${base}.shp），无法读取图形；${HOW_TO_ZIP.zh}`,
          `${names.replace(/、/g, ', ')}: there is no matching .shp file (${base}.shp), so there is no geometry to read; ${HOW_TO_ZIP.en}.`,
        ),
      );
      return;
    }
    const dbf = parts.get('dbf');
    const base = baseName(group.stem);
    if (!dbf) {
      this.problems.push(
        fileProblem(
          'missing-dbf',
          `Shapefile ${shp.name} 缺少属性表 ${base}.dbf，无法读取地块属性；${HOW_TO_ZIP.zh}`,
          `Shapefile ${shp.name} has no attribute table ${base}.dbf, so its attributes cannot be read; ${HOW_TO_ZIP.en}.`,
        ),
      );
      return;
    }
    const source = readShapefile(shp, dbf, parts.get('prj'), parts.get('cpg'), this.options.anyGeometry);
    if ('fileName' in source) this.sources.push(source);
    else this.problems.push(...source.problems);
  }
}

/** Pairs the shapes of a .shp with the records of its .dbf (record i ↔ shape i; deleted records drop their shape). */
function readShapefile(
  shp: Part,
  dbf: Part,
  prj: Part | undefined,
  cpg: Part | undefined,
  anyGeometry = false,
): LayerSource | { problems: Problem[] } {
  const shapes = readShp(shp.bytes, shp.name, { anyGeometry });
  const cpgText = cpg ? decodeUtf8OrGb18030(cpg.bytes).text : undefined;
  const table = readDbf(dbf.bytes, dbf.name, cpgText === undefined ? {} : { cpg: cpgText });
  if (!shapes.ok || !table.ok) {
    return { problems: [...(shapes.ok ? [] : shapes.problems), ...(table.ok ? [] : table.problems)] };
  }
  const recordAt = new Map<number, Record<string, unknown>>();
  table.recordIndices.forEach((recordIndex, k) => {
    recordAt.set(recordIndex, table.records[k] ?? {});
  });
  const features: unknown[] = [];
  const featureOfRecord = new Map<number, number>();
  shapes.geometries.forEach((geometry, index) => {
    const properties = recordAt.get(index);
    if (properties === undefined && index < table.recordCount) return;
    featureOfRecord.set(index, features.length);
    features.push({ type: 'Feature', geometry, properties: properties ?? {} });
  });
  const problems: Problem[] = [];
  for (const problem of shapes.problems) {
    if (problem.featureIndex < 0) problems.push(problem);
    else {
      const featureIndex = featureOfRecord.get(problem.featureIndex);
      if (featureIndex !== undefined) problems.push({ ...problem, featureIndex });
    }
  }
  problems.push(...table.problems);
  if (shapes.geometries.length !== table.recordCount) {
    problems.push(
      fileProblem(
        'record-count-mismatch',
        `${shp.name} 有 ${shapes.geometries.length} 个图形，而 ${dbf.name} 有 ${table.recordCount} 条记录，两者不是同一次导出；已按顺序配对，多出的图形没有属性。请确认 .shp 与 .dbf 来自同一个 Shapefile`,
        `${shp.name} has ${shapes.geometries.length} shapes but ${dbf.name} has ${table.recordCount} records, so they are not from the same export; they were paired in order and extra shapes have no attributes. Check that the .shp and .dbf belong together.`,
        'warning',
      ),
    );
  }
  const source: LayerSource = {
    fileName: shp.name,
    format: 'shapefile',
    collection: { type: 'FeatureCollection', features },
    encoding: table.encoding,
    problems,
  };
  if (prj) source.prj = decodeUtf8OrGb18030(prj.bytes).text;
  return source;
}

/**
 * Reads the files a user dropped or picked (or the command line was given) into layer sources.
 *
 * Accepted: GeoJSON (`.geojson`/`.json`, UTF-8 with or without BOM; GBK is read with a warning; a
 * `.prj` of the same name beside it is attached), zipped shapefiles (`.zip` with one or more
 * `.shp` + `.dbf` [+ `.prj`, `.cpg`, `.shx`], in any sub-folder, entry names in UTF-8 or GBK; GeoJSON
 * and KML inside a zip are read too), the loose parts of shapefiles given together, KML and KMZ.
 * Parts are matched by name without extension, ignoring case. Index and metadata files (`.sbn`,
 * `.shp.xml`, …) are ignored. Sizes are limited (import-limits.ts): a file above 500 MB is
 * `file-too-large`, an archive that would inflate past its limit `zip-too-large`, both unread.
 * Problems of files that give no source: `unknown-file-type`, `file-too-large`, `zip-too-large`,
 * `not-a-zip`, `empty-zip`, `no-layer-in-zip`, `no-kml-in-kmz`, `missing-dbf`, `missing-shp`,
 * `not-a-shapefile`, `not-a-polygon-layer`, `not-a-dbf`, `invalid-kml` and the GeoJSON parse errors.
 *
 * @param files names and contents
 * @param options see {@link ReadLayerFilesOptions}
 * @returns the sources in the order given (shapefiles after the other formats) and file problems
 */
export function readLayerFiles(
  files: readonly InputFile[],
  options: ReadLayerFilesOptions = {},
): ReadLayerFilesResult {
  const reader = new Reader(options);
  for (const file of files)
    if (file.collection === undefined) reader.addFile(file.name, file.bytes, false);
    else
      reader.addGeoJsonSource({
        fileName: file.name,
        format: 'geojson',
        collection: file.collection,
        problems: [],
      });
  return reader.finish();
}
