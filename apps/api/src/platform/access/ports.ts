import type { Executor } from '../db/database.ts';
import type { RequestContext } from './principal.ts';

// What identity and access need from the platform's other parts, named here so the services depend on
// a shape, not on a module's internals; services.ts passes the real ones.

export interface FieldCipher {
  encrypt(plain: string): string;
  decrypt(stored: string): string;
  blindIndex(value: string, purpose: string): string;
}

export interface AuditEntry {
  action: string;
  entityType?: string;
  entityId?: string;
  before?: unknown;
  after?: unknown;
  detail?: Record<string, unknown>;
  outcome?: 'success' | 'failure';
}

export type AuditWriter = (executor: Executor, ctx: RequestContext, entry: AuditEntry) => Promise<void>;

/** Descendants of the given units, themselves included. */
export type SubtreeExpander = (executor: Executor, unitIds: number[]) => Promise<Set<number>>;

export type SmsSender = (executor: Executor, phone: string, body: string, template: string) => Promise<void>;
