import type { DocumentField } from '@zhucheng/contracts';
import type { Executor } from '../db/database.ts';
import { fieldsFor, unknownPlaceholders } from './documents.rules.ts';

/**
 * A module's default template for one of its case types, seeded once by (caseType, code); afterwards the
 * bureau's edited version is what documents are made from.
 */
export interface DocumentTemplateDef {
  /** Unique within the case type, e.g. `grantDecision`. */
  readonly code: string;
  readonly caseType: string;
  /** e.g. 给予法律援助决定书. */
  readonly name: string;
  /** A documentNo series of platform/numbering; absent for documents without a 发文字号. */
  readonly numberSeries?: string;
  readonly title: string;
  readonly body: readonly string[];
}

/** The fields a case type adds to the common placeholders, and how it reads them for a case. */
export interface DocumentFieldSet {
  readonly caseType: string;
  readonly fields: readonly DocumentField[];
  /** The values for one case (already found in the caller's scope), read in the generating transaction. */
  readonly load: (executor: Executor, caseId: string) => Promise<Record<string, string>>;
}

const codePattern = /^[a-z][A-Za-z0-9]*$/;

/** Declares a default template (in the module that owns the case type); checked at load time. */
export function defineDocumentTemplate(def: DocumentTemplateDef): DocumentTemplateDef {
  if (!codePattern.test(def.code)) throw new Error(`document template code ${def.code} must be camelCase`);
  if (def.name.trim() === '' || def.title.trim() === '') {
    throw new Error(`document template ${def.caseType}/${def.code} needs a name and a title`);
  }
  return Object.freeze({ ...def, body: Object.freeze([...def.body]) });
}

/** The default templates and extra fields the composition root knows; each module hands its own in. */
export class DocumentTemplateRegistry {
  readonly #templates = new Map<string, DocumentTemplateDef>();
  readonly #fieldSets = new Map<string, DocumentFieldSet[]>();

  constructor(...templates: DocumentTemplateDef[]) {
    this.add(...templates);
  }

  add(...defs: DocumentTemplateDef[]): this {
    for (const def of defs) this.#addOne(def);
    return this;
  }

  #addOne(def: DocumentTemplateDef): void {
    const key = `${def.caseType}/${def.code}`;
    if (this.#templates.has(key)) throw new Error(`document template ${key} registered twice`);
    const template = defineDocumentTemplate(def);
    const unknown = unknownPlaceholders([template.title, ...template.body], this.fieldsOf(template.caseType));
    if (unknown.length > 0)
      throw new Error(`document template ${key}: unknown placeholders ${unknown.join(', ')}`);
    this.#templates.set(key, template);
  }

  addFields(...sets: DocumentFieldSet[]): this {
    for (const set of sets) {
      this.#fieldSets.set(set.caseType, [...(this.#fieldSets.get(set.caseType) ?? []), set]);
    }
    return this;
  }

  /** The case type's own field sets (their loaders fill the extra placeholders). */
  fieldSetsOf(caseType: string): DocumentFieldSet[] {
    return this.#fieldSets.get(caseType) ?? [];
  }

  /** Common placeholders plus the case type's own. */
  fieldsOf(caseType: string): DocumentField[] {
    return fieldsFor(this.fieldSetsOf(caseType).flatMap((s) => s.fields));
  }

  all(): DocumentTemplateDef[] {
    return [...this.#templates.values()];
  }
}
