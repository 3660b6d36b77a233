import { defineBusinessModule } from '../business-module.ts';

// 法律援助: the legal-aid module's public surface. The application case (legal-aid.*) and the registries
// (lawyers, consultations, duty roster, workstations, support teams) declare their pieces here.

/** The module's services, built once from the platform's. */
export type LegalAidServices = Record<string, never>;

export const legalAidModule = defineBusinessModule<LegalAidServices>({
  name: 'legalAid',
  label: '法律援助',
  createServices: () => ({}),
  routes: () => async () => {},
});
