import { legalAidApplicationInputSchema } from '@zhucheng/contracts';
import { describe, expect, it } from 'vitest';
import { type ApplicationFormValues, draftDataOf, formValuesOf, wayOf } from './application-form-model.ts';

const filled: ApplicationFormValues = {
  applicant: {
    name: ' 欧阳木兰 ',
    idNumber: '450503198503122621',
    phone: '13977912345',
    address: '北海市银海区银滩镇',
  },
  matter: {
    matterType: 'civil',
    disputeKind: 'wageArrears',
    opposingParty: '',
    placeUnitId: 7,
    facts: '拖欠工资',
    request: '追回工资',
    amountClaimed: 28600,
  },
  hardshipWay: 'pledge',
  hardship: {
    exemption: 'art42MigrantWorker',
    pledgeSigned: true,
    householdSize: 4,
    householdMonthlyIncome: 2600,
  },
  urgent: false,
  urgentReason: '不该保存',
};

describe('the portal application form and its server draft', () => {
  it('a pledge keeps the figures and the signature, drops a stale exemption, and is a valid application', () => {
    const data = draftDataOf(filled, ['0b9f9a3e-7c1e-4d3b-9a51-2f6c1d1e4a10'], 3);
    expect(data.hardship).toMatchObject({ exemption: null, proof: 'pledge', pledgeSigned: true });
    expect(data.applicant).toMatchObject({ name: '欧阳木兰', idType: 'residentIdCard' });
    expect(data.matter?.opposingParty).toBeNull();
    expect(data.urgentReason).toBeNull();
    expect(data.step).toBe(3);
    const parsed = legalAidApplicationInputSchema.safeParse({ ...data, step: undefined });
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
  });

  it('an exemption needs no proof and no signature', () => {
    const data = draftDataOf({ ...filled, hardshipWay: 'exemption' }, [], 2);
    expect(data.hardship).toMatchObject({
      exemption: 'art42MigrantWorker',
      proof: null,
      pledgeSigned: false,
    });
    expect(wayOf(data)).toBe('exemption');
  });

  it('resuming shows what was saved, with the same choice of hardship', () => {
    const data = draftDataOf(filled, [], 2);
    const again = formValuesOf(data);
    expect(again.hardshipWay).toBe('pledge');
    expect(again.applicant?.name).toBe('欧阳木兰');
    expect(again.matter?.amountClaimed).toBe(28600);
    expect(draftDataOf(again, [], 2)).toEqual(data);
  });

  it('an empty draft opens an empty form', () => {
    const values = formValuesOf({});
    expect(values.hardshipWay).toBeUndefined();
    expect(values.matter?.matterType).toBeUndefined();
    expect(values.urgent).toBe(false);
  });
});
