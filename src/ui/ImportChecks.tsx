import type { PlausibilitySummary } from '../core/checks/plausibility-checks.ts';
import type { Message } from '../core/types.ts';
import { formatCount, type Language, type MessageKey, translate } from '../i18n/messages.ts';
import type { ImportKind } from '../worker/source-preview.ts';
import { formatList, formatM2 } from './format.ts';

interface ImportChecksProps {
  checks: PlausibilitySummary;
  kind: ImportKind;
  language: Language;
}

/**
 * The import dialog's plausibility section (src/core/checks): in plain words, how many features lie
 * outside the county or on water, how many plots disagree with their boundary's town, overlap or
 * repeat another, each with a few examples; the hint when the whole layer looks shifted; and, only
 * when none of that was found, that nothing was.
 */
export function ImportChecks({ checks, kind, language }: ImportChecksProps) {
  const t = (key: MessageKey, values?: Record<string, string | number>) => translate(language, key, values);
  const text = (message: Message) => (language === 'zh-CN' ? message.zh : message.en);
  const count = (value: number) => formatCount(language, value);
  const list = (items: string[]) => formatList(language, items);
  const findings: { key: string; line: string; examples: string[] }[] = [];
  if (checks.outsideCounty > 0)
    findings.push({
      key: 'outsideCounty',
      line: t('checks.outsideCounty', { count: count(checks.outsideCounty) }),
      examples: checks.outsideCountyIds,
    });
  if (checks.onWater > 0)
    findings.push({
      key: 'onWater',
      line: t('checks.onWater', { count: count(checks.onWater) }),
      examples: checks.onWaterIds,
    });
  if (checks.townMismatch > 0)
    findings.push({
      key: 'townMismatch',
      line: t('checks.townMismatch', { count: count(checks.townMismatch) }),
      examples: checks.townMismatches.map((m) => t('checks.townExample', { ...m })),
    });
  if (checks.overlappingPairs > 0)
    findings.push({
      key: 'overlapping',
      line: t('checks.overlapping', {
        count: count(checks.overlappingPairs),
        area: formatM2(language, checks.overlapM2),
      }),
      examples: checks.overlaps.map((o) =>
        t('checks.overlapExample', { a: o.ids[0], b: o.ids[1], area: formatM2(language, o.areaM2) }),
      ),
    });
  if (checks.duplicateGeometries > 0)
    findings.push({
      key: 'duplicate',
      line: t('checks.duplicate', { count: count(checks.duplicateGeometries) }),
      examples: checks.duplicates.map((group) => t('checks.duplicateExample', { ids: list(group) })),
    });
  const found = findings.length > 0 || checks.shift !== null;
  return (
    <div className={`import-checks${found ? ' import-checks-found' : ''}`} data-testid="import-checks">
      <h4>{t('checks.title')}</h4>
      {checks.shift && (
        <p className="import-checks-shift" data-testid="import-checks-shift" data-kind={checks.shift.kind}>
          {text(checks.shift.message)}
        </p>
      )}
      {findings.length > 0 ? (
        <>
          <p>{t('checks.found')}</p>
          <ul>
            {findings.map((finding) => (
              <li key={finding.key} data-check={finding.key}>
                {finding.line}
                {language === 'zh-CN' ? '。' : '. '}
                <span className="import-hint">
                  {t('checks.examples', { examples: list(finding.examples) })}
                </span>
              </li>
            ))}
          </ul>
          {kind === 'plots' && <p className="import-hint">{t('checks.afterLoad')}</p>}
        </>
      ) : (
        !checks.shift && (
          <p>
            {t('checks.none', {
              count: count(checks.features),
              plotsClause: kind === 'plots' ? t('checks.nonePlots') : '',
            })}
          </p>
        )
      )}
    </div>
  );
}
