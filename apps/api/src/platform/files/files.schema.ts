import type { FileCategory } from '@zhucheng/contracts';
import { sql } from 'drizzle-orm';
import { bigint, check, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { caseRecord } from '../cases/cases.schema.ts';

const at = (name: string) => timestamp(name, { withTimezone: true });

export type FileOwnerKind = 'staff' | 'citizen';

/**
 * One stored file (附件): uploaded evidence, a citizen's proof before it is a case, a generated document.
 * The content lives in the FileStore under `storage_key`; `mime` is what the content was recognised as.
 * A file belongs to its owner until it is attached to a case; from then the case's scope governs it too.
 */
export const storedFile = pgTable(
  'stored_file',
  {
    id: uuid('id').primaryKey(),
    caseId: uuid('case_id').references(() => caseRecord.id),
    ownerKind: text('owner_kind').$type<FileOwnerKind>().notNull(),
    /** staff_user.id or citizen_account.id; for generated documents the account that caused them, or 'system'. */
    ownerId: text('owner_id').notNull(),
    category: text('category').$type<FileCategory>().notNull(),
    originalName: text('original_name').notNull(),
    mime: text('mime').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    storageKey: text('storage_key').notNull().unique('stored_file_storage_key_key'),
    createdBy: text('created_by'),
    createdAt: at('created_at').notNull(),
    deletedAt: at('deleted_at'),
    deletedBy: text('deleted_by'),
  },
  (t) => [
    index('stored_file_case_idx').on(t.caseId, t.createdAt),
    index('stored_file_owner_idx').on(t.ownerKind, t.ownerId, t.createdAt),
    check('stored_file_owner_kind_check', sql`${t.ownerKind} in ('staff', 'citizen')`),
    check('stored_file_size_check', sql`${t.size} > 0`),
  ],
);

export type StoredFileRow = typeof storedFile.$inferSelect;
