import { and, asc, eq, inArray, isNull, or, type SQL } from 'drizzle-orm';
import type { Executor } from '../db/database.ts';
import { type FileOwnerKind, type StoredFileRow, storedFile } from './files.schema.ts';

// Queries on stored_file. Case scope is checked by the service through findCase (cases.repo) before any
// case's files are read; owner files are found only by their owner.

export async function insertStoredFile(
  executor: Executor,
  values: typeof storedFile.$inferInsert,
): Promise<StoredFileRow> {
  const [row] = await executor.insert(storedFile).values(values).returning();
  if (!row) throw new Error('stored_file insert returned no row');
  return row;
}

export async function findStoredFile(executor: Executor, id: string): Promise<StoredFileRow | undefined> {
  const rows = await executor
    .select()
    .from(storedFile)
    .where(and(eq(storedFile.id, id), isNull(storedFile.deletedAt)));
  return rows[0];
}

export interface Owner {
  kind: FileOwnerKind;
  id: string;
}

/** A case's files; `visibleTo` narrows them (a citizen sees their own files and the case's documents). */
export async function listCaseFiles(
  executor: Executor,
  caseId: string,
  visibleTo?: SQL,
): Promise<StoredFileRow[]> {
  return executor
    .select()
    .from(storedFile)
    .where(and(eq(storedFile.caseId, caseId), isNull(storedFile.deletedAt), visibleTo))
    .orderBy(asc(storedFile.createdAt), asc(storedFile.id));
}

export function ownedBy(owner: Owner): SQL {
  return and(eq(storedFile.ownerKind, owner.kind), eq(storedFile.ownerId, owner.id)) as SQL;
}

export function ownedByOrDocument(owner: Owner): SQL {
  return or(ownedBy(owner), eq(storedFile.category, 'document')) as SQL;
}

export async function listOwnerFiles(
  executor: Executor,
  owner: Owner,
  options: { unattachedOnly?: boolean } = {},
): Promise<StoredFileRow[]> {
  return executor
    .select()
    .from(storedFile)
    .where(
      and(
        ownedBy(owner),
        isNull(storedFile.deletedAt),
        options.unattachedOnly ? isNull(storedFile.caseId) : undefined,
      ),
    )
    .orderBy(asc(storedFile.createdAt), asc(storedFile.id));
}

/** Gives unattached files of one owner to a case; answers the rows that moved. */
export async function attachOwnerFiles(
  executor: Executor,
  owner: Owner,
  ids: readonly string[],
  caseId: string,
): Promise<StoredFileRow[]> {
  if (ids.length === 0) return [];
  return executor
    .update(storedFile)
    .set({ caseId })
    .where(
      and(
        inArray(storedFile.id, [...ids]),
        ownedBy(owner),
        isNull(storedFile.caseId),
        isNull(storedFile.deletedAt),
      ),
    )
    .returning();
}

export async function markDeleted(
  executor: Executor,
  id: string,
  by: string,
  at: Date,
): Promise<StoredFileRow | undefined> {
  const rows = await executor
    .update(storedFile)
    .set({ deletedAt: at, deletedBy: by })
    .where(and(eq(storedFile.id, id), isNull(storedFile.deletedAt)))
    .returning();
  return rows[0];
}
