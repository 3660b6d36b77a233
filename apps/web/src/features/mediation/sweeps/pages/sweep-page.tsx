import { FileAddOutlined } from '@ant-design/icons';
import { disputeKindLabels, type SweepDispute, sweepStatusLabels } from '@zhucheng/contracts';
import { Button, Card, Empty, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { KeyValueList } from '../../../../components/key-value-list.tsx';
import { LoadError } from '../../../../components/load-error.tsx';
import { PageHeader } from '../../../../components/page-header.tsx';
import { PageLoading } from '../../../../components/page-loading.tsx';
import { useCan } from '../../../../lib/access.tsx';
import { formatDateTime } from '../../../../lib/format.ts';
import { useSweep } from '../api/sweeps-api.ts';
import { SweepDrawer, type SweepTarget } from '../components/sweep-drawers.tsx';
import { sweepStatusColour } from '../components/sweep-status.ts';

/** 一次排查: its plan and record, and the disputes it found (登记发现的纠纷 opens the registration with it). */
export default function SweepPage() {
  const { id } = useParams();
  const sweep = useSweep(id);
  const can = useCan();
  const [target, setTarget] = useState<SweepTarget>(null);
  if (sweep.isPending) return <PageLoading />;
  if (sweep.isError)
    return <LoadError error={sweep.error} retrying={sweep.isFetching} onRetry={() => sweep.refetch()} />;
  const s = sweep.data;
  const canWrite = can('mediation:sweep') && s.status !== 'cancelled';

  return (
    <>
      <PageHeader
        title={s.title}
        description={`${s.unitName} · ${sweepStatusLabels[s.status]}`}
        extra={
          <Space wrap>
            {canWrite && (
              <Button onClick={() => setTarget({ mode: 'hold', sweep: s })}>
                {s.status === 'held' ? '更正排查情况' : '登记排查情况'}
              </Button>
            )}
            {s.status === 'held' && can('mediation:intake') && (
              <Link to={`/mediation/disputes/new?sweepId=${s.id}`}>
                <Button type="primary" icon={<FileAddOutlined />}>
                  登记发现的纠纷
                </Button>
              </Link>
            )}
          </Space>
        }
      />
      <Card title="排查情况" style={{ marginBottom: 16 }}>
        <KeyValueList
          rows={[
            {
              label: '状态',
              value: <Tag color={sweepStatusColour[s.status]}>{sweepStatusLabels[s.status]}</Tag>,
            },
            { label: '组织单位', value: s.unitName },
            { label: '计划日期', value: s.plannedOn },
            { label: '排查日期', value: s.heldOn ?? '—' },
            { label: '排查范围', value: s.area },
            {
              label: '参加人员',
              value: `${s.participants || '—'}${s.participantCount ? `（${s.participantCount} 人）` : ''}`,
            },
            { label: s.status === 'cancelled' ? '取消原因' : '排查情况', value: s.findings ?? '—' },
            { label: '发现隐患', value: `${s.risksFound} 处` },
            { label: '更新时间', value: formatDateTime(s.updatedAt) },
          ]}
        />
      </Card>
      <Card title={`发现并登记的纠纷（${s.disputeCount} 件）`}>
        <Table<SweepDispute>
          rowKey="caseId"
          size="middle"
          dataSource={s.disputes}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          scroll={{ x: 'max-content' }}
          locale={{
            emptyText: (
              <Empty
                image={Empty.PRESENTED_IMAGE_SIMPLE}
                description={
                  s.disputeCount > s.disputes.length
                    ? '发现的纠纷由其他调委会办理，不在您的查看范围内'
                    : '这次排查尚未登记纠纷'
                }
              />
            ),
          }}
          columns={[
            {
              title: '案号',
              dataIndex: 'caseNo',
              render: (v: string | null, r) => (
                <Link to={`/mediation/disputes/${r.caseId}`}>{v ?? '（待编号）'}</Link>
              ),
            },
            { title: '纠纷', dataIndex: 'title' },
            { title: '类型', dataIndex: 'kind', render: (v: SweepDispute['kind']) => disputeKindLabels[v] },
            { title: '调委会', dataIndex: 'committeeName' },
            { title: '状态', dataIndex: 'statusLabel' },
            { title: '登记时间', dataIndex: 'createdAt', render: (v: string) => formatDateTime(v) },
          ]}
        />
      </Card>
      <SweepDrawer target={target} onClose={() => setTarget(null)} />
    </>
  );
}
