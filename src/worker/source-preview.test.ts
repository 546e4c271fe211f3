import { describe, expect, it } from 'vitest';
import { detectCrs } from '../core/crs/detect-crs.ts';
import { withoutSentencesOf } from './source-preview.ts';

describe('withoutSentencesOf', () => {
  it('shows a crs member that the coordinates contradict once, not in the message and again as the warning', () => {
    const detection = detectCrs({
      crsMember: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::4528' } },
      positions: [121.25, 30.17, 121.26, 30.18],
    });
    if (!detection.ok || !detection.warning) throw new Error('expected a detection with a warning');
    const shown = withoutSentencesOf(detection.message, detection.warning);
    for (const language of ['zh', 'en'] as const) {
      const firstWarningSentence = detection.warning[language].slice(0, 30);
      expect(detection.message[language]).toContain(firstWarningSentence);
      expect(shown[language]).not.toContain(firstWarningSentence);
      expect(shown[language].length).toBeGreaterThan(20);
    }
    expect(shown.en).toMatch(/^Inferred WGS 84/);
  });

  it('leaves a message without a warning as it is', () => {
    const message = { zh: '根据 .prj 文件识别为 X。', en: 'Detected X from the .prj.' };
    expect(withoutSentencesOf(message, undefined)).toBe(message);
  });
});
