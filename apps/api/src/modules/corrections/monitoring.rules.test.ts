import { describe, expect, it } from 'vitest';
import { addMonths, conditionRefusal, latestEnd, renewalRefusal, termRefusal } from './monitoring.rules.ts';

describe('Art. 29 monitoring: conditions and limits', () => {
  it('a term of 3 months is allowed; 3 months and a day is refused', () => {
    expect(latestEnd('2026-10-01')).toBe('2026-12-31');
    expect(termRefusal('2026-10-01', '2026-12-31')).toBeNull();
    expect(termRefusal('2026-10-01', '2027-01-01')).toBe(
      '电子定位监管期限不得超过三个月（最迟至2026-12-31）',
    );
    expect(termRefusal('2026-11-30', '2027-02-27')).toBeNull();
    expect(termRefusal('2026-11-30', '2027-02-28')).not.toBeNull();
    expect(termRefusal('2026-10-05', '2026-10-04')).toBe('结束日期不能早于开始日期');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
  });

  it('a renewal needs a recorded review concluding to renew, and adds at most 3 months', () => {
    expect(renewalRefusal('2026-12-31', '2027-03-31', null)).toBe('续期前须先复查评估并记录复查情况');
    expect(renewalRefusal('2026-12-31', '2027-03-31', { conclusion: 'end' })).toBe(
      '复查结论为解除，不能续期',
    );
    expect(renewalRefusal('2026-12-31', '2027-03-31', { conclusion: 'renew' })).toBeNull();
    expect(renewalRefusal('2026-12-31', '2027-04-01', { conclusion: 'renew' })).toContain(
      '每次续期不得超过三个月',
    );
    expect(renewalRefusal('2026-12-31', '2026-12-31', { conclusion: 'renew' })).not.toBeNull();
  });

  it('each condition needs its own evidence', () => {
    const warning = { kind: 'warning', breach: 'refusedReport', withdrawn: false } as const;
    expect(conditionRefusal('warningRefusedReport', { sanction: warning })).toBeNull();
    expect(
      conditionRefusal('warningRefusedReport', { sanction: { ...warning, withdrawn: true } }),
    ).not.toBeNull();
    expect(
      conditionRefusal('warningRefusedReport', { sanction: { ...warning, kind: 'admonition' } }),
    ).toContain('因拒不报告被给予警告');
    expect(conditionRefusal('prohibitionBreach', {})).toBe(
      '适用该情形须以本矫正期内违反禁止令的奖惩记录为依据',
    );
    expect(
      conditionRefusal('prohibitionBreach', {
        sanction: { kind: 'warning', breach: 'prohibitionMinor', withdrawn: false },
      }),
    ).toBeNull();
    expect(
      conditionRefusal('leftWithoutApproval', { approval: { kind: 'leave', overdue: true } }),
    ).toBeNull();
    expect(
      conditionRefusal('leftWithoutApproval', { approval: { kind: 'leave', overdue: false } }),
    ).not.toBeNull();
    expect(
      conditionRefusal('publicSecurityPenalty', {
        sanction: { kind: 'requestPenalty', breach: 'publicSecurityOffence', withdrawn: false },
      }),
    ).toBeNull();
    expect(
      conditionRefusal('pendingRevocation', {
        sanction: { kind: 'requestRevocation', breach: 'absence', withdrawn: false },
      }),
    ).toBeNull();
    expect(
      conditionRefusal('pendingRevocation', {
        sanction: { kind: 'warning', breach: 'absence', withdrawn: false },
      }),
    ).not.toBeNull();
  });
});
