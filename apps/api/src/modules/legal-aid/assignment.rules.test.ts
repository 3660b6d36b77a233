import { describe, expect, it } from 'vitest';
import {
  type AssignmentCaseFacts,
  checkAssignment,
  conflictReason,
  type LawyerFacts,
  normalisePartyName,
  rankCandidates,
  rotationChoice,
} from './assignment.rules.ts';

const today = '2026-03-10';

function lawyer(over: Partial<LawyerFacts> & { id: string }): LawyerFacts {
  return {
    name: `律师${over.id}`,
    lawFirm: '广西海城律师事务所',
    licenceNumber: `1450520201${over.id.padStart(7, '0')}`,
    registeredHere: true,
    onDuty: true,
    staffUserId: `u-${over.id}`,
    practiceStartDate: '2015-01-01',
    registeredOn: '2020-01-01',
    leftOn: null,
    unavailable: [],
    expertPanel: false,
    lastAssignedAt: null,
    openCases: [],
    ...over,
  };
}

const aidCase = (over: Partial<AssignmentCaseFacts> = {}): AssignmentCaseFacts => ({
  caseId: 'c1',
  applicantName: '黄秀梅',
  opposingParty: '北海市某建筑劳务有限公司',
  lifeOrDeath: false,
  minor: false,
  ...over,
});

describe('assignment rules (法律援助法 第四十三条: assign within 3 days)', () => {
  it('rotation: the least recently assigned duty lawyer first, ties by fewer open cases, then licence', () => {
    const open = {
      caseId: 'x',
      caseNo: '海城法援〔2026〕第2号',
      applicantNames: ['甲'],
      opposingParty: '乙',
    };
    const ranked = rankCandidates(
      aidCase(),
      [
        lawyer({ id: '1', lastAssignedAt: new Date('2026-03-05T02:00:00Z') }),
        lawyer({ id: '2', lastAssignedAt: new Date('2026-03-01T02:00:00Z'), openCases: [open] }),
        lawyer({ id: '3', lastAssignedAt: new Date('2026-03-01T02:00:00Z') }),
        lawyer({ id: '4', onDuty: false }),
      ],
      today,
    );
    expect(ranked.map((r) => r.lawyerId)).toEqual(['3', '2', '1', '4']);
    expect(ranked[1]?.openCases).toBe(1);
    expect(ranked[0]?.reasons).toContain('今日值班');
    expect(rotationChoice(ranked)?.lawyerId).toBe('3');
    // The same input gives the same order.
    expect(rankCandidates(aidCase(), [lawyer({ id: 'b' }), lawyer({ id: 'a' })], today)[0]?.lawyerId).toBe(
      'a',
    );
  });

  it('skips the unavailable, those who left and those without an account, saying why', () => {
    const ranked = rankCandidates(
      aidCase(),
      [
        lawyer({ id: '1', unavailable: [{ from: '2026-03-09', to: '2026-03-12', reason: '病假' }] }),
        lawyer({ id: '2', leftOn: '2026-03-01' }),
        lawyer({ id: '3', staffUserId: null }),
        lawyer({ id: '4', registeredHere: false, onDuty: false }),
        lawyer({ id: '5' }),
      ],
      today,
    );
    expect(ranked[0]).toMatchObject({ lawyerId: '5', eligible: true });
    const why = Object.fromEntries(ranked.map((r) => [r.lawyerId, r.reasons.join('；')]));
    expect(why['1']).toContain('病假');
    expect(why['2']).toContain('已退出律师库');
    expect(why['3']).toContain('尚未开通系统账号，无法接受指派');
    expect(why['4']).toContain('不是本中心登记的律师');
  });

  it('第二十六条: a possible life or death sentence needs at least 3 years of practice, counted to today', () => {
    const c = aidCase({ lifeOrDeath: true });
    const ranked = rankCandidates(
      c,
      [
        lawyer({ id: 'new', practiceStartDate: '2023-03-11' }),
        lawyer({ id: 'old', practiceStartDate: '2023-03-10' }),
      ],
      today,
    );
    expect(ranked.map((r) => [r.lawyerId, r.eligible])).toEqual([
      ['old', true],
      ['new', false],
    ]);
    expect(ranked[1]?.reasons.join()).toContain('第二十六条');
    expect(checkAssignment(ranked, { lawyerId: 'new', method: 'manual', reason: '熟悉案情' })).toMatchObject({
      ok: false,
    });
  });

  it('conflict check: the opposing party is the client of an open case, or the applicant is opposed there', () => {
    const held = (opposingParty: string | null, applicantNames: string[]) => ({
      openCases: [{ caseId: 'other', caseNo: '海城法援〔2026〕第7号', applicantNames, opposingParty }],
    });
    // Full-width brackets, spaces and 有限责任公司 compare as the same name.
    expect(normalisePartyName(' 北海市（海城）某建筑劳务有限责任公司 ')).toBe(
      normalisePartyName('北海市(海城)某建筑劳务有限公司'),
    );
    const c = aidCase({ opposingParty: '北海市（海城）某建筑劳务有限公司' });
    expect(conflictReason(c, held('张三', ['北海市(海城)某建筑劳务有限责任公司']))).toContain(
      '海城法援〔2026〕第7号',
    );
    expect(conflictReason(aidCase(), held(' 黄秀梅', ['李四']))).toContain('对方当事人');
    expect(conflictReason(aidCase(), held('王五', ['李四']))).toBeNull();
    const ranked = rankCandidates(aidCase(), [lawyer({ id: '1', ...held('黄秀梅', ['李四']) })], today);
    expect(ranked[0]?.eligible).toBe(false);
    expect(ranked[0]?.reasons.join()).toContain('利益冲突');
  });

  it('minors: the expert panel first', () => {
    const ranked = rankCandidates(
      aidCase({ minor: true }),
      [lawyer({ id: '1' }), lawyer({ id: '2', expertPanel: true, onDuty: false })],
      today,
    );
    expect(ranked[0]?.lawyerId).toBe('2');
    expect(ranked[0]?.reasons[0]).toContain('专家库');
  });

  it('点援制 and manual choices: eligible only; other than the rotation needs a reason', () => {
    const ranked = rankCandidates(
      aidCase(),
      [lawyer({ id: '1' }), lawyer({ id: '2', staffUserId: null }), lawyer({ id: '3' })],
      today,
    );
    expect(checkAssignment(ranked, { lawyerId: '1', method: 'rotation' })).toEqual({ ok: true });
    expect(checkAssignment(ranked, { lawyerId: '3', method: 'rotation' })).toMatchObject({
      ok: false,
      path: 'method',
    });
    const refused = checkAssignment(ranked, { lawyerId: '2', method: 'chosen', reason: '受援人点援' });
    expect(refused).toMatchObject({ ok: false, path: 'lawyerId' });
    expect(refused.ok ? '' : refused.message).toContain('受援人选择的律师');
    expect(checkAssignment(ranked, { lawyerId: '3', method: 'chosen' })).toMatchObject({
      ok: false,
      path: 'reason',
    });
    expect(checkAssignment(ranked, { lawyerId: '3', method: 'chosen', reason: '受援人点名' })).toEqual({
      ok: true,
    });
    expect(checkAssignment(ranked, { lawyerId: '3', method: 'expertPanel', reason: 'x' })).toMatchObject({
      ok: false,
    });
    expect(checkAssignment(ranked, { lawyerId: 'nobody', method: 'manual', reason: 'x' })).toMatchObject({
      ok: false,
    });
  });
});
