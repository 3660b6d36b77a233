import { it } from 'vitest';
import { settableClock } from '../../platform/clock/clock.ts';
import { platformAccountsDemo } from '../../platform/demo/accounts.demo.ts';
import { DemoRegistry, platformGuardedTables } from '../../platform/demo/demo-registry.ts';
import { runDemo } from '../../platform/demo/demo-run.ts';
import { createTestApp } from '../../testing/test-app.ts';
import { type MediationServices, mediationModule } from './index.ts';
import { mediationDisputesDemo } from './mediation.demo.ts';
import { registryDemo } from './registry.demo.ts';

it('profile', async () => {
  const clock = settableClock('Asia/Shanghai');
  const t = await createTestApp({ clock, modules: [mediationModule] });
  await runDemo(t.services, new DemoRegistry([platformAccountsDemo, registryDemo], platformGuardedTables), {
    clock,
    password: 'Demo#2026Beihai',
  });
  const m = t.services.modules.get('mediation') as MediationServices;
  const totals: Record<string, { n: number; ms: number }> = {};
  const wrap = (obj: any, name: string, label: string) => {
    const orig = obj[name].bind(obj);
    obj[name] = async (...args: unknown[]) => {
      const s = performance.now();
      try {
        return await orig(...args);
      } finally {
        const e = (totals[label] ??= { n: 0, ms: 0 });
        e.n++;
        e.ms += performance.now() - s;
      }
    };
  };
  for (const k of ['register']) wrap(m.intake, k, `intake.${k}`);
  for (const k of [
    'accept',
    'recordSession',
    'settle',
    'unsettle',
    'terminate',
    'decline',
    'recordFollowUp',
    'recordConfirmation',
  ])
    wrap(m.process, k, `process.${k}`);
  for (const k of ['record', 'plan', 'hold', 'cancel']) wrap(m.sweeps, k, `sweeps.${k}`);
  wrap(t.services.documents, 'generate', 'documents.generate');
  wrap(t.services.workflow, 'transition', 'workflow.transition');
  wrap(t.services.workflow, 'create', 'workflow.create');
  wrap(t.services.persons, 'findOrCreatePerson', 'persons.findOrCreatePerson');
  wrap(t.services.persons, 'findOrCreateOrganisation', 'persons.findOrCreateOrganisation');
  wrap(t.services.deadlines, 'start', 'deadlines.start');
  const s = performance.now();
  await runDemo(
    t.services,
    new DemoRegistry([platformAccountsDemo, registryDemo, mediationDisputesDemo], platformGuardedTables),
    { clock, password: 'Demo#2026Beihai' },
  );
  console.log('total', ((performance.now() - s) / 1000).toFixed(1));
  for (const [k, v] of Object.entries(totals))
    console.log(k, v.n, (v.ms / 1000).toFixed(1), (v.ms / v.n).toFixed(1));
  await t.close();
}, 900_000);
