import { platformAccountsDemo } from './platform/demo/accounts.demo.ts';
import type { DemoStep, GuardedTable } from './platform/demo/demo-registry.ts';
import { DemoRegistry, platformGuardedTables } from './platform/demo/demo-registry.ts';

// What `npm run demo` writes: the platform's demo accounts, then each module's steps from its
// `<module>.demo.ts` (imported through the module's index.ts), and the business tables each module adds to
// the refusal check. A module adds its steps and tables to the two lists below.

export const demoSteps: DemoStep[] = [platformAccountsDemo];

export const demoGuardedTables: GuardedTable[] = [...platformGuardedTables];

export function createDemoRegistry(): DemoRegistry {
  return new DemoRegistry(demoSteps, demoGuardedTables);
}
