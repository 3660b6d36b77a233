import type { BusinessModule } from './business-module.ts';
import { correctionsModule } from './corrections/index.ts';
import { legalAidModule } from './legal-aid/index.ts';
import { mediationModule } from './mediation/index.ts';
import { trackingModule } from './tracking/index.ts';

// The business lines this platform ships, in menu order. Each comes from its folder's index.ts.
export const shippedModules: BusinessModule[] = [
  legalAidModule as BusinessModule,
  mediationModule as BusinessModule,
  correctionsModule as BusinessModule,
  trackingModule as BusinessModule,
];
