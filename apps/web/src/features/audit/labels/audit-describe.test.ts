import { auditActionLabel as actionLabel } from '@zhucheng/contracts';
import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../api/use-audit.ts';
import { describeEntity, describeUnit } from './audit-describe.ts';

const entry: AuditEntry = {
  id: 1,
  at: '2026-11-27T08:00:00.000Z',
  actorKind: 'staff',
  actorId: 'u-1',
  actorName: '林晓梅',
  unitId: 4,
  ip: '127.0.0.1',
  action: 'user.create',
  entityType: 'staffUser',
  entityId: '36d87b74-a410-4ae0-9438-9f9a076d7781',
  before: null,
  after: { username: 'hcclerk' },
  detail: null,
  requestId: 'r-1',
  outcome: 'success',
  sealSeq: null,
};

describe('audit entries as the auditor reads them', () => {
  it('name the object from the entry itself where it can', () => {
    expect(describeEntity(entry)).toBe('账号 hcclerk');
    expect(describeEntity({ ...entry, after: null, entityId: 'u-1' })).toBe('账号 林晓梅');
    expect(describeEntity({ ...entry, after: null })).toBe('账号 36d87b74…');
    expect(describeEntity({ ...entry, entityType: null })).toBe('—');
  });

  it('name the unit from the entry, else from the tree, else by number', () => {
    expect(describeUnit({ unitId: 4, unitName: '海城区司法局' }, () => undefined)).toBe('海城区司法局');
    expect(describeUnit({ unitId: 4 }, () => '海城区司法局')).toBe('海城区司法局');
    expect(describeUnit({ unitId: 4 }, () => undefined)).toBe('编号 4');
    expect(describeUnit({ unitId: null }, () => undefined)).toBe('—');
  });

  it('show actions in Chinese, unknown ones as their code', () => {
    expect(actionLabel('auth.loginFailed')).toBe('登录失败');
    expect(actionLabel('org.unit.move')).toBe('调整上级机构');
    expect(actionLabel('legalAid.accept')).toBe('legalAid.accept');
  });
});
