import type { CalendarOverride } from '@zhucheng/contracts';
import { App, Button, Empty, Table, type TableProps, Tag, Typography } from 'antd';
import { useCan } from '../../../lib/access.tsx';
import { errorMessage } from '../../../lib/api.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { useDeleteOverride, useUserNames } from '../api/use-calendar.ts';
import { dayKindLabels, overrideKindLabels } from '../labels/day-kinds.ts';

interface OverridesTableProps {
  overrides: readonly CalendarOverride[];
  loading: boolean;
  year: number;
  onEdit: (date: string) => void;
}

/** 人工设置 of one year: 日期, 类型, 名称, 说明, 设置人/时间. */
export function OverridesTable({ overrides, loading, year, onEdit }: OverridesTableProps) {
  const remove = useDeleteOverride();
  const can = useCan();
  const names = useUserNames(
    overrides.map((o) => o.updatedBy),
    can('user:read'),
  );
  const { modal, message } = App.useApp();

  const confirmDelete = (o: CalendarOverride) =>
    modal.confirm({
      title: `删除 ${o.date}（${o.name}）的人工设置？`,
      content:
        '删除后这一天恢复按国务院节假日安排（未发布安排的年度按星期）计算，受影响的办理期限会重新计算。',
      okText: '删除设置',
      okButtonProps: { danger: true },
      onOk: () =>
        remove
          .mutateAsync(o.date)
          .then(() => {
            message.success('已删除该日设置');
          })
          .catch((error: unknown) => {
            message.error(errorMessage(error));
          }),
    });

  const columns: TableProps<CalendarOverride>['columns'] = [
    {
      title: '日期',
      dataIndex: 'date',
      render: (date: string) => <span style={{ whiteSpace: 'nowrap' }}>{date}</span>,
    },
    {
      title: '类型',
      dataIndex: 'kind',
      render: (kind: CalendarOverride['kind']) => (
        <Tag color={kind === 'holiday' ? 'red' : 'orange'}>{overrideKindLabels[kind]}</Tag>
      ),
    },
    {
      title: '名称',
      dataIndex: 'name',
      render: (name: string) => <div style={{ minWidth: 80 }}>{name}</div>,
    },
    {
      title: '说明',
      dataIndex: 'note',
      render: (note: string | null, o) => (
        <div style={{ minWidth: 120, maxWidth: 280 }}>
          {note ?? '—'}
          {o.packageKind && (
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              原为{dayKindLabels[o.packageKind]}
            </Typography.Text>
          )}
        </div>
      ),
    },
    {
      title: '设置人/时间',
      key: 'by',
      render: (_, o) => (
        <div style={{ whiteSpace: 'nowrap' }}>
          {names.get(o.updatedBy) ?? '—'}
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {formatDateTime(o.updatedAt)}
          </Typography.Text>
        </div>
      ),
    },
    {
      title: '操作',
      key: 'actions',
      render: (_, o) => (
        <span style={{ whiteSpace: 'nowrap' }}>
          <Button
            type="link"
            size="small"
            style={{ paddingInline: 0, marginInlineEnd: 12 }}
            onClick={() => onEdit(o.date)}
          >
            修改
          </Button>
          <Button type="link" size="small" danger style={{ padding: 0 }} onClick={() => confirmDelete(o)}>
            删除
          </Button>
        </span>
      ),
    },
  ];

  return (
    <Table<CalendarOverride>
      rowKey="date"
      columns={columns}
      dataSource={[...overrides]}
      loading={loading}
      scroll={{ x: 'max-content' }}
      pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (total) => `共 ${total} 天` }}
      locale={{
        emptyText: (
          <Empty
            image={Empty.PRESENTED_IMAGE_SIMPLE}
            description={`${year} 年暂无人工设置。点击日历中的日期可单独设置，或用“批量录入”录入全年安排`}
          />
        ),
      }}
    />
  );
}
