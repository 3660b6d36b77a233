import { ArrowLeftOutlined, EditOutlined, StopOutlined } from '@ant-design/icons';
import { type InstallationView, type TerminalDetail, terminalStatusLabels } from '@zhucheng/contracts';
import { App, Button, Card, Descriptions, Empty, Flex, Result, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { LoadError } from '../../../components/load-error.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { PageLoading } from '../../../components/page-loading.tsx';
import { useCan } from '../../../lib/access.tsx';
import { ApiRequestError, errorMessage } from '../../../lib/api.ts';
import { useIsNarrow } from '../../../lib/responsive.ts';
import { useTerminal, useUpdateTerminal } from '../api/use-tracking.ts';
import { AlarmTags } from '../components/alarm-tags.tsx';
import {
  dateTime,
  dateTimeMinutes,
  formatAge,
  formatCourse,
  formatLat,
  formatLon,
  formatSpeed,
  terminalStatusColor,
} from '../components/format.ts';
import { EndInstallationDialog, InstallDialog } from '../components/installation-dialogs.tsx';
import { editionLabels, TerminalDrawer } from '../components/terminal-drawer.tsx';

const secondary = (text: string) => <Typography.Text type="secondary">{text}</Typography.Text>;

function TerminalFacts({ t }: { t: TerminalDetail }) {
  const narrow = useIsNarrow();
  const p = t.lastPosition;
  const items = [
    { label: '终端号', children: <Typography.Text copyable>{t.terminalNumber}</Typography.Text> },
    {
      label: '状态',
      children: <Tag color={terminalStatusColor[t.status]}>{terminalStatusLabels[t.status]}</Tag>,
    },
    { label: '终端ID', children: t.deviceId },
    { label: '终端型号', children: t.model },
    { label: '终端厂商', children: t.vendor ? t.vendor.name : secondary('无（终端直连网关）') },
    { label: 'SIM 卡号', children: t.sim },
    { label: '协议版本', children: editionLabels[t.edition] },
    { label: '所属单位', children: t.unit.name },
    {
      label: '终端注册',
      children: t.registeredAt ? dateTime(t.registeredAt) : secondary('尚未注册（等待终端上线发送注册）'),
    },
    {
      label: '最后鉴权',
      children: t.lastAuthenticatedAt
        ? `${dateTime(t.lastAuthenticatedAt)}（${formatAge(t.lastAuthenticatedAt)}）`
        : secondary('从未'),
    },
    {
      label: '最后定位',
      span: 'filled' as const,
      children: p ? (
        <Flex wrap gap={12} align="center">
          <span>
            {dateTime(p.time)}（{formatAge(p.time)}）
          </span>
          <span>
            {formatLat(p.lat)} {formatLon(p.lon)}
          </span>
          <span>{formatSpeed(p.speedKmh)}</span>
          <span>航向 {formatCourse(p.course)}</span>
          <AlarmTags bits={p.alarmBits} />
        </Flex>
      ) : (
        secondary('暂无定位')
      ),
    },
    { label: '登记时间', children: dateTime(t.createdAt) },
    { label: '备注', children: t.note ?? secondary('无') },
  ];
  return (
    <Descriptions
      bordered
      size="small"
      column={narrow ? 1 : 2}
      styles={{ label: { width: 120, whiteSpace: 'nowrap' }, content: { wordBreak: 'break-word' } }}
      items={items.map((item) => ({ key: item.label, ...item }))}
    />
  );
}

/** 终端详情: the terminal's facts, its installation history, and 安装到船舶 / 拆除 / 编辑 / 停用. */
export default function TerminalPage() {
  const { terminalId = '' } = useParams();
  const navigate = useNavigate();
  const terminal = useTerminal(terminalId);
  const update = useUpdateTerminal(terminalId);
  const can = useCan();
  const canManage = can('tracking:manageTerminals');
  const { message, modal } = App.useApp();
  const [editing, setEditing] = useState(false);
  const [installing, setInstalling] = useState(false);
  const [ending, setEnding] = useState<InstallationView | null>(null);

  if (terminal.isLoading) return <PageLoading />;
  if (terminal.isError && terminal.error instanceof ApiRequestError && terminal.error.status === 404) {
    return (
      <Result
        status="404"
        title="未找到该终端"
        subTitle="终端可能不在您的管辖范围内，或链接有误。请回到终端列表重新查找。"
        extra={
          <Button type="primary" onClick={() => navigate('/tracking/terminals')}>
            返回卫星终端
          </Button>
        }
      />
    );
  }
  if (terminal.isError || !terminal.data)
    return (
      <LoadError error={terminal.error} onRetry={() => terminal.refetch()} retrying={terminal.isFetching} />
    );
  const t = terminal.data;
  const retired = t.status === 'retired';
  const current = t.installations.find((i) => i.to === null) ?? null;

  const confirmRetire = () =>
    modal.confirm({
      title: `停用终端 ${t.terminalNumber}？`,
      content: current
        ? `终端目前安装在 ${current.vessel.name}。停用后终端不能再鉴权上线，不再接收它的定位；已有轨迹保留。建议先记录拆除。`
        : '停用后终端不能再鉴权上线，不再接收它的定位；已有轨迹和安装记录保留。',
      okText: '停用',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: () =>
        update
          .mutateAsync({ version: t.version, retired: true })
          .then(() => {
            message.success('终端已停用');
          })
          .catch((error: unknown) => {
            if (error instanceof ApiRequestError && error.status === 409) {
              message.warning(`${errorMessage(error)}。已重新加载最新内容，请确认后再操作`);
              void terminal.refetch();
              return;
            }
            message.error(errorMessage(error));
          }),
    });

  return (
    <>
      <PageHeader
        title={`终端 ${t.terminalNumber}`}
        description={
          <span style={{ wordBreak: 'break-word' }}>
            {t.model}
            {t.vendor ? ` · ${t.vendor.name}` : ''} · {t.unit.name}
          </span>
        }
        extra={
          <>
            <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/tracking/terminals')}>
              返回列表
            </Button>
            {canManage && !retired && (
              <>
                {current ? (
                  <Button onClick={() => setEnding(current)}>拆除</Button>
                ) : (
                  <Button type="primary" onClick={() => setInstalling(true)}>
                    安装到船舶
                  </Button>
                )}
                <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
                  编辑
                </Button>
                <Button danger icon={<StopOutlined />} loading={update.isPending} onClick={confirmRetire}>
                  停用
                </Button>
              </>
            )}
          </>
        }
      />
      <Flex vertical gap={16}>
        {t.status === 'awaiting' && !retired && (
          <Card size="small">
            <Typography.Text type="warning">
              终端尚未注册：请确认终端已开机并将平台地址设为本平台网关，终端注册（0x0100）时会核对终端号和终端ID。
            </Typography.Text>
          </Card>
        )}
        <Card title="终端信息">
          <TerminalFacts t={t} />
        </Card>
        <Card
          title="安装记录"
          extra={
            current && (
              <Link to={`/tracking/vessels/${current.vessel.id}/track`}>
                查看 {current.vessel.name} 的轨迹
              </Link>
            )
          }
        >
          <Table<InstallationView>
            rowKey="id"
            size="small"
            dataSource={t.installations}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            scroll={{ x: 800 }}
            locale={{
              emptyText: (
                <Empty
                  image={Empty.PRESENTED_IMAGE_SIMPLE}
                  description={
                    canManage && !retired ? '尚未安装到船舶，点击“安装到船舶”记录安装' : '暂无安装记录'
                  }
                />
              ),
            }}
            columns={[
              {
                title: '船舶',
                key: 'vessel',
                width: 220,
                render: (_: unknown, i) => (
                  <div style={{ wordBreak: 'break-word' }}>
                    <Link to={`/tracking/vessels/${i.vessel.id}/track`}>{i.vessel.name}</Link>
                    <div>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {i.vessel.registrationNo}
                      </Typography.Text>
                    </div>
                  </div>
                ),
              },
              {
                title: '安装时间',
                key: 'from',
                width: 160,
                render: (_: unknown, i) => dateTimeMinutes(i.from),
              },
              {
                title: '拆除时间',
                key: 'to',
                width: 160,
                render: (_: unknown, i) => (i.to ? dateTimeMinutes(i.to) : <Tag color="blue">在装</Tag>),
              },
              {
                title: '备注',
                dataIndex: 'note',
                width: 200,
                render: (v: string | null) => <span style={{ wordBreak: 'break-word' }}>{v ?? '—'}</span>,
              },
              ...(canManage && !retired
                ? [
                    {
                      title: '操作',
                      key: 'actions',
                      width: 80,
                      render: (_: unknown, i: InstallationView) =>
                        i.to === null ? (
                          <Tooltip title="记录终端从该船拆除的时间">
                            <Button type="link" size="small" onClick={() => setEnding(i)}>
                              拆除
                            </Button>
                          </Tooltip>
                        ) : null,
                    },
                  ]
                : []),
            ]}
          />
        </Card>
      </Flex>
      <TerminalDrawer target={editing ? t : null} onClose={() => setEditing(false)} />
      <InstallDialog
        terminalId={t.id}
        terminalNumber={t.terminalNumber}
        open={installing}
        onClose={() => setInstalling(false)}
      />
      <EndInstallationDialog terminalId={t.id} installation={ending} onClose={() => setEnding(null)} />
    </>
  );
}
