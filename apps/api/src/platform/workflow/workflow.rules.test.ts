import { describe, expect, it } from 'vitest';
import {
  type CaseTypeDef,
  caseTypeProblems,
  clockSteps,
  defineCaseType,
  isDestructive,
  permittedTransitions,
  stateTone,
  transitionLabel,
} from './workflow.rules.ts';
import { exampleApplication } from './workflow-testing.ts';

const base: CaseTypeDef = {
  type: 'example.thing',
  name: '示例',
  initial: 'open',
  states: { open: { label: '办理中' }, closed: { label: '已办结', terminal: true } },
  transitions: [{ name: 'close', label: '办结', from: ['open'], to: 'closed', permission: 'org:read' }],
};

describe('case type definitions', () => {
  it('accepts a sound definition', () => {
    expect(caseTypeProblems(base)).toEqual([]);
    expect(defineCaseType(base).type).toBe('example.thing');
  });

  it('names unknown states, duplicate transitions and exits from terminal states', () => {
    const problems = caseTypeProblems({
      ...base,
      initial: 'draft',
      transitions: [
        ...base.transitions,
        { name: 'close', label: '办结', from: ['open'], to: 'archived', permission: 'org:read' },
        {
          name: 'reopen',
          label: '重新办理',
          from: ['closed', 'nowhere'],
          to: 'open',
          permission: 'org:read',
        },
      ],
    });
    expect(problems).toEqual([
      'initial state draft is not declared',
      'transition close declared twice',
      'transition close: unknown to state archived',
      'transition reopen leaves terminal state closed',
      'transition reopen: unknown from state nowhere',
    ]);
    expect(() => defineCaseType({ ...base, initial: 'draft' })).toThrow(/initial state draft/);
  });

  it('orders clock steps so a clock ends before the next one starts', () => {
    expect(clockSteps({ start: ['b'], meet: ['a'], pause: ['c'] })).toEqual([
      { op: 'meet', ruleCode: 'a' },
      { op: 'pause', ruleCode: 'c' },
      { op: 'start', ruleCode: 'b' },
    ]);
  });

  it('offers only the transitions leaving the status that the caller holds the permission for', () => {
    const names = (perms: string[], status: string) =>
      permittedTransitions(exampleApplication, status, new Set(perms as never[])).map((t) => t.name);
    // The module's own step (withdraw) is permitted too; the service keeps it off the generic buttons.
    expect(names(['org:read'], 'received')).toEqual(['requestCorrection', 'accept', 'withdraw']);
    expect(names(['org:read', 'org:manage'], 'accepted')).toEqual(['decide', 'refuse']);
    expect(names(['org:read', 'org:manage'], 'decided')).toEqual([]);
  });
});

describe('status tones, confirmations and history labels', () => {
  const t = (name: string) => {
    const found = exampleApplication.transitions.find((x) => x.name === name);
    if (!found) throw new Error(name);
    return found;
  };

  it('colours states: declared tone, else done when terminal, else processing', () => {
    expect(stateTone(exampleApplication, 'received')).toBe('processing');
    expect(stateTone(exampleApplication, 'awaitingCorrection')).toBe('waiting');
    expect(stateTone(exampleApplication, 'decided')).toBe('done');
    expect(stateTone(exampleApplication, 'refused')).toBe('closed');
    expect(stateTone(exampleApplication, 'vanished')).toBe('processing');
  });

  it('asks for confirmation before a transition into a closed terminal state, unless told otherwise', () => {
    expect(isDestructive(exampleApplication, t('refuse'))).toBe(true);
    expect(isDestructive(exampleApplication, t('decide'))).toBe(false);
    expect(isDestructive(exampleApplication, t('accept'))).toBe(false);
    expect(isDestructive(exampleApplication, { ...t('accept'), destructive: true })).toBe(true);
    expect(isDestructive(exampleApplication, { ...t('refuse'), destructive: false })).toBe(false);
  });

  it('labels history rows: creation is 登记, unknown names show their code', () => {
    expect(transitionLabel(exampleApplication, 'create')).toBe('登记');
    expect(transitionLabel(exampleApplication, 'accept')).toBe('受理');
    expect(transitionLabel(exampleApplication, 'gone')).toBe('gone');
    expect(transitionLabel(undefined, 'accept')).toBe('accept');
  });
});
