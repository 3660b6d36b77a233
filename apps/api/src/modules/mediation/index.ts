import { defineBusinessModule } from '../business-module.ts';
import { mediationAgreementSeries, mediationCaseSeries, mediationDispute } from './dispute.case-type.ts';

export { MEDIATION_DISPUTE } from './dispute.case-type.ts';

// 人民调解: the mediation module's public surface. Committees, mediators and studios (registry.*), disputes
// from every door and their dispatch (intake.*), the mediation itself (process.*), dispute sweeps (sweep.*),
// the figures (mediation.metrics.ts) and the demo declare their pieces here.

/** The module's services, built once from the platform's. */
// biome-ignore lint/complexity/noBannedTypes: the parts add their services here as they land.
export type MediationServices = {};

export const mediationModule = defineBusinessModule<MediationServices>({
  name: 'mediation',
  label: '人民调解',
  caseTypes: [mediationDispute],
  numberSeries: [mediationCaseSeries, mediationAgreementSeries],
  documentTemplates: [],
  metrics: [],
  demoSteps: [],
  demoGuardedTables: [],
  createServices: () => ({}),
  routes: () => async () => {},
});
