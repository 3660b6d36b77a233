import { PlusOutlined } from '@ant-design/icons';
import {
  type SuperviseeListItem,
  sentenceKindLabels,
  sentenceKinds,
  superviseeFlagLabels,
  superviseeFlags,
  supervisionLevelLabels,
  supervisionLevels,
} from '@zhucheng/contracts';
import { Button, Flex, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { DeadlineBadge } from '../../../components/deadline-badge.tsx';
import { LoadError } from '../../../components/load-error.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { useCan } from '../../../lib/access.tsx';
import { clockStanding, type SuperviseeFilters, useSupervisees } from '../api/use-corrections.ts';

const statusOptions = [
  { value: 'awaitingReportIn', label: '待报到' },
  { value: 'underSupervision', label: '在矫' },
];
const options = <T extends string>(values: readonly T[], labels: Record<T, string>) =>
  values.map((value) => ({ value, label: labels[value] }));

/** 社区矫正对象台账: the supervisees of the caller's offices; a minor shows as 张某 (第五十八条). */
export default function SuperviseesPage() {
  const [filters, setFilters] = useState<SuperviseeFilters>({ page: 1, pageSize: 20 });
  const list = useSupervisees(filters);
  const can = useCan();
  const navigate = useNavigate();
  const set = (patch: Partial<SuperviseeFilters>) => setFilters((f) => ({ ...f, ...patch, page: 1 }));

  return (
    <>
      <PageHeader
        title="社区矫正对象"
        description="本单位及下属司法所的在册社区矫正对象；姓名、证件号按规定遮挡。"
        extra={
          can('corrections:register') ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => navigate('/corrections/supervisees/new')}
            >
              登记社区矫正对象
            </Button>
          ) : null
        }
      />
      <Flex wrap gap={8} style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          placeholder="姓名"
          style={{ width: 160 }}
          onSearch={(name) => set({ name })}
        />
        <Select
          allowClear
          placeholder="状态"
          style={{ width: 120 }}
          options={statusOptions}
          onChange={(status) => set({ status })}
        />
        <Select
          allowClear
          placeholder="矫正类别"
          style={{ width: 150 }}
          options={options(sentenceKinds, sentenceKindLabels)}
          onChange={(sentenceKind) => set({ sentenceKind })}
        />
        <Select
          allowClear
          placeholder="管理等级"
          style={{ width: 120 }}
          options={options(supervisionLevels, supervisionLevelLabels)}
          onChange={(supervisionLevel) => set({ supervisionLevel })}
        />
        <Select
          allowClear
          placeholder="标记"
          style={{ width: 130 }}
          options={options(superviseeFlags, superviseeFlagLabels)}
          onChange={(flag) => set({ flag })}
        />
      </Flex>
      {list.isError ? (
        <LoadError error={list.error} onRetry={() => list.refetch()} retrying={list.isFetching} />
      ) : (
        <Table<SuperviseeListItem>
          rowKey="caseId"
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          // Wide enough for every column; on a wide screen the cells wrap instead of scrolling sideways.
          scroll={{ x: 1080 }}
          locale={{ emptyText: '暂无社区矫正对象，收到执行通知书后点击“登记社区矫正对象”登记' }}
          pagination={{
            current: filters.page,
            pageSize: filters.pageSize,
            total: list.data?.total ?? 0,
            onChange: (page, pageSize) => setFilters((f) => ({ ...f, page, pageSize })),
          }}
          columns={[
            {
              title: '编号',
              dataIndex: 'caseNo',
              render: (no: string | null, r) => (
                <Link to={`/corrections/supervisees/${r.caseId}`} style={{ whiteSpace: 'nowrap' }}>
                  {no ?? '查看'}
                </Link>
              ),
            },
            {
              title: '姓名',
              dataIndex: 'name',
              // The API masks a minor's name (张某) and ID number; the list never shows photos.
              render: (name: string, r) => (
                <Flex vertical gap={2} align="flex-start" style={{ maxWidth: 180 }}>
                  <span style={{ wordBreak: 'break-word' }}>{name}</span>
                  {r.flags.length > 0 ? (
                    <Space size={2} wrap>
                      {r.flags.map((f) => (
                        <Tag key={f} color={f === 'minor' ? 'purple' : 'cyan'} style={{ marginInlineEnd: 0 }}>
                          {superviseeFlagLabels[f]}
                        </Tag>
                      ))}
                    </Space>
                  ) : null}
                </Flex>
              ),
            },
            {
              title: '证件号码',
              dataIndex: 'idNumberMasked',
              onCell: () => ({ style: { whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' } }),
            },
            {
              title: '类别',
              dataIndex: 'sentenceKind',
              onCell: () => ({ style: { whiteSpace: 'nowrap' } }),
              onHeaderCell: () => ({ style: { whiteSpace: 'nowrap' } }),
              render: (k: SuperviseeListItem['sentenceKind']) => sentenceKindLabels[k],
            },
            {
              title: '状态',
              dataIndex: 'statusLabel',
              render: (label: string, r) => (
                <Space size={4} wrap style={{ maxWidth: 200 }}>
                  <Tag color={r.status === 'awaitingReportIn' ? 'orange' : 'blue'}>{label}</Tag>
                  {r.status === 'awaitingReportIn' && r.reportIn ? (
                    <DeadlineBadge standing={clockStanding(r.reportIn)} />
                  ) : null}
                  {r.lostContact ? <Tag color="red">失联查找中</Tag> : null}
                </Space>
              ),
            },
            {
              title: '管理等级',
              dataIndex: 'supervisionLevel',
              onCell: () => ({ style: { whiteSpace: 'nowrap' } }),
              onHeaderCell: () => ({ style: { whiteSpace: 'nowrap' } }),
              render: (l: SuperviseeListItem['supervisionLevel']) =>
                l ? supervisionLevelLabels[l] : '未分类',
            },
            {
              title: '执行地',
              dataIndex: ['office', 'name'],
              render: (n: string) => <span style={{ wordBreak: 'break-word' }}>{n}</span>,
            },
            {
              title: '矫正期',
              render: (_: unknown, r) => (
                <Flex vertical style={{ whiteSpace: 'nowrap' }}>
                  <span>{r.periodStart} 至</span>
                  <span>{r.periodEnd}</span>
                  <Typography.Text type="secondary">剩余 {r.daysRemaining} 天</Typography.Text>
                </Flex>
              ),
            },
          ]}
        />
      )}
    </>
  );
}
