import {
  birthDateOfIdNumber,
  type CasePartyView,
  derivedPersonTags,
  documentNumberProblem,
  genderLabels,
  genderOfIdNumber,
  type IdType,
  idTypeLabels,
  type OrganisationInput,
  type OrganisationKind,
  type OrganisationView,
  type PartyRole,
  type PersonInput,
  type PersonReveal,
  type PersonTag,
  type PersonView,
  partyRoleLabels,
  personTags,
} from '@zhucheng/contracts';
import type { AuditWriter, FieldCipher } from '../access/ports.ts';
import { type Principal, type RequestContext, requireStaff } from '../access/principal.ts';
import { findCase, listParticipants } from '../cases/cases.repo.ts';
import type { Clock } from '../clock/clock.ts';
import {
  maskAddress,
  maskIdNumber,
  maskName,
  maskPhone,
  normalizeIdNumber,
  normalizePhone,
} from '../crypto/personal-data.ts';
import type { Database, Executor } from '../db/database.ts';
import { AppError } from '../http/app-error.ts';
import {
  deleteCaseParty,
  findOrganisationByCreditCode,
  findOrganisationById,
  findPersonByDocument,
  findPersonById,
  insertCaseParty,
  insertOrganisationUnlessKnown,
  insertPersonUnlessKnown,
  listCaseParties,
  listOrganisations,
  listPersons,
  nextPartySortOrder,
  updateOrganisation,
  updatePerson,
} from './persons.repo.ts';
import type { OrganisationRow, PersonRow, person } from './persons.schema.ts';

export interface PersonsDeps {
  db: Database;
  clock: Clock;
  cipher: FieldCipher;
  audit: AuditWriter;
}

/** Mobile (11 digits) or a landline with its area code (0 + 9 to 11 digits), after normalisation. */
const phonePattern = /^(1[3-9]\d{9}|0\d{9,11})$/;

function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === '23505') return true;
  }
  return false;
}

function fieldError(path: string, message: string): AppError {
  return AppError.badRequest(message, [{ path, message }]);
}

function isRealPastDate(day: string, today: string): boolean {
  const d = new Date(`${day}T00:00:00Z`);
  return (
    !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === day && day >= '1900-01-01' && day <= today
  );
}

/** What the audit log keeps of a person: masked name and document number (the log is kept for years). */
function personAuditView(p: PersonRow, idNumber: string | null) {
  return {
    name: maskName(p.name),
    idType: p.idType,
    idNumber: idNumber ? maskIdNumber(idNumber) : null,
    gender: p.gender,
    birthDate: p.birthDate,
    ethnicity: p.ethnicity,
    tags: p.tags,
  };
}

function organisationAuditView(o: OrganisationRow) {
  return { name: o.name, creditCode: o.creditCode, kind: o.kind, legalRepresentative: o.legalRepresentative };
}

function organisationView(o: OrganisationRow): OrganisationView {
  return {
    id: o.id,
    name: o.name,
    creditCode: o.creditCode,
    kind: o.kind,
    legalRepresentative: o.legalRepresentative,
    address: o.address,
    phone: o.phone,
    version: o.version,
    updatedAt: o.updatedAt.toISOString(),
  };
}

/** The checked, normalised fields of a person, ready for the table (personal data encrypted). */
interface PersonFields {
  name?: string;
  idType?: IdType | null;
  idNumber?: string | null;
  phone?: string | null;
  address?: string | null;
  gender?: 'male' | 'female' | null;
  birthDate?: string | null;
  ethnicity?: PersonRow['ethnicity'];
  tags?: PersonTag[];
}

/**
 * 当事人: natural persons found again by document number (blind index), organisations by unified social
 * credit code, and the parties of a case. Lists and lookups answer masks; the full ID number, phone and
 * address come only from `revealPerson`, which is audited.
 */
export class PersonsService {
  readonly #d: PersonsDeps;

  constructor(deps: PersonsDeps) {
    this.#d = deps;
  }

  // ---- persons -----------------------------------------------------------------------------------------

  personView(p: PersonRow): PersonView {
    const { cipher, clock } = this.#d;
    const derived = derivedPersonTags(p.birthDate, clock.today());
    const tags = personTags.filter((t) => p.tags.includes(t) || derived.includes(t));
    return {
      id: p.id,
      name: p.name,
      idType: p.idType,
      idNumberMasked: p.idNumberEnc ? maskIdNumber(cipher.decrypt(p.idNumberEnc)) : null,
      phoneMasked: p.phoneEnc ? maskPhone(cipher.decrypt(p.phoneEnc)) : null,
      addressMasked: p.addressEnc ? maskAddress(cipher.decrypt(p.addressEnc)) : null,
      gender: p.gender,
      birthDate: p.birthDate,
      ethnicity: p.ethnicity,
      tags,
      version: p.version,
      updatedAt: p.updatedAt.toISOString(),
    };
  }

  /** Checks what the routes' schema cannot (dates against today, ID-derived fields) and normalises. */
  #checkPerson(input: Partial<PersonInput>, before?: PersonRow): PersonFields {
    const today = this.#d.clock.today();
    const out: PersonFields = {};
    if (input.name !== undefined) out.name = input.name.trim();
    if (input.idType !== undefined || input.idNumber !== undefined) {
      const idType = input.idType ?? null;
      const idNumber = input.idNumber ? normalizeIdNumber(input.idNumber) : null;
      if (!idType !== !idNumber) {
        throw idType ? fieldError('idNumber', '请填写证件号码') : fieldError('idType', '请选择证件类型');
      }
      if (idType && idNumber) {
        const problem = documentNumberProblem(idType, idNumber, { today });
        if (problem) throw fieldError('idNumber', problem);
      }
      out.idType = idType;
      out.idNumber = idNumber;
    }
    if (input.phone !== undefined) {
      const phone = input.phone ? normalizePhone(input.phone) : null;
      if (phone && !phonePattern.test(phone)) {
        throw fieldError('phone', '联系电话应为 11 位手机号码，或带区号的固定电话（如 0779-1234567）');
      }
      out.phone = phone;
    }
    if (input.address !== undefined) out.address = input.address?.trim() || null;
    if (input.ethnicity !== undefined) out.ethnicity = input.ethnicity ?? null;
    if (input.tags !== undefined) out.tags = personTags.filter((t) => input.tags?.includes(t));
    if (input.gender !== undefined) out.gender = input.gender ?? null;
    if (input.birthDate !== undefined) {
      const birthDate = input.birthDate ?? null;
      if (birthDate && !isRealPastDate(birthDate, today)) throw fieldError('birthDate', '出生日期不正确');
      out.birthDate = birthDate;
    }
    // A resident ID number says the gender and birth date; a different entry is a typing error.
    const idType = out.idType !== undefined ? out.idType : (before?.idType ?? null);
    const idNumber =
      out.idNumber !== undefined
        ? out.idNumber
        : before?.idNumberEnc
          ? this.#d.cipher.decrypt(before.idNumberEnc)
          : null;
    if (idType === 'residentIdCard' && idNumber) {
      const gender = genderOfIdNumber(idNumber);
      const birthDate = birthDateOfIdNumber(idNumber);
      if (out.gender && out.gender !== gender) {
        throw fieldError('gender', `性别与身份证号码不一致：按身份证号码应为“${genderLabels[gender]}”`);
      }
      if (out.birthDate && out.birthDate !== birthDate) {
        throw fieldError('birthDate', `出生日期与身份证号码不一致：按身份证号码应为 ${birthDate}`);
      }
      out.gender = gender;
      out.birthDate = birthDate;
    }
    return out;
  }

  #encrypt(fields: PersonFields) {
    const { cipher } = this.#d;
    const values: Record<string, unknown> = {};
    if (fields.name !== undefined) values.name = fields.name;
    if (fields.idType !== undefined) values.idType = fields.idType;
    if (fields.idNumber !== undefined) {
      values.idNumberEnc = fields.idNumber ? cipher.encrypt(fields.idNumber) : null;
      values.idNumberIndex = fields.idNumber ? cipher.blindIndex(fields.idNumber, 'idNumber') : null;
    }
    if (fields.phone !== undefined) {
      values.phoneEnc = fields.phone ? cipher.encrypt(fields.phone) : null;
      values.phoneIndex = fields.phone ? cipher.blindIndex(fields.phone, 'phone') : null;
    }
    if (fields.address !== undefined)
      values.addressEnc = fields.address ? cipher.encrypt(fields.address) : null;
    for (const key of ['gender', 'birthDate', 'ethnicity', 'tags'] as const) {
      if (fields[key] !== undefined) values[key] = fields[key];
    }
    return values as Partial<PersonRow>;
  }

  async #runIn<T>(executor: Executor | undefined, fn: (tx: Executor) => Promise<T>): Promise<T> {
    return executor ? fn(executor) : this.#d.db.transaction(fn);
  }

  /**
   * The person with this document, or a new one. Entering the same ID number twice (even at the same
   * moment) gives one person: the unique blind index decides and the loser reads the winner's row. An
   * existing person is returned as stored; changes go through `updatePerson`. Pass `executor` to run
   * inside a module's own transaction.
   */
  async findOrCreatePerson(
    ctx: RequestContext,
    input: PersonInput,
    executor?: Executor,
  ): Promise<{ person: PersonView; created: boolean }> {
    const p = requireStaff(ctx);
    const result = await this.#runIn(executor, (tx) => this.#findOrCreate(tx, ctx, p, input));
    return { person: this.personView(result.row), created: result.created };
  }

  /**
   * A citizen's own real-name record from their online application, in the application's transaction:
   * the person with this document (or a new one) becomes the applicant party of the case the citizen has
   * just opened, so the centre and the lawyer reach the same person as at the counter. The citizen must
   * take part in the case as its applicant; an existing person is returned as stored.
   */
  async recordOwnApplicant(
    ctx: RequestContext,
    caseId: string,
    input: PersonInput,
    tx: Executor,
  ): Promise<PersonView> {
    const citizen = ctx.principal;
    if (citizen?.kind !== 'citizen') throw AppError.forbidden('该功能仅限群众本人使用');
    const own = await listParticipants(tx, caseId);
    if (
      !own.some((x) => x.accountKind === 'citizen' && x.accountId === citizen.id && x.role === 'applicant')
    ) {
      throw AppError.notFound('案件');
    }
    const { row } = await this.#findOrCreate(tx, ctx, citizen, input);
    const party = await insertCaseParty(tx, {
      caseId,
      partyKind: 'person',
      personId: row.id,
      organisationId: null,
      role: 'applicant',
      sortOrder: await nextPartySortOrder(tx, caseId),
      addedBy: citizen.id,
      addedAt: this.#d.clock.now(),
    });
    await this.#d.audit(tx, ctx, {
      action: 'party.add',
      entityType: 'case',
      entityId: caseId,
      after: {
        partyId: party?.id,
        kind: 'person',
        role: 'applicant',
        personId: row.id,
        organisationId: null,
      },
    });
    return this.personView(row);
  }

  async #findOrCreate(
    tx: Executor,
    ctx: RequestContext,
    p: Principal,
    input: PersonInput,
  ): Promise<{ row: PersonRow; created: boolean }> {
    const fields = this.#checkPerson(input);
    const { cipher, clock, audit } = this.#d;
    const index = fields.idNumber ? cipher.blindIndex(fields.idNumber, 'idNumber') : null;
    if (fields.idType && index) {
      const known = await findPersonByDocument(tx, fields.idType, index);
      if (known) return { row: known, created: false };
    }
    const now = clock.now();
    const inserted = await insertPersonUnlessKnown(tx, {
      ...(this.#encrypt(fields) as Partial<typeof person.$inferInsert>),
      name: fields.name ?? '',
      createdBy: p.id,
      updatedBy: p.id,
      createdAt: now,
      updatedAt: now,
    });
    if (!inserted) {
      // Someone else registered the same document a moment ago: theirs is the person.
      const known = fields.idType && index ? await findPersonByDocument(tx, fields.idType, index) : undefined;
      if (!known) throw new Error('person insert skipped but no person found');
      return { row: known, created: false };
    }
    await audit(tx, ctx, {
      action: 'person.create',
      entityType: 'person',
      entityId: inserted.id,
      after: personAuditView(inserted, fields.idNumber ?? null),
    });
    return { row: inserted, created: true };
  }

  async lookupPerson(ctx: RequestContext, idType: IdType, idNumber: string): Promise<PersonView | null> {
    requireStaff(ctx);
    const problem = documentNumberProblem(idType, idNumber, { today: this.#d.clock.today() });
    if (problem) throw fieldError('idNumber', problem);
    const row = await findPersonByDocument(
      this.#d.db,
      idType,
      this.#d.cipher.blindIndex(idNumber, 'idNumber'),
    );
    return row ? this.personView(row) : null;
  }

  async getPerson(ctx: RequestContext, id: string): Promise<PersonView> {
    const p = requireStaff(ctx);
    const row = await findPersonById(this.#d.db, id, { visibleTo: p });
    if (!row) throw AppError.notFound('人员');
    return this.personView(row);
  }

  async listPersons(ctx: RequestContext, filters: { name?: string; phone?: string }): Promise<PersonView[]> {
    const p = requireStaff(ctx);
    const phone = filters.phone ? normalizePhone(filters.phone) : undefined;
    const rows = await listPersons(
      this.#d.db,
      {
        name: filters.name?.trim() || undefined,
        phoneIndex: phone ? this.#d.cipher.blindIndex(phone, 'phone') : undefined,
      },
      p,
    );
    return rows.map((r) => this.personView(r));
  }

  /** Changes what was entered; the caller names the version it read (stale → 409). */
  async updatePerson(
    ctx: RequestContext,
    id: string,
    input: Partial<PersonInput> & { version: number },
  ): Promise<PersonView> {
    const p = requireStaff(ctx);
    const { db, clock, cipher, audit } = this.#d;
    const { version, ...rest } = input;
    const after = await db.transaction(async (tx) => {
      const before = await findPersonById(tx, id, { forUpdate: true, visibleTo: p });
      if (!before) throw AppError.notFound('人员');
      const fields = this.#checkPerson(rest, before);
      const idType = fields.idType !== undefined ? fields.idType : before.idType;
      if (fields.idNumber && idType) {
        const other = await findPersonByDocument(tx, idType, cipher.blindIndex(fields.idNumber, 'idNumber'));
        if (other && other.id !== id) {
          throw new AppError(
            'PERSON_EXISTS',
            409,
            `该${idTypeLabels[idType]}号码已登记为另一人员，不能重复登记`,
            [{ path: 'idNumber', message: '该证件号码已登记为另一人员' }],
          );
        }
      }
      let updated: PersonRow | undefined;
      try {
        updated = await updatePerson(tx, id, version, {
          ...this.#encrypt(fields),
          updatedBy: p.id,
          updatedAt: clock.now(),
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw AppError.conflict('该证件号码已登记为另一人员，不能重复登记');
        throw error;
      }
      if (!updated) throw AppError.conflict('该人员信息已被他人修改，请刷新后重试');
      const clearBefore = before.idNumberEnc ? cipher.decrypt(before.idNumberEnc) : null;
      const clearAfter = updated.idNumberEnc ? cipher.decrypt(updated.idNumberEnc) : null;
      await audit(tx, ctx, {
        action: 'person.update',
        entityType: 'person',
        entityId: id,
        before: personAuditView(before, clearBefore),
        after: personAuditView(updated, clearAfter),
        detail: {
          phoneChanged: fields.phone !== undefined && updated.phoneIndex !== before.phoneIndex,
          addressChanged: fields.address !== undefined,
        },
      });
      return updated;
    });
    return this.personView(after);
  }

  /** The full ID number, phone and address: its own permission, and a line in the audit log. */
  async revealPerson(ctx: RequestContext, id: string): Promise<PersonReveal> {
    const p = requireStaff(ctx);
    const { db, cipher, audit } = this.#d;
    const row = await findPersonById(db, id, { visibleTo: p });
    if (!row) throw AppError.notFound('人员');
    const clear = (stored: string | null) => (stored ? cipher.decrypt(stored) : null);
    const revealed = {
      idNumber: clear(row.idNumberEnc),
      phone: clear(row.phoneEnc),
      address: clear(row.addressEnc),
    };
    await audit(db, ctx, {
      action: 'personalData.reveal',
      entityType: 'person',
      entityId: row.id,
      detail: { fields: ['idNumber', 'phone', 'address'].filter((f) => revealed[f as keyof PersonReveal]) },
    });
    return revealed;
  }

  // ---- organisations -----------------------------------------------------------------------------------

  #checkOrganisation(input: Partial<OrganisationInput>) {
    const out: Partial<Omit<OrganisationRow, 'id' | 'version'>> = {};
    if (input.name !== undefined) out.name = input.name.trim();
    if (input.creditCode !== undefined) out.creditCode = input.creditCode || null;
    if (input.kind !== undefined) out.kind = input.kind as OrganisationKind;
    if (input.legalRepresentative !== undefined)
      out.legalRepresentative = input.legalRepresentative?.trim() || null;
    if (input.address !== undefined) out.address = input.address?.trim() || null;
    if (input.phone !== undefined) {
      const phone = input.phone ? normalizePhone(input.phone) : null;
      if (phone && !phonePattern.test(phone)) {
        throw fieldError('phone', '联系电话应为 11 位手机号码，或带区号的固定电话（如 0779-1234567）');
      }
      out.phone = phone;
    }
    return out;
  }

  /** The organisation with this credit code, or a new one (one row per code, even under concurrency). */
  async findOrCreateOrganisation(
    ctx: RequestContext,
    input: OrganisationInput,
    executor?: Executor,
  ): Promise<{ organisation: OrganisationView; created: boolean }> {
    const p = requireStaff(ctx);
    const fields = this.#checkOrganisation(input);
    const { clock, audit } = this.#d;
    const result = await this.#runIn(executor, async (tx) => {
      if (fields.creditCode) {
        const known = await findOrganisationByCreditCode(tx, fields.creditCode);
        if (known) return { row: known, created: false };
      }
      const now = clock.now();
      const inserted = await insertOrganisationUnlessKnown(tx, {
        ...fields,
        name: fields.name ?? '',
        kind: fields.kind ?? 'enterprise',
        createdBy: p.id,
        updatedBy: p.id,
        createdAt: now,
        updatedAt: now,
      });
      if (!inserted) {
        const known = fields.creditCode
          ? await findOrganisationByCreditCode(tx, fields.creditCode)
          : undefined;
        if (!known) throw new Error('organisation insert skipped but none found');
        return { row: known, created: false };
      }
      await audit(tx, ctx, {
        action: 'organisation.create',
        entityType: 'organisation',
        entityId: inserted.id,
        after: organisationAuditView(inserted),
      });
      return { row: inserted, created: true };
    });
    return { organisation: organisationView(result.row), created: result.created };
  }

  async lookupOrganisation(ctx: RequestContext, creditCode: string): Promise<OrganisationView | null> {
    requireStaff(ctx);
    const row = await findOrganisationByCreditCode(this.#d.db, creditCode);
    return row ? organisationView(row) : null;
  }

  async getOrganisation(ctx: RequestContext, id: string): Promise<OrganisationView> {
    requireStaff(ctx);
    const row = await findOrganisationById(this.#d.db, id);
    if (!row) throw AppError.notFound('单位');
    return organisationView(row);
  }

  async listOrganisations(ctx: RequestContext, filters: { name?: string }): Promise<OrganisationView[]> {
    requireStaff(ctx);
    return (await listOrganisations(this.#d.db, { name: filters.name?.trim() || undefined })).map(
      organisationView,
    );
  }

  async updateOrganisation(
    ctx: RequestContext,
    id: string,
    input: Partial<OrganisationInput> & { version: number },
  ): Promise<OrganisationView> {
    const p = requireStaff(ctx);
    const { db, clock, audit } = this.#d;
    const { version, ...rest } = input;
    const fields = this.#checkOrganisation(rest);
    const after = await db.transaction(async (tx) => {
      const before = await findOrganisationById(tx, id);
      if (!before) throw AppError.notFound('单位');
      if (fields.creditCode) {
        const other = await findOrganisationByCreditCode(tx, fields.creditCode);
        if (other && other.id !== id) {
          throw new AppError(
            'ORGANISATION_EXISTS',
            409,
            `统一社会信用代码 ${fields.creditCode} 已登记为“${other.name}”`,
            [{ path: 'creditCode', message: '该代码已登记为另一单位' }],
          );
        }
      }
      let updated: OrganisationRow | undefined;
      try {
        updated = await updateOrganisation(tx, id, version, {
          ...fields,
          updatedBy: p.id,
          updatedAt: clock.now(),
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw AppError.conflict('该统一社会信用代码已登记为另一单位');
        throw error;
      }
      if (!updated) throw AppError.conflict('该单位信息已被他人修改，请刷新后重试');
      await audit(tx, ctx, {
        action: 'organisation.update',
        entityType: 'organisation',
        entityId: id,
        before: organisationAuditView(before),
        after: organisationAuditView(updated),
      });
      return updated;
    });
    return organisationView(after);
  }

  // ---- case parties ------------------------------------------------------------------------------------

  async #caseInScope(executor: Executor, p: Principal, caseId: string) {
    const found = await findCase(executor, p, caseId);
    if (!found) throw AppError.notFound('案件');
    return found;
  }

  /** The case's parties; `executor`: read inside the caller's transaction (it may not have committed yet). */
  async listParties(ctx: RequestContext, caseId: string, executor?: Executor): Promise<CasePartyView[]> {
    const p = requireStaff(ctx);
    const reader = executor ?? this.#d.db;
    await this.#caseInScope(reader, p, caseId);
    return (await listCaseParties(reader, caseId)).map(({ party, person, organisation }) => ({
      id: party.id,
      caseId: party.caseId,
      role: party.role,
      roleLabel: partyRoleLabels[party.role] ?? party.role,
      kind: party.partyKind,
      sortOrder: party.sortOrder,
      person: person ? this.personView(person) : null,
      organisation: organisation ? organisationView(organisation) : null,
      addedAt: party.addedAt.toISOString(),
    }));
  }

  /** Links a known person or organisation to a case in a role; the case must be in the caller's scope. */
  async addParty(
    ctx: RequestContext,
    caseId: string,
    input: {
      role: PartyRole;
      personId?: string | undefined;
      organisationId?: string | undefined;
      sortOrder?: number | undefined;
    },
    executor?: Executor,
  ): Promise<CasePartyView> {
    const p = requireStaff(ctx);
    const { clock, audit } = this.#d;
    if (!input.personId === !input.organisationId) throw fieldError('personId', '请选择一名人员或一个单位');
    const partyId = await this.#runIn(executor, async (tx) => {
      await this.#caseInScope(tx, p, caseId);
      if (input.personId && !(await findPersonById(tx, input.personId))) throw AppError.notFound('人员');
      if (input.organisationId && !(await findOrganisationById(tx, input.organisationId)))
        throw AppError.notFound('单位');
      const kind = input.personId ? 'person' : 'organisation';
      const row = await insertCaseParty(tx, {
        caseId,
        partyKind: kind,
        personId: input.personId ?? null,
        organisationId: input.organisationId ?? null,
        role: input.role,
        sortOrder: input.sortOrder ?? (await nextPartySortOrder(tx, caseId)),
        addedBy: p.id,
        addedAt: clock.now(),
      });
      if (!row)
        throw AppError.conflict(
          `该${kind === 'person' ? '人员' : '单位'}已作为${partyRoleLabels[input.role]}列入本案`,
        );
      await audit(tx, ctx, {
        action: 'party.add',
        entityType: 'case',
        entityId: caseId,
        after: {
          partyId: row.id,
          kind,
          role: input.role,
          personId: row.personId,
          organisationId: row.organisationId,
        },
      });
      return row.id;
    });
    const parties = await this.listParties(ctx, caseId, executor);
    const added = parties.find((party) => party.id === partyId);
    if (!added) throw new Error('added party not found');
    return added;
  }

  async removeParty(ctx: RequestContext, caseId: string, partyId: string): Promise<void> {
    const p = requireStaff(ctx);
    await this.#d.db.transaction(async (tx) => {
      await this.#caseInScope(tx, p, caseId);
      const removed = await deleteCaseParty(tx, caseId, partyId);
      if (!removed) throw AppError.notFound('当事人');
      await this.#d.audit(tx, ctx, {
        action: 'party.remove',
        entityType: 'case',
        entityId: caseId,
        before: {
          partyId: removed.id,
          kind: removed.partyKind,
          role: removed.role,
          personId: removed.personId,
          organisationId: removed.organisationId,
        },
      });
    });
  }
}
