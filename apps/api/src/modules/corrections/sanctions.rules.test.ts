import { describe, expect, it } from 'vitest';
import { deviationRefusal, historyOf, suggestSanction } from './sanctions.rules.ts';

const none = { admonitions: 0, warnings: 0 };

describe('sanction suggestions', () => {
  it('late report or absence up to 10 days → admonition; over 10 → warning; over a month → revocation', () => {
    expect(suggestSanction('lateReport', null, none, 'probation').kind).toBe('admonition');
    expect(suggestSanction('absence', 10, none, 'probation').kind).toBe('admonition');
    expect(suggestSanction('absence', 11, none, 'probation').kind).toBe('warning');
    expect(suggestSanction('absence', 30, none, 'probation').kind).toBe('warning');
    expect(suggestSanction('absence', 31, none, 'probation')).toEqual({
      kind: 'requestRevocation',
      reasons: ['脱离监管31天，超过一个月'],
    });
  });

  it('a second admonition suggests a warning', () => {
    const h = historyOf(['admonition']);
    expect(h).toEqual({ admonitions: 1, warnings: 0 });
    const s = suggestSanction('missedEducation', null, h, 'probation');
    expect(s.kind).toBe('warning');
    expect(s.reasons).toContain('已受训诫1次，再次违规应予警告');
  });

  it('two warnings suggest revocation (or committal / a penalty request by the sentence)', () => {
    const h = historyOf(['admonition', 'admonition', 'warning']);
    expect(h).toEqual({ admonitions: 0, warnings: 1 });
    expect(suggestSanction('prohibitionMinor', null, h, 'parole').kind).toBe('requestRevocation');
    expect(suggestSanction('prohibitionMinor', null, h, 'temporaryService').kind).toBe('requestCommittal');
    expect(suggestSanction('prohibitionMinor', null, h, 'publicSurveillance').kind).toBe('requestPenalty');
    // an admonition-level breach after a warning and an admonition climbs two steps
    const h2 = historyOf(['warning', 'admonition']);
    expect(suggestSanction('lateReport', null, h2, 'probation').kind).toBe('requestRevocation');
  });

  it('a warning resets the count of admonitions', () => {
    expect(historyOf(['admonition', 'warning']).admonitions).toBe(0);
    expect(suggestSanction('lateReport', null, historyOf(['admonition', 'warning']), 'probation').kind).toBe(
      'admonition',
    );
  });

  it('other triggers: serious prohibition breach, after a penalty, merit, medical re-check, no suggestion', () => {
    expect(suggestSanction('prohibitionSerious', null, none, 'probation').kind).toBe('requestRevocation');
    expect(suggestSanction('afterPenalty', null, none, 'temporaryService').kind).toBe('requestCommittal');
    expect(suggestSanction('merit', null, historyOf(['warning']), 'probation').kind).toBe('praise');
    expect(suggestSanction('medicalRecheck', null, none, 'temporaryService').kind).toBe('warning');
    expect(suggestSanction('publicSecurityOffence', null, none, 'probation').kind).toBe('requestPenalty');
    expect(suggestSanction('other', null, none, 'probation').kind).toBeNull();
  });

  it('choosing another step than suggested needs a note', () => {
    expect(deviationRefusal('admonition', 'warning', null)).toBe('系统建议为“警告”，选择“训诫”请说明理由');
    expect(deviationRefusal('admonition', 'warning', '初次且主动说明')).toBeNull();
    expect(deviationRefusal('warning', 'warning', null)).toBeNull();
    expect(deviationRefusal('praise', null, null)).toBeNull();
  });
});
