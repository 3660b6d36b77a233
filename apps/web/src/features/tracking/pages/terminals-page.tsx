import { PlusOutlined } from '@ant-design/icons';
import {
  type TerminalStatus,
  type TerminalView,
  terminalStatuses,
  terminalStatusLabels,
} from '@zhucheng/contracts';
import { Button, Card, Empty, Flex, Input, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { LoadError } from '../../../components/load-error.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { useCan } from '../../../lib/access.tsx';
import { useTerminals } from '../api/use-tracking.ts';
import { dateTimeMinutes, formatAge, terminalStatusColor } from '../components/format.ts';
import { editionLabels, TerminalDrawer, type TerminalTarget } from '../components/terminal-drawer.tsx';

const statusOptions = terminalStatuses.map((s) => ({ value: s, label: terminalStatusLabels[s] }));
const PAGE_SIZE = 20;

/** 卫星终端: the terminals in scope (search, status), and 登记终端 for holders of tracking:manageTerminals. */
export default function TerminalsPage() {
  const can = useCan();
  const canManage = can('tracking:manageTerminals');
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<TerminalStatus | undefined>();
  const [page, setPage] = useState(1);
  const terminals = useTerminals({
    page,
    pageSize: PAGE_SIZE,
    ...(q ? { q } : {}),
    ...(status ? { status } : {}),
  });
  const [target, setTarget] = useState<TerminalTarget>(null);
  const filtered = Boolean(q || status);

  return (
    <>
      <PageHeader
        title="卫星终端"
        description="船载北斗/卫星定位终端：登记后安装到船舶，终端上线注册并上报定位后即可查看船舶位置和轨迹"
        extra={
          canManage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setTarget('new')}>
              登记终端
            </Button>
          )
        }
      />
      <Card>
        <Flex wrap gap={12} style={{ marginBottom: 16 }}>
          <Input.Search
            allowClear
            placeholder="终端号、终端ID、型号或 SIM 卡号"
            style={{ width: 300, maxWidth: '100%' }}
            maxLength={40}
            onSearch={(v) => {
              setQ(v.trim());
              setPage(1);
            }}
          />
          <Select
            allowClear
            placeholder="状态"
            style={{ width: 160 }}
            options={statusOptions}
            value={status}
            onChange={(v) => {
              setStatus(v);
              setPage(1);
            }}
          />
        </Flex>
        {terminals.isError && !terminals.data ? (
          <LoadError
            error={terminals.error}
            retrying={terminals.isFetching}
            onRetry={() => terminals.refetch()}
          />
        ) : (
          <Table<TerminalView>
            rowKey="id"
            size="middle"
            loading={terminals.isFetching && !terminals.data}
            dataSource={terminals.data?.items ?? []}
            scroll={{ x: 1150 }}
            pagination={{
              current: page,
              pageSize: PAGE_SIZE,
              total: terminals.data?.total ?? 0,
              onChange: setPage,
              showSizeChanger: false,
              showTotal: (total) => `共 ${total} 台`,
            }}
            locale={{
              emptyText: (
                <Empty
                  image={Empty.PRESENTED_IMAGE_SIMPLE}
                  description={
                    filtered
                      ? '没有符合条件的终端'
                      : canManage
                        ? '暂无卫星终端，点击“登记终端”登记第一台'
                        : '暂无卫星终端'
                  }
                />
              ),
            }}
            columns={[
              {
                title: '终端号',
                dataIndex: 'terminalNumber',
                width: 160,
                fixed: 'left',
                render: (v: string, r) => (
                  <Link to={`/tracking/terminals/${r.id}`} style={{ wordBreak: 'break-all' }}>
                    {v}
                  </Link>
                ),
              },
              {
                title: '状态',
                dataIndex: 'status',
                width: 110,
                render: (v: TerminalStatus) => (
                  <Tag color={terminalStatusColor[v]}>{terminalStatusLabels[v]}</Tag>
                ),
              },
              {
                title: '型号 / 厂商',
                key: 'model',
                width: 200,
                render: (_: unknown, r) => (
                  <div style={{ wordBreak: 'break-word' }}>
                    {r.model}
                    <div>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {r.vendor ? r.vendor.name : '直连网关'} · {editionLabels[r.edition]}
                      </Typography.Text>
                    </div>
                  </div>
                ),
              },
              {
                title: '安装船舶',
                key: 'vessel',
                width: 180,
                render: (_: unknown, r) =>
                  r.installation ? (
                    <div style={{ wordBreak: 'break-word' }}>
                      {r.installation.vessel.name}
                      <div>
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {dateTimeMinutes(r.installation.from)} 起
                        </Typography.Text>
                      </div>
                    </div>
                  ) : (
                    <Tag>未安装</Tag>
                  ),
              },
              {
                title: '最后定位',
                key: 'lastPosition',
                width: 160,
                render: (_: unknown, r) =>
                  r.lastPosition ? (
                    <div>
                      <div>{dateTimeMinutes(r.lastPosition.time)}</div>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {formatAge(r.lastPosition.time)}
                      </Typography.Text>
                    </div>
                  ) : (
                    <Typography.Text type="secondary">暂无</Typography.Text>
                  ),
              },
              {
                title: '最后鉴权',
                dataIndex: 'lastAuthenticatedAt',
                width: 150,
                render: (v: string | null) =>
                  v ? dateTimeMinutes(v) : <Typography.Text type="secondary">从未</Typography.Text>,
              },
              {
                title: '所属单位',
                key: 'unit',
                width: 160,
                render: (_: unknown, r) => <span style={{ wordBreak: 'break-word' }}>{r.unit.name}</span>,
              },
              {
                title: '操作',
                key: 'actions',
                width: 80,
                fixed: 'right',
                render: (_: unknown, r) => (
                  <Button type="link" size="small" onClick={() => navigate(`/tracking/terminals/${r.id}`)}>
                    详情
                  </Button>
                ),
              },
            ]}
          />
        )}
      </Card>
      <TerminalDrawer
        target={target}
        onClose={() => setTarget(null)}
        onCreated={(t) => navigate(`/tracking/terminals/${t.id}`)}
      />
    </>
  );
}
