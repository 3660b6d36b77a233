// Every column holding values written by the field cipher, registered by its module at load time, so
// key rotation (`npm run keys:rotate`) re-encrypts all of them and, with --rotate-index-key, recomputes
// their blind indexes. A column missing here keeps its old key version until someone notices; the
// rotation report therefore also lists `*_enc` columns that nobody registered.

export interface EncryptedColumn {
  /** snake_case table name, optionally schema-qualified (`audit.audit_log`). */
  table: string;
  /** The primary key column (used to page through rows and to update them one by one). */
  idColumn: string;
  /** The text column holding `v1.<iv>.<ciphertext>.<mac>` values (convention: `<name>_enc`). */
  column: string;
  /** The blind-index column computed from the same plaintext, if any (convention: `<name>_bidx`). */
  blindIndex?: { column: string; purpose: string } | undefined;
}

const identifierPattern = /^[a-z_][a-z0-9_]{0,62}$/;

export function assertEncryptedColumn(c: EncryptedColumn): void {
  const names = [...c.table.split('.'), c.idColumn, c.column, ...(c.blindIndex ? [c.blindIndex.column] : [])];
  for (const name of names) {
    if (!identifierPattern.test(name)) {
      throw new Error(`encrypted column registration: "${name}" is not a snake_case SQL identifier`);
    }
  }
}

const registry = new Map<string, EncryptedColumn>();

/** Call once per column at module load (e.g. next to the table in `<module>.schema.ts`). */
export function registerEncryptedColumn(column: EncryptedColumn): void {
  assertEncryptedColumn(column);
  const key = `${column.table}.${column.column}`;
  const existing = registry.get(key);
  if (existing && JSON.stringify(existing) !== JSON.stringify(column)) {
    throw new Error(`encrypted column ${key} is registered twice with different settings`);
  }
  registry.set(key, { ...column });
}

export function registeredEncryptedColumns(): EncryptedColumn[] {
  return [...registry.values()];
}
