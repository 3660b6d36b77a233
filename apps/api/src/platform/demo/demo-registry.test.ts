import { describe, expect, it } from 'vitest';
import { DemoRegistry, type DemoStep } from './demo-registry.ts';

const step = (id: string, dependsOn: string[] = []): DemoStep => ({ id, dependsOn, run: async () => {} });
const ids = (r: DemoRegistry) => r.ordered().map((s) => s.id);

describe('demo registry', () => {
  it('runs every step after the steps it depends on, otherwise in registration order', () => {
    const r = new DemoRegistry([
      step('legalAid.documents', ['legalAid.cases']),
      step('platform.accounts'),
      step('legalAid.cases', ['platform.accounts', 'legalAid.lawyers']),
      step('legalAid.lawyers', ['platform.accounts']),
      step('mediation.disputes', ['platform.accounts']),
    ]);
    expect(ids(r)).toEqual([
      'platform.accounts',
      'legalAid.lawyers',
      'legalAid.cases',
      'legalAid.documents',
      'mediation.disputes',
    ]);
  });

  it('takes later registrations that build on earlier ones', () => {
    const r = new DemoRegistry([step('platform.accounts')]);
    r.register(step('mediation.disputes', ['platform.accounts']));
    expect(ids(r)).toEqual(['platform.accounts', 'mediation.disputes']);
  });

  it('refuses a cycle at registration and names it', () => {
    expect(
      () =>
        new DemoRegistry([step('a.one', ['a.three']), step('a.two', ['a.one']), step('a.three', ['a.two'])]),
    ).toThrow('cycle: a.one → a.three → a.two → a.one');
    expect(() => new DemoRegistry([step('a.self', ['a.self'])])).toThrow('cycle');
  });

  it('refuses an unknown dependency, a duplicate and a malformed id, and keeps what it had', () => {
    const r = new DemoRegistry([step('platform.accounts')]);
    expect(() => r.register(step('legalAid.cases', ['legalAid.lawyers']))).toThrow(
      'demo step "legalAid.cases" depends on "legalAid.lawyers", which is not registered',
    );
    expect(() => r.register(step('platform.accounts'))).toThrow('registered twice');
    expect(() => r.register(step('Accounts'))).toThrow('<module>.<what>');
    expect(ids(r)).toEqual(['platform.accounts']);
  });

  it('guards case_record by default and takes the tables modules add, by plain SQL names only', () => {
    const r = new DemoRegistry();
    r.guard({ table: 'mediation_dispute', idColumn: 'id' }, { table: 'case_record', idColumn: 'id' });
    expect(r.guardedTables).toEqual([
      { table: 'case_record', idColumn: 'id' },
      { table: 'mediation_dispute', idColumn: 'id' },
    ]);
    expect(() => r.guard({ table: 'x"; drop table y; --', idColumn: 'id' })).toThrow('plain SQL name');
  });
});
