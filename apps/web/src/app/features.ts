// The one list of web features. Both shells register exactly these; adding a module's web part is
// one import and one array entry here. Menu groups with the same key merge in this order.
import { accessFeature } from '../features/access/index.ts';
import { accountFeature } from '../features/account/index.ts';
import { auditFeature } from '../features/audit/index.ts';
import { calendarFeature } from '../features/calendar/index.ts';
import { casesFeature } from '../features/cases/index.ts';
import { correctionsFeature } from '../features/corrections/index.ts';
import { documentsFeature } from '../features/documents/index.ts';
import { legalAidFeature } from '../features/legal-aid/index.ts';
import { mediationFeature } from '../features/mediation/index.ts';
import { metricsFeature } from '../features/metrics/index.ts';
import { notificationsFeature } from '../features/notifications/index.ts';
import { orgFeature } from '../features/org/index.ts';
import { personsFeature } from '../features/persons/index.ts';
import { systemFeature } from '../features/system/index.ts';
import { trackingFeature } from '../features/tracking/index.ts';
import type { Feature } from '../lib/feature.ts';

export const features: readonly Feature[] = [
  casesFeature,
  legalAidFeature,
  mediationFeature,
  correctionsFeature,
  trackingFeature,
  personsFeature,
  metricsFeature,
  orgFeature,
  accessFeature,
  auditFeature,
  calendarFeature,
  documentsFeature,
  systemFeature,
  accountFeature,
  notificationsFeature,
];
