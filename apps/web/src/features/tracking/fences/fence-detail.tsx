import { EditOutlined } from '@ant-design/icons';
import { type FenceDetail, type FenceVersion, fencePurposeLabels, gearTypeLabels } from '@zhucheng/contracts';
import { Button, Card, Descriptions, Table, Tag, Typography } from 'antd';
import { LoadError } from '../../../components/load-error.tsx';
import { useFence } from '../api/use-alerts.ts';
import { dateTimeMinutes } from '../components/format.ts';
import { calendarSummary, purposeColors } from './fence-format.ts';
import { describeShape } from './shape-convert.ts';

const breakable = { wordBreak: 'break-word' as const };

/** The selected fence: its fields and its versions (each save is a new version; alerts name the version). */
export function FenceDetailPanel({
  fenceId,
  canEdit,
  onEdit,
}: {
  fenceId: string;
  canEdit: boolean;
  onEdit: (fence: FenceDetail) => void;
}) {
  const detail = useFence(fenceId);
  const f = detail.data;
  if (detail.isError && !f) {
    return (
      <Card>
        <LoadError error={detail.error} retrying={detail.isFetching} onRetry={() => detail.refetch()} />
      </Card>
    );
  }
  return (
    <Card
      loading={!f}
      title={f ? <span style={breakable}>{f.name}</span> : '围栏详情'}
      extra={
        f &&
        canEdit && (
          <Button icon={<EditOutlined />} onClick={() => onEdit(f)}>
            修改围栏
          </Button>
        )
      }
    >
      {f && (
        <>
          <Descriptions
            size="small"
            column={{ xs: 1, sm: 1, md: 1, lg: 1, xl: 2, xxl: 2 }}
            items={[
              {
                key: 'purpose',
                label: '用途',
                children: <Tag color={purposeColors[f.purpose].tag}>{fencePurposeLabels[f.purpose]}</Tag>,
              },
              {
                key: 'state',
                label: '状态',
                children: f.active ? <Tag color="green">启用</Tag> : <Tag>停用</Tag>,
              },
              { key: 'shape', label: '范围', children: describeShape(f.shape) },
              { key: 'calendar', label: '生效时间', children: calendarSummary(f.calendar) },
              { key: 'unit', label: '所属单位', children: <span style={breakable}>{f.unitName}</span> },
              { key: 'dwell', label: '确认时长', children: `${f.dwellMinutes} 分钟` },
              {
                key: 'vessels',
                label: '适用船舶',
                children:
                  f.vesselIds.length === 0 ? '本单位及下级全部船舶' : `指定 ${f.vesselIds.length} 艘船舶`,
              },
              {
                key: 'exempt',
                label: '豁免作业类型',
                children:
                  f.exemptGearTypes.length === 0
                    ? '无'
                    : f.exemptGearTypes.map((g) => gearTypeLabels[g]).join('、'),
              },
              {
                key: 'note',
                label: '说明',
                span: 'filled',
                children: <span style={{ ...breakable, whiteSpace: 'pre-wrap' }}>{f.note ?? '—'}</span>,
              },
            ]}
          />
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            版本记录
          </Typography.Title>
          <Table<FenceVersion>
            rowKey="version"
            size="small"
            tableLayout="fixed"
            pagination={f.versions.length > 10 ? { pageSize: 10, hideOnSinglePage: true } : false}
            dataSource={[...f.versions].sort((a, b) => b.version - a.version)}
            columns={[
              {
                title: '版本',
                dataIndex: 'version',
                width: 100,
                render: (v: number) => (
                  <span style={{ whiteSpace: 'nowrap' }}>
                    第{v}版{v === f.version && <Tag style={{ marginInlineStart: 6 }}>当前</Tag>}
                  </span>
                ),
              },
              {
                title: '保存时间',
                dataIndex: 'createdAt',
                width: 150,
                render: (v: string) => dateTimeMinutes(v),
              },
              { title: '修改人', dataIndex: 'createdBy', render: (v: string | null) => v ?? '—' },
              {
                title: '当时内容',
                key: 'summary',
                responsive: ['xl'],
                render: (_: unknown, v) => (
                  <span style={breakable}>
                    {v.fence.name} · {fencePurposeLabels[v.fence.purpose]} · {describeShape(v.fence.shape)} ·{' '}
                    {calendarSummary(v.fence.calendar)}
                    {v.fence.active ? '' : ' · 停用'}
                  </span>
                ),
              },
            ]}
          />
        </>
      )}
    </Card>
  );
}
