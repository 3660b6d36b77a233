import { DownloadOutlined, ReloadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { App, Button, Card } from 'antd';
import { useMemo, useState } from 'react';
import { LoadError } from '../../../components/load-error.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { useCan } from '../../../lib/access.tsx';
import { errorMessage } from '../../../lib/api.ts';
import { useOrgUnitName } from '../../../lib/org-units.ts';
import {
  type AuditEntry,
  type AuditQuery,
  type AuditVerification,
  auditExportUrl,
  useAuditEntries,
  useVerifyAuditLog,
} from '../api/use-audit.ts';
import { AuditEntryDrawer } from '../components/audit-entry-drawer.tsx';
import { AuditFilters, type AuditFilterValues } from '../components/audit-filters.tsx';
import { AuditTable } from '../components/audit-table.tsx';
import { VerifyResultModal } from '../components/verify-result-modal.tsx';

function toQuery(filters: AuditFilterValues): AuditQuery {
  const [start, end] = filters.range ?? [];
  return {
    from: start?.startOf('day').toISOString(),
    // The API's `to` is exclusive: the whole last day counts.
    to: end?.add(1, 'day').startOf('day').toISOString(),
    action: filters.action,
    actorId: filters.actor?.id,
    outcome: filters.outcome,
  };
}

export default function AuditLogPage() {
  const can = useCan();
  const { message } = App.useApp();
  const [filters, setFilters] = useState<AuditFilterValues>({});
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const [open, setOpen] = useState<AuditEntry | null>(null);
  const [verification, setVerification] = useState<AuditVerification | null>(null);
  const query = useMemo(() => toQuery(filters), [filters]);
  const entries = useAuditEntries(query, paging.page, paging.pageSize);
  const verify = useVerifyAuditLog();
  const unitName = useOrgUnitName();
  const filtered = Boolean(filters.range || filters.action || filters.actor || filters.outcome);

  const changeFilters = (next: AuditFilterValues) => {
    setFilters(next);
    setPaging((current) => ({ ...current, page: 1 }));
  };

  return (
    <>
      <PageHeader
        title="审计日志"
        description="登录、账号与权限变更、查看个人信息等操作的记录；只能查看，不能修改或删除"
        extra={
          <>
            <Button icon={<ReloadOutlined />} loading={entries.isFetching} onClick={() => entries.refetch()}>
              刷新
            </Button>
            {can('audit:export') && (
              <Button icon={<DownloadOutlined />} href={auditExportUrl(query)}>
                导出
              </Button>
            )}
            {can('audit:verify') && (
              <Button
                type="primary"
                icon={<SafetyCertificateOutlined />}
                loading={verify.isPending}
                onClick={() =>
                  verify.mutate(undefined, {
                    onSuccess: setVerification,
                    onError: (error) => message.error(errorMessage(error)),
                  })
                }
              >
                核验完整性
              </Button>
            )}
          </>
        }
      />
      <Card>
        <AuditFilters value={filters} onChange={changeFilters} />
        {entries.isError && !entries.data ? (
          <LoadError error={entries.error} retrying={entries.isFetching} onRetry={() => entries.refetch()} />
        ) : (
          <AuditTable
            entries={entries.data?.items ?? []}
            total={entries.data?.total ?? 0}
            page={paging.page}
            pageSize={paging.pageSize}
            loading={entries.isPending || (entries.isFetching && entries.isPlaceholderData)}
            filtered={filtered}
            unitName={unitName}
            onPageChange={(page, pageSize) => setPaging({ page, pageSize })}
            onOpen={setOpen}
            onActor={(actor) => changeFilters({ ...filters, actor })}
          />
        )}
      </Card>
      <AuditEntryDrawer entry={open} unitName={unitName} onClose={() => setOpen(null)} />
      <VerifyResultModal result={verification} onClose={() => setVerification(null)} />
    </>
  );
}
