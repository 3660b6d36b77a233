import { describe, expect, it } from 'vitest';
import { missingNotices, releaseRefusal, terminationRefusal } from './release.rules.ts';

describe('release and termination rules (第四十四条、第四十五条)', () => {
  it('releases on or after the period end, never before, never in the future', () => {
    expect(releaseRefusal('2026-09-30', '2026-09-29', '2026-10-08')).toMatch(/期满之前不能解除/);
    expect(releaseRefusal('2026-09-30', '2026-09-30', '2026-10-08')).toBeNull();
    expect(releaseRefusal('2026-09-30', '2026-10-08', '2026-10-08')).toBeNull();
    expect(releaseRefusal('2026-09-30', '2026-10-09', '2026-10-08')).toBe('解除日期不能晚于今天');
  });

  it('revocation only for probation and parole', () => {
    const base = { endedOn: '2026-05-01', periodStart: '2026-01-01', today: '2026-06-01' };
    expect(terminationRefusal({ ...base, reason: 'revocation', sentenceKind: 'publicSurveillance' })).toMatch(
      /只适用于缓刑、假释/,
    );
    expect(terminationRefusal({ ...base, reason: 'revocation', sentenceKind: 'parole' })).toBeNull();
    expect(terminationRefusal({ ...base, reason: 'death', sentenceKind: 'temporaryService' })).toBeNull();
    expect(
      terminationRefusal({ ...base, reason: 'committal', sentenceKind: 'probation', endedOn: '2025-12-31' }),
    ).toMatch(/不能早于/);
  });

  it('lists the authorities not yet notified', () => {
    expect(missingNotices(['court'])).toEqual(['procuratorate', 'police']);
    expect(missingNotices(['police', 'court', 'procuratorate'])).toEqual([]);
  });
});
