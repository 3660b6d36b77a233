import { shippedModules } from './modules/index.ts';
import { platformAccountsDemo } from './platform/demo/accounts.demo.ts';
import type { DemoStep, GuardedTable } from './platform/demo/demo-registry.ts';
import { DemoRegistry, platformGuardedTables } from './platform/demo/demo-registry.ts';

// What `npm run demo` writes: the platform's demo accounts, then each module's steps from its
// `<module>.demo.ts` (declared on the module's BusinessModule in its index.ts), and the business tables each
// module adds to the refusal check.

export const demoSteps: DemoStep[] = [
  platformAccountsDemo,
  ...shippedModules.flatMap((m) => m.demoSteps ?? []),
];

export const demoGuardedTables: GuardedTable[] = [
  ...platformGuardedTables,
  ...shippedModules.flatMap((m) => m.demoGuardedTables ?? []),
];

export function createDemoRegistry(): DemoRegistry {
  return new DemoRegistry(demoSteps, demoGuardedTables);
}
