import { superviseeRegisterSchema } from '@zhucheng/contracts';
import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import {
  formFieldOf,
  teamFormProblem,
  toAnnouncementInput,
  toInvestigationInput,
  toRegisterInput,
  toTeamInput,
  toUpdateInput,
} from './form-model.ts';

describe('toRegisterInput', () => {
  const values = {
    name: ' 王海燕 ',
    idType: 'residentIdCard' as const,
    idNumber: '11010119900307002X',
    gender: 'female' as const,
    birthDate: dayjs('1990-03-07'),
    address: '',
    phone: '138 0013 8000',
    supervisingOfficeId: 12,
    sentenceKind: 'probation' as const,
    offence: '危险驾驶罪',
    courtName: '北海市海城区人民法院',
    judgmentNo: '（2026）桂0502刑初88号',
    judgmentEffectiveOn: dayjs('2026-11-20'),
    noticeNo: '',
    noticeReceivedOn: null,
    period: [dayjs('2026-11-20'), dayjs('2027-11-19')] as [dayjs.Dayjs, dayjs.Dayjs],
    prohibitionOrders: ['禁止进入酒吧', '', undefined],
    flags: ['maritime' as const],
    photoFileId: null,
  };

  it('sends what the register schema accepts, the phone both as login and as the contact', () => {
    const input = toRegisterInput(values);
    expect(superviseeRegisterSchema.safeParse(input).success).toBe(true);
    expect(input.phone).toBe('13800138000');
    expect(input.person).toMatchObject({ name: '王海燕', phone: '13800138000', address: null });
    expect(input.periodStart).toBe('2026-11-20');
    expect(input.periodEnd).toBe('2027-11-19');
    expect(input.noticeNo).toBeNull();
    expect(input.prohibitionOrders).toEqual(['禁止进入酒吧']);
  });

  it('leaves the document type out when no number is entered', () => {
    const input = toRegisterInput({ ...values, idNumber: ' ' });
    expect(input.person.idType).toBeNull();
    expect(input.person.idNumber).toBeNull();
  });

  it('sends an empty office as 0 so the API names the field', () => {
    expect(toRegisterInput({ ...values, supervisingOfficeId: undefined }).supervisingOfficeId).toBe(0);
  });
});

describe('formFieldOf', () => {
  it('maps API error paths onto the flat form', () => {
    expect(formFieldOf('person.idNumber')).toEqual(['idNumber']);
    expect(formFieldOf('person.phone')).toEqual(['phone']);
    expect(formFieldOf('periodEnd')).toEqual(['period']);
    expect(formFieldOf('prohibitionOrders.1')).toEqual(['prohibitionOrders', '1']);
    expect(formFieldOf('offence')).toEqual(['offence']);
  });
});

describe('toUpdateInput', () => {
  it('keeps the phone unless a new one is typed', () => {
    const base = { offence: '盗窃罪', courtName: '法院', judgmentNo: '号', period: null, flags: [] };
    expect(toUpdateInput(base, 3)).not.toHaveProperty('phone');
    expect(toUpdateInput({ ...base, phone: '13900001111' }, 3)).toMatchObject({
      version: 3,
      phone: '13900001111',
    });
  });
});

describe('team', () => {
  const man = { name: '李明', role: 'justiceOffice' as const, gender: 'male' as const, leader: true };
  const woman = { name: '赵丽', role: 'family' as const, gender: 'female' as const };

  it('asks for a woman on a woman supervisee’s team', () => {
    expect(teamFormProblem('female', [man, { ...woman, gender: 'male' }])).toContain('女性成员');
    expect(teamFormProblem('female', [man, woman])).toBeNull();
    expect(teamFormProblem('male', [man])).toContain('至少');
    expect(teamFormProblem('male', [man, { ...woman, leader: true }])).toContain('一名组长');
  });

  it('maps members with empty affiliations to null', () => {
    expect(toTeamInput([{ ...woman, affiliation: ' ' }], 2).members[0]).toEqual({
      name: '赵丽',
      role: 'family',
      gender: 'female',
      affiliation: null,
      leader: false,
    });
  });
});

describe('toAnnouncementInput', () => {
  it('drops blank attendee rows', () => {
    const input = toAnnouncementInput(
      {
        announcedOn: dayjs('2026-11-25'),
        place: '中街司法所',
        host: '李明',
        attendees: [{ name: '赵丽', role: '家属' }, {}],
      },
      1,
    );
    expect(input.attendees).toEqual([{ name: '赵丽', role: '家属' }]);
    expect(input.note).toBeNull();
  });
});

describe('toInvestigationInput', () => {
  it('defaults fast-track to false and maps the person', () => {
    const input = toInvestigationInput({
      unitId: 5,
      requesterKind: 'court',
      requesterName: '北海市海城区人民法院',
      letterNo: '海法委〔2026〕12号',
      receivedOn: dayjs('2026-11-27'),
      name: '陈强',
      offence: '盗窃罪',
    });
    expect(input.fastTrack).toBe(false);
    expect(input.person.name).toBe('陈强');
    expect(input.receivedOn).toBe('2026-11-27');
    expect(input.proposedSentenceKind).toBeNull();
  });
});
