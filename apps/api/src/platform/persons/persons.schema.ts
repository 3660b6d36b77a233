import type {
  EthnicityCode,
  Gender,
  IdType,
  OrganisationKind,
  PartyKind,
  PartyRole,
  PersonTag,
} from '@zhucheng/contracts';
import { sql } from 'drizzle-orm';
import {
  check,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { caseRecord } from '../cases/cases.schema.ts';
import { registerEncryptedColumn } from '../crypto/encrypted-columns.ts';

const at = (name: string) => timestamp(name, { withTimezone: true });

// Re-encrypted by `npm run keys:rotate`; the blind indexes are recomputed with --rotate-index-key.
registerEncryptedColumn({
  table: 'person',
  idColumn: 'id',
  column: 'id_number_enc',
  blindIndex: { column: 'id_number_index', purpose: 'idNumber' },
});
registerEncryptedColumn({
  table: 'person',
  idColumn: 'id',
  column: 'phone_enc',
  blindIndex: { column: 'phone_index', purpose: 'phone' },
});
registerEncryptedColumn({ table: 'person', idColumn: 'id', column: 'address_enc' });

/**
 * A natural person who takes part in cases (当事人, 代理人, 监护人…), once for the whole platform: found again
 * by document type and number through the blind index, never entered twice.
 */
export const person = pgTable(
  'person',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    name: text('name').notNull(),
    idType: text('id_type').$type<IdType>(),
    /** SM4-encrypted document number; the index (unique per type) finds the person without decrypting. */
    idNumberEnc: text('id_number_enc'),
    idNumberIndex: text('id_number_index'),
    phoneEnc: text('phone_enc'),
    phoneIndex: text('phone_index'),
    addressEnc: text('address_enc'),
    /** From a resident ID number when there is one; entered otherwise. */
    gender: text('gender').$type<Gender>(),
    birthDate: date('birth_date'),
    /** GB/T 3304 code ('01' 汉族). */
    ethnicity: text('ethnicity').$type<EthnicityCode>(),
    tags: text('tags').array().$type<PersonTag[]>().notNull().default(sql`'{}'::text[]`),
    version: integer('version').notNull().default(1),
    createdBy: text('created_by'),
    updatedBy: text('updated_by'),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('person_id_number_key').on(t.idType, t.idNumberIndex),
    index('person_phone_idx').on(t.phoneIndex),
    index('person_name_idx').on(t.name),
    check(
      'person_id_pair_check',
      sql`(${t.idType} is null) = (${t.idNumberEnc} is null) and (${t.idNumberEnc} is null) = (${t.idNumberIndex} is null)`,
    ),
  ],
);
export type PersonRow = typeof person.$inferSelect;

/** An organisation that is party to cases (企业, 机关…): found again by its unified social credit code. */
export const organisation = pgTable(
  'organisation',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    name: text('name').notNull(),
    /** GB 32100; public registry data, so kept in clear. Null for bodies without one. */
    creditCode: text('credit_code').unique('organisation_credit_code_key'),
    kind: text('kind').$type<OrganisationKind>().notNull(),
    legalRepresentative: text('legal_representative'),
    address: text('address'),
    phone: text('phone'),
    version: integer('version').notNull().default(1),
    createdBy: text('created_by'),
    updatedBy: text('updated_by'),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [index('organisation_name_idx').on(t.name)],
);
export type OrganisationRow = typeof organisation.$inferSelect;

/** A party of a case: a person or an organisation in a role (申请人, 被申请人, 代理人…). */
export const caseParty = pgTable(
  'case_party',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    caseId: uuid('case_id')
      .notNull()
      .references(() => caseRecord.id),
    partyKind: text('party_kind').$type<PartyKind>().notNull(),
    personId: uuid('person_id').references(() => person.id),
    organisationId: uuid('organisation_id').references(() => organisation.id),
    role: text('role').$type<PartyRole>().notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
    addedBy: text('added_by'),
    addedAt: at('added_at').notNull(),
  },
  (t) => [
    index('case_party_case_idx').on(t.caseId, t.sortOrder),
    index('case_party_person_idx').on(t.personId),
    index('case_party_organisation_idx').on(t.organisationId),
    uniqueIndex('case_party_person_role_key').on(t.caseId, t.role, t.personId),
    uniqueIndex('case_party_organisation_role_key').on(t.caseId, t.role, t.organisationId),
    check(
      'case_party_kind_check',
      sql`(${t.partyKind} = 'person' and ${t.personId} is not null and ${t.organisationId} is null) or (${t.partyKind} = 'organisation' and ${t.organisationId} is not null and ${t.personId} is null)`,
    ),
  ],
);
export type CasePartyRow = typeof caseParty.$inferSelect;
