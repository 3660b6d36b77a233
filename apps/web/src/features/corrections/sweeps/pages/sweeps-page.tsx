import { PlusOutlined } from '@ant-design/icons';
import { type SweepItemView, sweepItemStatusLabels, sweepRiskLabels } from '@zhucheng/contracts';
import { Button, Card, Empty, Flex, List, Progress, Segmented, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { LoadError } from '../../../../components/load-error.tsx';
import { PageHeader } from '../../../../components/page-header.tsx';
import { useCan } from '../../../../lib/access.tsx';
import { useSweepCampaign, useSweepCampaigns, useSweepItems } from '../api/use-sweeps.ts';
import { CreateSweepDialog, SweepItemDialog } from '../components/sweep-dialogs.tsx';

const yes = (v: boolean) => (v ? <Tag color="green">已完成</Tag> : <Tag>未完成</Tag>);

function CampaignDetail({ id }: { id: string }) {
  const campaign = useSweepCampaign(id);
  const [officeId, setOfficeId] = useState<number | undefined>();
  const [status, setStatus] = useState<string>('all');
  const items = useSweepItems(id, {
    ...(officeId ? { officeId } : {}),
    ...(status !== 'all' ? { status } : {}),
  });
  const can = useCan();
  const [editing, setEditing] = useState<SweepItemView | null>(null);
  if (campaign.isError) return <LoadError error={campaign.error} onRetry={() => campaign.refetch()} />;
  const c = campaign.data;
  return (
    <Flex vertical gap={16}>
      <Card
        loading={campaign.isPending}
        title={c ? `${c.name}（${c.startsOn} 至 ${c.endsOn}）` : ''}
        extra={c ? <Typography.Text type="secondary">组织单位：{c.organiserUnitName}</Typography.Text> : null}
      >
        {c && (
          <>
            <Flex align="center" gap={16} style={{ marginBottom: 12 }}>
              <Progress type="circle" size={72} percent={c.percent} />
              <span>
                已排查 {c.done} / {c.total} 人
              </span>
            </Flex>
            <Table
              rowKey="officeId"
              size="small"
              pagination={false}
              dataSource={c.offices}
              locale={{ emptyText: '参加排查的司法所没有在册社区矫正对象' }}
              onRow={(o) => ({
                onClick: () => setOfficeId(o.officeId === officeId ? undefined : o.officeId),
              })}
              rowClassName={(o) => (o.officeId === officeId ? 'ant-table-row-selected' : '')}
              columns={[
                { title: '司法所', dataIndex: 'officeName' },
                { title: '应排查', dataIndex: 'total' },
                { title: '已排查', dataIndex: 'done' },
                {
                  title: '完成率',
                  render: (_, o) => <Progress percent={o.percent} size="small" style={{ width: 160 }} />,
                },
              ]}
            />
          </>
        )}
      </Card>
      <Card
        title="排查清单"
        extra={
          <Segmented
            value={status}
            onChange={(v) => setStatus(String(v))}
            options={[
              { value: 'all', label: '全部' },
              { value: 'pending', label: '待排查' },
              { value: 'done', label: '已排查' },
            ]}
          />
        }
      >
        {items.isError ? (
          <LoadError error={items.error} onRetry={() => items.refetch()} />
        ) : (
          <Table
            rowKey="id"
            size="small"
            loading={items.isPending}
            dataSource={items.data?.items ?? []}
            locale={{ emptyText: '没有符合条件的排查事项' }}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            scroll={{ x: 900 }}
            columns={[
              {
                title: '姓名',
                render: (_, r) => <Link to={`/corrections/supervisees/${r.caseId}`}>{r.name}</Link>,
              },
              { title: '司法所', dataIndex: 'officeName' },
              { title: '核实联系方式', render: (_, r) => yes(r.contactVerified) },
              { title: '走访家庭', render: (_, r) => yes(r.homeVisited) },
              { title: '评估风险', render: (_, r) => yes(r.riskAssessed) },
              { title: '风险', render: (_, r) => (r.risk ? sweepRiskLabels[r.risk] : '—') },
              {
                title: '状态',
                render: (_, r) => (
                  <Tag color={r.status === 'done' ? 'green' : 'orange'}>
                    {sweepItemStatusLabels[r.status]}
                  </Tag>
                ),
              },
              {
                title: '操作',
                fixed: 'right',
                render: (_, r) =>
                  can('corrections:supervise') ? (
                    <Button size="small" type="link" onClick={() => setEditing(r)}>
                      登记
                    </Button>
                  ) : null,
              },
            ]}
          />
        )}
      </Card>
      <SweepItemDialog item={editing} onClose={() => setEditing(null)} />
    </Flex>
  );
}

/** 安全排查: campaigns, completion by office, the checklist per supervisee. */
export default function SweepsPage() {
  const list = useSweepCampaigns();
  const can = useCan();
  const [creating, setCreating] = useState(false);
  const [selected, setSelected] = useState<string | null>(null);
  const current = selected ?? list.data?.items[0]?.id ?? null;
  return (
    <>
      <PageHeader
        title="安全排查"
        description="节假日前等重点时段对在册社区矫正对象逐人排查：核实联系方式、走访家庭、评估风险，按司法所统计完成情况。"
        extra={
          can('corrections:supervise') ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              发起安全排查
            </Button>
          ) : null
        }
      />
      {list.isError ? (
        <LoadError error={list.error} onRetry={() => list.refetch()} />
      ) : (
        <Flex gap={16} align="flex-start" wrap>
          <Card title="排查活动" style={{ width: 320, flex: 'none' }} loading={list.isPending}>
            {(list.data?.items.length ?? 0) === 0 ? (
              <Empty description="还没有安全排查活动" />
            ) : (
              <List
                dataSource={list.data?.items ?? []}
                renderItem={(c) => (
                  <List.Item
                    onClick={() => setSelected(c.id)}
                    style={{
                      cursor: 'pointer',
                      background: c.id === current ? '#e6f4ff' : undefined,
                      paddingInline: 8,
                    }}
                  >
                    <List.Item.Meta title={c.name} description={`${c.startsOn} 至 ${c.endsOn}`} />
                    <Progress
                      type="circle"
                      size={40}
                      percent={c.percent}
                      format={(p) => `${Math.round(p ?? 0)}%`}
                    />
                  </List.Item>
                )}
              />
            )}
          </Card>
          <div style={{ flex: 1, minWidth: 320 }}>{current && <CampaignDetail id={current} />}</div>
        </Flex>
      )}
      <CreateSweepDialog open={creating} onClose={() => setCreating(false)} />
    </>
  );
}
