import type { DisputeKind, DisputeSource, MediationOutcome } from '@zhucheng/contracts';
import { boolean, date, index, integer, numeric, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { caseRecord } from '../../platform/cases/cases.schema.ts';
import { orgUnit } from '../../platform/org/org.schema.ts';
import { mediator } from './registry.schema.ts';
import { disputeSweep } from './sweep.schema.ts';

const at = (name: string) => timestamp(name, { withTimezone: true });

/**
 * 矛盾纠纷: the mediation facts of a dispute case (`case_record` holds number, status, competent committee
 * = `competent_unit_id`, receiving unit; `case_party` the parties). Dates that the figures count by are
 * columns: accepted_on (受理), outcome_on (调解结果).
 */
export const mediationDispute = pgTable(
  'mediation_dispute',
  {
    caseId: uuid('case_id')
      .primaryKey()
      .references(() => caseRecord.id),
    source: text('source').$type<DisputeSource>().notNull(),
    /** The referral letter or work-order number (法院委派函号、警情号、信访件号、12345工单号). */
    sourceRef: text('source_ref'),
    sweepId: uuid('sweep_id').references(() => disputeSweep.id),
    kind: text('kind').$type<DisputeKind>().notNull(),
    involvesEnterprise: boolean('involves_enterprise').notNull().default(false),
    /** 涉及金额 in yuan; null when the dispute involves no money. */
    amountInvolvedYuan: numeric('amount_involved_yuan', { precision: 14, scale: 2, mode: 'number' }),
    /** What happened, and what the applicant wants. */
    facts: text('facts').notNull(),
    request: text('request'),
    occurredOn: date('occurred_on'),
    /** The place: the town's 12-digit code, the village or community, the address, and the phone's fix. */
    townCode: text('town_code'),
    village: text('village'),
    address: text('address'),
    latitude: numeric('latitude', { precision: 9, scale: 6, mode: 'number' }),
    longitude: numeric('longitude', { precision: 9, scale: 6, mode: 'number' }),
    /** The justice office of the place, told of every dispute dispatched in its town. */
    placeOfficeId: integer('place_office_id').references(() => orgUnit.id),
    /**
     * Duplicate detection: the normalised parties and kind. A new dispute with the same fingerprint as an
     * open one is flagged (`duplicate_of`) for the officer to merge or keep.
     */
    fingerprint: text('fingerprint').notNull(),
    duplicateOf: uuid('duplicate_of').references(() => caseRecord.id),
    dispatchedAt: at('dispatched_at'),
    /** Why the dispatcher chose this committee (rule and distance), shown on the case page. */
    dispatchReason: text('dispatch_reason'),
    leadMediatorId: uuid('lead_mediator_id').references(() => mediator.id),
    acceptedOn: date('accepted_on'),
    declineReason: text('decline_reason'),
    outcome: text('outcome').$type<MediationOutcome>(),
    outcomeOn: date('outcome_on'),
    outcomeNote: text('outcome_note'),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [
    index('mediation_dispute_accepted_idx').on(t.acceptedOn),
    index('mediation_dispute_fingerprint_idx').on(t.fingerprint),
    index('mediation_dispute_sweep_idx').on(t.sweepId),
    index('mediation_dispute_mediator_idx').on(t.leadMediatorId),
  ],
);
export type MediationDisputeRow = typeof mediationDispute.$inferSelect;
