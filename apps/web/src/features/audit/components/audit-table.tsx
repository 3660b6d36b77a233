import { auditActionLabel as actionLabel } from '@zhucheng/contracts';
import { Button, Empty, Table, type TableProps, Tag, Typography } from 'antd';
import { formatDateTimeSeconds } from '../../../lib/format.ts';
import type { AuditEntry } from '../api/use-audit.ts';
import { describeEntity, describeUnit } from '../labels/audit-describe.ts';
import { actorKindLabels } from '../labels/audit-labels.ts';

interface AuditTableProps {
  entries: AuditEntry[];
  total: number;
  page: number;
  pageSize: number;
  loading: boolean;
  filtered: boolean;
  unitName: (unitId: number | null) => string | undefined;
  onPageChange: (page: number, pageSize: number) => void;
  onOpen: (entry: AuditEntry) => void;
  onActor: (actor: { id: string; name: string }) => void;
}

export function AuditTable(props: AuditTableProps) {
  const columns: TableProps<AuditEntry>['columns'] = [
    {
      title: '时间',
      dataIndex: 'at',
      render: (at: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTimeSeconds(at)}</span>,
    },
    {
      title: '操作人',
      key: 'actor',
      render: (_, e) => {
        const name = e.actorName ?? actorKindLabels[e.actorKind] ?? e.actorKind;
        return (
          <span style={{ whiteSpace: 'nowrap' }}>
            {e.actorId ? (
              <Button
                type="link"
                size="small"
                style={{ padding: 0 }}
                title="只看此人的操作"
                onClick={(event) => {
                  event.stopPropagation();
                  if (e.actorId) props.onActor({ id: e.actorId, name });
                }}
              >
                {name}
              </Button>
            ) : (
              <Typography.Text type="secondary">{name}</Typography.Text>
            )}
            {e.actorKind === 'citizen' && <Tag style={{ marginInlineStart: 6 }}>群众</Tag>}
          </span>
        );
      },
    },
    {
      title: '机构',
      key: 'unit',
      render: (_, e) => <div style={{ minWidth: 100, maxWidth: 200 }}>{describeUnit(e, props.unitName)}</div>,
    },
    {
      title: 'IP 地址',
      dataIndex: 'ip',
      render: (ip: string) => <span style={{ whiteSpace: 'nowrap' }}>{ip}</span>,
    },
    {
      title: '操作',
      dataIndex: 'action',
      render: (action: string) => <span style={{ whiteSpace: 'nowrap' }}>{actionLabel(action)}</span>,
    },
    {
      title: '对象',
      key: 'entity',
      render: (_, e) => <div style={{ minWidth: 100, maxWidth: 240 }}>{describeEntity(e)}</div>,
    },
    {
      title: '结果',
      dataIndex: 'outcome',
      render: (outcome: AuditEntry['outcome']) =>
        outcome === 'success' ? <Tag color="green">成功</Tag> : <Tag color="red">失败</Tag>,
    },
    {
      title: '详情',
      key: 'open',
      render: (_, e) => (
        <Button type="link" size="small" style={{ padding: 0 }} onClick={() => props.onOpen(e)}>
          查看
        </Button>
      ),
    },
  ];

  return (
    <Table<AuditEntry>
      rowKey="id"
      columns={columns}
      dataSource={props.entries}
      loading={props.loading}
      scroll={{ x: 'max-content' }}
      onRow={(entry) => ({ onClick: () => props.onOpen(entry), style: { cursor: 'pointer' } })}
      locale={{
        emptyText: (
          <Empty
            image={Empty.PRESENTED_IMAGE_SIMPLE}
            description={props.filtered ? '没有符合条件的记录，请放宽时间范围或清除筛选' : '暂无审计记录'}
          />
        ),
      }}
      pagination={{
        current: props.page,
        pageSize: props.pageSize,
        total: props.total,
        showSizeChanger: true,
        pageSizeOptions: [20, 50, 100, 200],
        showTotal: (total) => `共 ${total} 条`,
        onChange: props.onPageChange,
      }}
    />
  );
}
