import { describe, expect, it } from 'vitest';
import {
  committeeParentProblem,
  needsTraining,
  studioOverdue,
  trainingWindowMonths,
  trainingWindowStart,
} from './registry.rules.ts';

describe('mediation registry rules', () => {
  it('places committees: village, community and township under a justice office, industry under a bureau', () => {
    expect(committeeParentProblem('township', 'justiceOffice')).toBeUndefined();
    expect(committeeParentProblem('village', 'justiceOffice')).toBeUndefined();
    expect(committeeParentProblem('community', 'countyBureau')).toContain('司法所');
    expect(committeeParentProblem('industry', 'cityBureau')).toBeUndefined();
    expect(committeeParentProblem('industry', 'countyBureau')).toBeUndefined();
    expect(committeeParentProblem('industry', 'justiceOffice')).toContain('司法局');
    expect(committeeParentProblem('industry', 'mediationCommittee')).toContain('司法局');
  });

  it('the training window: whole months back, the month end clamped', () => {
    expect(trainingWindowStart('2023-07-10', 12)).toBe('2022-07-10');
    expect(trainingWindowStart('2024-02-29', 12)).toBe('2023-02-28');
    expect(trainingWindowStart('2023-03-31', 1)).toBe('2023-02-28');
    expect(trainingWindowStart('2023-01-15', 6)).toBe('2022-07-15');
    expect(trainingWindowMonths(undefined)).toBe(12);
    expect(trainingWindowMonths(6)).toBe(6);
    expect(trainingWindowMonths('6')).toBe(12);
    expect(trainingWindowMonths(0)).toBe(12);
  });

  it('needs training: active with nothing after the window start', () => {
    expect(needsTraining('active', null, '2022-07-10')).toBe(true);
    expect(needsTraining('active', '2022-07-10', '2022-07-10')).toBe(true);
    expect(needsTraining('active', '2022-07-11', '2022-07-10')).toBe(false);
    expect(needsTraining('left', null, '2022-07-10')).toBe(false);
  });

  it('a studio is overdue when still planned after its target date', () => {
    expect(studioOverdue({ status: 'planned', targetDate: '2023-12-31' }, '2024-01-01')).toBe(true);
    expect(studioOverdue({ status: 'planned', targetDate: '2023-12-31' }, '2023-12-31')).toBe(false);
    expect(studioOverdue({ status: 'created', targetDate: '2023-12-31' }, '2024-01-01')).toBe(false);
    expect(studioOverdue({ status: 'planned', targetDate: null }, '2024-01-01')).toBe(false);
  });
});
