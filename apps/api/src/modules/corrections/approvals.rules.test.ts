import { describe, expect, it } from 'vitest';
import {
  decisionRefusal,
  defaultLeaveLevels,
  leaveDays,
  leaveLevelSettings,
  levelOfUnit,
  monthsBefore,
  priorDaysInWindow,
  requiredLeaveLevel,
  requiredLevelOf,
} from './approvals.rules.ts';

const s = defaultLeaveLevels;

describe('leave approval levels', () => {
  it('counts both ends of a leave', () => {
    expect(leaveDays('2026-10-01', '2026-10-01')).toBe(1);
    expect(leaveDays('2026-10-01', '2026-10-07')).toBe(7);
    expect(leaveDays('2026-12-28', '2027-01-03')).toBe(7);
  });

  it('7 days → office; 8 → county; 30 → county; 31 → the level above', () => {
    expect(requiredLeaveLevel(7, 0, s).level).toBe('office');
    expect(requiredLeaveLevel(8, 0, s).level).toBe('county');
    expect(requiredLeaveLevel(30, 0, s).level).toBe('county');
    expect(requiredLeaveLevel(31, 0, s)).toEqual({ level: 'city', reason: '请假31天，超过30天' });
  });

  it('more than 30 days in total within two months → the level above, even for a short leave', () => {
    expect(requiredLeaveLevel(5, 25, s).level).toBe('office');
    expect(requiredLeaveLevel(6, 25, s)).toEqual({ level: 'city', reason: '2个月内累计请假31天，超过30天' });
  });

  it('sums only the prior leave days inside the two months before the end', () => {
    const leave = { fromDate: '2026-12-10', toDate: '2026-12-15' };
    expect(monthsBefore('2026-12-15', 2)).toBe('2026-10-15');
    expect(
      priorDaysInWindow(
        leave,
        [
          { fromDate: '2026-10-10', toDate: '2026-10-20' }, // 15–20 Oct inside: 6
          { fromDate: '2026-11-01', toDate: '2026-11-20' }, // 20
          { fromDate: '2026-08-01', toDate: '2026-08-05' }, // outside
        ],
        2,
      ),
    ).toBe(26);
    expect(monthsBefore('2026-12-31', 2)).toBe('2026-10-31');
    expect(monthsBefore('2027-04-30', 2)).toBe('2027-02-28');
  });

  it('follows the configured limits; a bad setting keeps the default', () => {
    const c = leaveLevelSettings({ officeMaxDays: 3, countyMaxDays: 'x' });
    expect(c).toEqual({ ...s, officeMaxDays: 3 });
    expect(requiredLeaveLevel(4, 0, c).level).toBe('county');
  });

  it("the approver's level comes from the unit kind; below the required level is refused with who must decide", () => {
    expect(levelOfUnit('justiceOffice')).toBe('office');
    expect(levelOfUnit('countyBureau')).toBe('county');
    expect(levelOfUnit('cityBureau')).toBe('city');
    expect(levelOfUnit('lawFirm')).toBeNull();
    const twenty = requiredLeaveLevel(20, 0, s);
    expect(decisionRefusal('office', twenty)).toBe(
      '请假20天，超过7天、不超过30天，应由县（区）司法局审批，司法所不能作出决定，请报请上级',
    );
    expect(decisionRefusal('county', twenty)).toBeNull();
    expect(decisionRefusal('city', twenty)).toBeNull();
    expect(decisionRefusal('county', requiredLeaveLevel(31, 0, s))).toContain('应由市司法局审批');
  });

  it('other applications: change of supervising place by the county bureau, the rest by the office', () => {
    expect(requiredLevelOf('placeChange').level).toBe('county');
    expect(requiredLevelOf('residenceChange').level).toBe('office');
    expect(requiredLevelOf('visitor').level).toBe('office');
  });
});
