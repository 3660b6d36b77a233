import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { apiGet, queryString } from '../../../lib/api.ts';

// Shapes from apps/api/src/platform/audit/audit.routes.ts.

export interface AuditEntry {
  id: number;
  at: string;
  actorKind: 'staff' | 'citizen' | 'system' | 'anonymous';
  actorId: string | null;
  actorName: string | null;
  unitId: number | null;
  /** The unit's name, when the API sends it (newer servers); otherwise looked up in the org tree. */
  unitName?: string | null;
  ip: string;
  action: string;
  entityType: string | null;
  entityId: string | null;
  before: unknown;
  after: unknown;
  detail: unknown;
  requestId: string;
  outcome: 'success' | 'failure';
  sealSeq: number | null;
}

export interface AuditPage {
  items: AuditEntry[];
  total: number;
  page: number;
  pageSize: number;
}

export interface AuditVerification {
  ok: boolean;
  message: string;
  sealedRows: number;
  unsealedRows: number;
  lastSealSeq: number | null;
  brokenAt: { id: number; sealSeq: number | null } | null;
  reason: 'hashMismatch' | 'prevHashMismatch' | 'gap' | 'checkpointInvalid' | null;
  expectedSealSeq: number | null;
  checkpoint: {
    id: number;
    throughSealSeq: number;
    throughAt: string;
    signature: 'valid' | 'unchecked';
  } | null;
}

/** The query the API understands; times are ISO 8601, `to` exclusive. */
export interface AuditQuery {
  from?: string | undefined;
  to?: string | undefined;
  actorId?: string | undefined;
  action?: string | undefined;
  outcome?: 'success' | 'failure' | undefined;
}

export function useAuditEntries(query: AuditQuery, page: number, pageSize: number) {
  return useQuery({
    queryKey: ['audit', 'entries', query, page, pageSize],
    queryFn: ({ signal }) =>
      apiGet<AuditPage>(`/api/audit/entries${queryString({ ...query, page, pageSize })}`, undefined, {
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

/** A plain link: the browser downloads the CSV with the file name the server gives. */
export function auditExportUrl(query: AuditQuery): string {
  return `/api/audit/entries/export${queryString({ ...query })}`;
}

export function useVerifyAuditLog() {
  return useMutation({ mutationFn: () => apiGet<AuditVerification>('/api/audit/verify') });
}
