import { PlusOutlined } from '@ant-design/icons';
import {
  type InvestigationView,
  investigationOpinionLabels,
  investigationRequesterKindLabels,
  investigationRequesterKinds,
} from '@zhucheng/contracts';
import { Button, Flex, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { DeadlineBadge } from '../../../components/deadline-badge.tsx';
import { LoadError } from '../../../components/load-error.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { useCan } from '../../../lib/access.tsx';
import { clockStanding, type InvestigationFilters, useInvestigations } from '../api/use-corrections.ts';

const statusOptions = [
  { value: 'investigating', label: '调查中' },
  { value: 'assessed', label: '已评估待送达' },
  { value: 'delivered', label: '已送达' },
  { value: 'withdrawn', label: '委托撤回' },
];
/** UI.md: processing blue, done green, withdrawn grey. */
const statusColor = (status: string) =>
  status === 'delivered' ? 'green' : status === 'withdrawn' ? 'default' : 'blue';
const requesterOptions = investigationRequesterKinds.map((value) => ({
  value,
  label: investigationRequesterKindLabels[value],
}));

/** 调查评估: requests with their clocks (10 working days, 5 in fast-track cases, 第十八条). */
export default function InvestigationsPage() {
  const [page, setPage] = useState<InvestigationFilters>({ page: 1, pageSize: 20 });
  const list = useInvestigations(page);
  const set = (patch: Partial<InvestigationFilters>) => setPage((f) => ({ ...f, ...patch, page: 1 }));
  const can = useCan();
  const navigate = useNavigate();
  return (
    <>
      <PageHeader
        title="调查评估"
        description="人民法院、人民检察院、公安机关、监狱管理机关委托的调查评估及其期限。"
        extra={
          can('corrections:investigate') ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => navigate('/corrections/investigations/new')}
            >
              登记委托
            </Button>
          ) : null
        }
      />
      <Flex wrap gap={8} style={{ marginBottom: 12 }}>
        <Select
          allowClear
          placeholder="状态"
          style={{ width: 150 }}
          options={statusOptions}
          onChange={(status) => set({ status })}
        />
        <Select
          allowClear
          placeholder="委托机关类别"
          style={{ width: 150 }}
          options={requesterOptions}
          onChange={(requesterKind) => set({ requesterKind })}
        />
      </Flex>
      {list.isError ? (
        <LoadError error={list.error} onRetry={() => list.refetch()} retrying={list.isFetching} />
      ) : (
        <Table<InvestigationView>
          rowKey="caseId"
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: '暂无调查评估，收到委托函后点击“登记委托”登记' }}
          pagination={{
            current: page.page,
            pageSize: page.pageSize,
            total: list.data?.total ?? 0,
            onChange: (p, pageSize) => setPage((f) => ({ ...f, page: p, pageSize })),
          }}
          columns={[
            {
              title: '案号',
              dataIndex: 'caseNo',
              render: (no: string | null, r) => (
                <Link to={`/corrections/investigations/${r.caseId}`}>{no ?? '查看'}</Link>
              ),
            },
            {
              title: '被调查评估对象',
              dataIndex: 'personName',
              render: (name: string) => <span style={{ wordBreak: 'break-word' }}>{name}</span>,
            },
            {
              title: '委托机关及委托函',
              render: (_: unknown, r) => (
                <Flex vertical style={{ maxWidth: 320 }}>
                  <span style={{ wordBreak: 'break-word' }}>
                    {r.requesterName}（{investigationRequesterKindLabels[r.requesterKind]}）
                  </span>
                  <Typography.Text type="secondary">{r.letterNo}</Typography.Text>
                </Flex>
              ),
            },
            { title: '收到日期', dataIndex: 'receivedOn' },
            {
              title: '状态',
              dataIndex: 'statusLabel',
              render: (l: string, r) => (
                <Tag color={statusColor(r.status)}>
                  {l}
                  {r.fastTrack ? '·速裁' : ''}
                </Tag>
              ),
            },
            {
              title: '期限',
              dataIndex: 'clock',
              render: (c: InvestigationView['clock']) =>
                c ? <DeadlineBadge standing={clockStanding(c)} /> : '—',
            },
            {
              title: '评估意见',
              dataIndex: 'opinion',
              render: (o: InvestigationView['opinion']) => (o ? investigationOpinionLabels[o] : '—'),
            },
          ]}
        />
      )}
    </>
  );
}
