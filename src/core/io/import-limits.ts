/**
 * How large a file the app and the command line read, in one place (README "Using the app", the
 * import dialog's hint and the messages name these figures). Above them a file is refused with a
 * message before it is read into memory, instead of exhausting it.
 */

import type { Problem } from '../types.ts';

const MB = 1024 * 1024;

/**
 * The largest file read: 500 MB (a county's plots, 100,000, are about 40 MB of GeoJSON). A smaller
 * GeoJSON file is read as one text, and JavaScript holds at most about 512 MB of text in one string;
 * the page reads a GeoJSON FeatureCollection from 32 MB on in pieces (read-picked-files.ts).
 */
export const MAX_FILE_BYTES = 500 * MB;

/** An archive may always inflate to this much (shapefile zips compress about 3–10 times). */
const ALWAYS_ALLOWED_INFLATED_BYTES = 200 * MB;
/** Above that, at most this many times the archive's own size (a zip bomb inflates 1,000 times). */
const MAX_INFLATION_RATIO = 100;

/**
 * What a zip or KMZ of `archiveBytes` may inflate to, all the entries read from it together: 100
 * times its size, but never less than 200 MB nor more than {@link MAX_FILE_BYTES}.
 *
 * @example inflatedLimit(2.2 * 1024 * 1024) // → 209715200 (200 MB)
 */
export function inflatedLimit(archiveBytes: number): number {
  return Math.min(
    MAX_FILE_BYTES,
    Math.max(ALWAYS_ALLOWED_INFLATED_BYTES, archiveBytes * MAX_INFLATION_RATIO),
  );
}

/** A size in bytes for a message: `2.2 MB`, `2,355 MB`, `12 KB`. */
export function formatBytes(bytes: number): string {
  if (bytes < MB) return `${Math.max(1, Math.round(bytes / 1024)).toLocaleString('en-US')} KB`;
  const mb = bytes / MB;
  return `${mb < 10 ? mb.toFixed(1) : Math.round(mb).toLocaleString('en-US')} MB`;
}

const SPLIT = {
  zh: '请在 GIS 软件中按镇街拆分成几个较小的文件（或只导出需要的地块），分别导入',
  en: 'split it into smaller files in GIS software (by town, or only the plots needed) and import them one at a time',
};

/** The problem of a file larger than {@link MAX_FILE_BYTES} (refused before it is read). */
export function fileTooLarge(name: string, bytes: number): Problem {
  return {
    code: 'file-too-large',
    severity: 'error',
    featureIndex: -1,
    message: {
      zh: `文件 ${name} 有 ${formatBytes(bytes)}，超过可导入的上限 ${formatBytes(MAX_FILE_BYTES)}，未读取；${SPLIT.zh}`,
      en: `File ${name} is ${formatBytes(bytes)}, more than the ${formatBytes(MAX_FILE_BYTES)} that can be imported, so it was not read; ${SPLIT.en}.`,
    },
  };
}

/** What an archive refused for its size says (see read-zip.ts). */
export interface TooLargeArchive {
  /** The limit for this archive, in bytes (see inflatedLimit). */
  limitBytes: number;
  /** The largest entry read, or the entry that inflated past its declared size. */
  entry: string;
  entryDeclaredBytes: number;
  /** What the entries read declare together. */
  totalDeclaredBytes: number;
  /** Set when `entry` inflated past its declared size: the bytes inflated when it was stopped. */
  inflatedBytes: number | null;
}

/** The problem of a zip or KMZ `name` of `archiveBytes` that inflates past its limit. */
export function archiveTooLarge(name: string, archiveBytes: number, found: TooLargeArchive): Problem {
  const size = formatBytes(archiveBytes);
  const limit = formatBytes(found.limitBytes);
  const { entry } = found;
  const declared = formatBytes(found.entryDeclaredBytes);
  const message =
    found.inflatedBytes !== null
      ? {
          zh: `压缩包 ${name}（${size}）中的 ${entry} 声明解压后为 ${declared}，实际内容更多（停止时已解压 ${formatBytes(found.inflatedBytes)}）：文件已损坏，或是“压缩炸弹”。已停止解压，未读取。请从原软件重新导出并压缩`,
          en: `In the archive ${name} (${size}), ${entry} declares ${declared} unpacked but holds more (${formatBytes(found.inflatedBytes)} when unpacking was stopped): the file is damaged or a "zip bomb". Nothing was read. Export and zip the layer again from the original software.`,
        }
      : {
          zh: `压缩包 ${name}（${size}）解压后有 ${formatBytes(found.totalDeclaredBytes)}（其中 ${entry} 为 ${declared}），超过此压缩包可解压的上限 ${limit}（压缩包大小的 100 倍，至少 200 MB，至多 ${formatBytes(MAX_FILE_BYTES)}），未解压。如确是图层数据，${SPLIT.zh}`,
          en: `The archive ${name} (${size}) unpacks to ${formatBytes(found.totalDeclaredBytes)} (${entry}: ${declared}), more than the ${limit} it may unpack to (100 times its size, at least 200 MB, at most ${formatBytes(MAX_FILE_BYTES)}), so it was not unpacked. If it is layer data, ${SPLIT.en}.`,
        };
  return { code: 'zip-too-large', severity: 'error', featureIndex: -1, message };
}
