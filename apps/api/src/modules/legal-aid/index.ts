import { defineBusinessModule } from '../business-module.ts';
import { registryMetrics } from './registry.metrics.ts';
import { registryRoutes } from './registry.routes.ts';
import { RegistryService } from './registry.service.ts';

export type { LawyerStandingView, RegistryService } from './registry.service.ts';

// 法律援助: the legal-aid module's public surface. The application case (legal-aid.*) and the registries
// (lawyers, consultations, duty roster, workstations, support teams) declare their pieces here.

/** The module's services, built once from the platform's. */
export interface LegalAidServices {
  /** 法律援助登记: lawyers, duty roster, workstations, support teams, consultations. */
  registry: RegistryService;
}

export const legalAidModule = defineBusinessModule<LegalAidServices>({
  name: 'legalAid',
  label: '法律援助',
  metrics: [...registryMetrics],
  createServices: (platform) => ({
    registry: new RegistryService({
      db: platform.database.db,
      clock: platform.clock,
      cipher: platform.cipher,
      audit: platform.audit,
    }),
  }),
  routes: (services) => async (app) => {
    await app.register(registryRoutes(services.registry));
  },
});
