import { describe, expect, it } from 'vitest';
import {
  daysRemaining,
  effectiveFlags,
  isMinorOn,
  listIdNumber,
  listName,
  teamProblem,
} from './register.rules.ts';

describe('corrections register rules', () => {
  it('a person is a minor until the 18th birthday (社区矫正法第五十二条)', () => {
    expect(isMinorOn('2008-03-10', '2026-03-09')).toBe(true);
    expect(isMinorOn('2008-03-10', '2026-03-10')).toBe(false);
    expect(isMinorOn(null, '2026-03-10')).toBe(false);
    expect(effectiveFlags(['maritime'], '2010-01-01', '2026-03-10')).toEqual(['minor', 'maritime']);
  });

  it("masks a minor's name and ID number further in lists (第五十八条)", () => {
    expect(listName('张小明', true)).toBe('张某');
    expect(listName('欧阳小明', true)).toBe('欧阳某');
    expect(listName('张小明', false)).toBe('张小明');
    expect(listIdNumber('450502201001011234', true)).toBe('******************');
    expect(listIdNumber('450502199001011234', false)).toBe('450502********1234');
  });

  it('counts the days left of a term, never below 0', () => {
    expect(daysRemaining('2026-12-31', '2026-12-01')).toBe(30);
    expect(daysRemaining('2026-12-31', '2027-01-05')).toBe(0);
  });

  it('wants a woman on the team of a woman supervisee (第二十五条)', () => {
    const men = [
      { gender: 'male' as const, leader: true },
      { gender: 'male' as const, leader: false },
    ];
    expect(teamProblem('female', men)).toContain('第二十五条');
    expect(teamProblem('male', men)).toBeNull();
    expect(teamProblem('female', [...men, { gender: 'female' as const, leader: false }])).toBeNull();
  });
});
