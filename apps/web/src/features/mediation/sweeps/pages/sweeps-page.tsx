import { CheckSquareOutlined, PlusOutlined } from '@ant-design/icons';
import { type SweepStatus, type SweepView, sweepStatuses, sweepStatusLabels } from '@zhucheng/contracts';
import { Button, Card, DatePicker, Empty, Flex, Select, Space, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { LoadError } from '../../../../components/load-error.tsx';
import { PageHeader } from '../../../../components/page-header.tsx';
import { useCan } from '../../../../lib/access.tsx';
import { useSweeps, useSweepUnits } from '../api/sweeps-api.ts';
import { SweepDrawer, type SweepTarget } from '../components/sweep-drawers.tsx';
import { sweepStatusColour } from '../components/sweep-status.ts';

/** 矛盾纠纷排查: the sweeps of the caller's offices and committees, with the actions on each. */
export default function SweepsPage() {
  const can = useCan();
  const canWrite = can('mediation:sweep');
  const units = useSweepUnits();
  const [unitId, setUnitId] = useState<number | undefined>();
  const [status, setStatus] = useState<SweepStatus | undefined>();
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [page, setPage] = useState(1);
  const pageSize = 20;
  const sweeps = useSweeps({
    unitId,
    status,
    from: range?.[0]?.format('YYYY-MM-DD'),
    to: range?.[1]?.format('YYYY-MM-DD'),
    page,
    pageSize,
  });
  const [target, setTarget] = useState<SweepTarget>(null);
  const reset =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setPage(1);
    };

  return (
    <>
      <PageHeader
        title="矛盾纠纷排查"
        description="司法所和人民调解委员会的排查计划、开展情况及发现的纠纷；已开展的排查计入“矛盾纠纷排查次数”"
        extra={
          canWrite && (
            <Space wrap>
              <Button icon={<CheckSquareOutlined />} onClick={() => setTarget({ mode: 'hold' })}>
                登记已开展的排查
              </Button>
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setTarget({ mode: 'plan' })}>
                计划排查
              </Button>
            </Space>
          )
        }
      />
      <Card>
        <Flex wrap gap={8} style={{ marginBottom: 16 }}>
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            placeholder="全部单位"
            style={{ minWidth: 220, flex: '1 1 220px', maxWidth: 360 }}
            value={unitId}
            onChange={reset(setUnitId)}
            options={(units.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }))}
          />
          <DatePicker.RangePicker
            value={range}
            onChange={reset(setRange)}
            placeholder={['开始日期', '结束日期']}
            style={{ flex: '1 1 240px', maxWidth: 300 }}
          />
          <Select
            allowClear
            placeholder="全部状态"
            style={{ width: 120 }}
            value={status}
            onChange={reset(setStatus)}
            options={sweepStatuses.map((s) => ({ value: s, label: sweepStatusLabels[s] }))}
          />
        </Flex>
        {sweeps.isError && !sweeps.data ? (
          <LoadError error={sweeps.error} retrying={sweeps.isFetching} onRetry={() => sweeps.refetch()} />
        ) : (
          <Table<SweepView>
            rowKey="id"
            size="middle"
            loading={sweeps.isFetching}
            dataSource={sweeps.data?.items ?? []}
            scroll={{ x: 'max-content' }}
            pagination={{
              current: page,
              pageSize,
              total: sweeps.data?.total ?? 0,
              onChange: setPage,
              hideOnSinglePage: true,
              showSizeChanger: false,
              showTotal: (n) => `共 ${n} 次`,
            }}
            locale={{
              emptyText: (
                <Empty
                  image={Empty.PRESENTED_IMAGE_SIMPLE}
                  description={canWrite ? '暂无排查，点击“计划排查”安排第一次' : '暂无排查'}
                />
              ),
            }}
            columns={[
              {
                title: '日期',
                key: 'day',
                render: (_: unknown, r) => r.heldOn ?? `${r.plannedOn}（计划）`,
              },
              {
                title: '排查名称',
                dataIndex: 'title',
                render: (v: string, r) => <Link to={`/mediation/sweeps/${r.id}`}>{v}</Link>,
              },
              { title: '组织单位', dataIndex: 'unitName' },
              {
                title: '状态',
                dataIndex: 'status',
                render: (v: SweepStatus) => <Tag color={sweepStatusColour[v]}>{sweepStatusLabels[v]}</Tag>,
              },
              { title: '参加人数', dataIndex: 'participantCount', render: (v: number | null) => v ?? '—' },
              { title: '发现隐患', dataIndex: 'risksFound' },
              { title: '登记纠纷', dataIndex: 'disputeCount' },
              ...(canWrite
                ? [
                    {
                      title: '操作',
                      key: 'actions',
                      fixed: 'right' as const,
                      render: (_: unknown, r: SweepView) =>
                        r.status === 'cancelled' ? null : (
                          <Space size={0} wrap>
                            <Button
                              type="link"
                              size="small"
                              onClick={() => setTarget({ mode: 'hold', sweep: r })}
                            >
                              {r.status === 'held' ? '更正情况' : '登记情况'}
                            </Button>
                            {r.status === 'planned' && (
                              <>
                                <Button
                                  type="link"
                                  size="small"
                                  onClick={() => setTarget({ mode: 'plan', sweep: r })}
                                >
                                  修改
                                </Button>
                                <Button
                                  type="link"
                                  size="small"
                                  danger
                                  onClick={() => setTarget({ mode: 'cancel', sweep: r })}
                                >
                                  取消
                                </Button>
                              </>
                            )}
                          </Space>
                        ),
                    },
                  ]
                : []),
            ]}
          />
        )}
      </Card>
      <SweepDrawer target={target} onClose={() => setTarget(null)} />
    </>
  );
}
