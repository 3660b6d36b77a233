import { KeyOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import type { GatewayStatus, VendorKey, VendorView } from '@zhucheng/contracts';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Empty,
  Flex,
  Form,
  Input,
  Modal,
  Row,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { FormErrorAlert } from '../../../components/form-error-alert.tsx';
import { LoadError } from '../../../components/load-error.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { errorMessage } from '../../../lib/api.ts';
import { useFormError } from '../../../lib/form-errors.ts';
import {
  newIdempotencyKey,
  useCreateVendor,
  useGatewayStatus,
  useIssueVendorKey,
  useRevokeVendorKey,
  useVendors,
} from '../api/use-tracking.ts';
import { dateTime, dateTimeMinutes, formatAge } from '../components/format.ts';

// ---- add vendor ----

interface VendorValues {
  name: string;
  code: string;
}

function VendorDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<VendorValues>();
  const formError = useFormError(form);
  const create = useCreateVendor();
  const { message } = App.useApp();
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);

  useEffect(() => {
    if (!open) return;
    formError.clear();
    form.resetFields();
    setIdempotencyKey(newIdempotencyKey());
  }, [open, form, formError.clear]);

  const submit = (v: VendorValues) =>
    create.mutate(
      { body: { name: v.name.trim(), code: v.code.trim() }, idempotencyKey },
      {
        onSuccess: (vendor) => {
          message.success(`已添加厂商：${vendor.name}。请为其生成接入密钥`);
          onClose();
        },
        onError: formError.report,
      },
    );

  return (
    <Modal
      open={open}
      title="添加终端厂商平台"
      okText="添加"
      cancelText="取消"
      confirmLoading={create.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <FormErrorAlert message={formError.message} />
      <Form<VendorValues> form={form} layout="vertical" disabled={create.isPending} onFinish={submit}>
        <Form.Item name="name" label="厂商名称" rules={[{ required: true, message: '请填写厂商名称' }]}>
          <Input maxLength={60} placeholder="如：某某北斗导航科技有限公司" />
        </Form.Item>
        <Form.Item
          name="code"
          label="厂商代码"
          extra="2 至 20 位小写字母、数字或连字符，以字母开头；用于日志和密钥前缀，添加后不能修改"
          rules={[
            { required: true, message: '请填写厂商代码' },
            {
              pattern: /^\s*[a-z][a-z0-9-]{1,19}\s*$/,
              message: '厂商代码应为 2 至 20 位小写字母、数字或连字符，以字母开头',
            },
          ]}
        >
          <Input maxLength={20} placeholder="如：beidou-tech" />
        </Form.Item>
        <button type="submit" hidden aria-hidden="true" tabIndex={-1} />
      </Form>
    </Modal>
  );
}

// ---- the key, shown once ----

function KeyOnceModal({ value, onClose }: { value: VendorKey | null; onClose: () => void }) {
  return (
    <Modal
      open={value !== null}
      title="接入密钥已生成"
      closable={false}
      mask={{ closable: false }}
      keyboard={false}
      footer={
        <Button type="primary" onClick={onClose}>
          我已复制并妥善保存
        </Button>
      }
      destroyOnHidden
    >
      {value && (
        <>
          <Typography.Paragraph style={{ wordBreak: 'break-word' }}>
            厂商：{value.vendor.name}（{value.vendor.code}）
          </Typography.Paragraph>
          <Card size="small" styles={{ body: { background: 'rgba(0,0,0,0.02)' } }}>
            <Typography.Text
              code
              copyable={{ text: value.key, tooltips: ['复制密钥', '已复制'] }}
              style={{ wordBreak: 'break-all', fontSize: 14 }}
              data-testid="vendor-key"
            >
              {value.key}
            </Typography.Text>
          </Card>
          <Alert
            type="warning"
            showIcon
            style={{ marginTop: 12 }}
            title="密钥只显示这一次，关闭后无法再次查看"
            description="请通过安全渠道交给厂商平台的技术人员，由其配置在请求头 X-Vendor-Key 中。如遗失，可重新生成（轮换），旧密钥随即失效。"
          />
        </>
      )}
    </Modal>
  );
}

// ---- gateway status ----

function GatewayCard() {
  const gateway = useGatewayStatus();
  const g: GatewayStatus | undefined = gateway.data;
  const stat = (title: string, value: number, hint?: string) => (
    <Col xs={12} md={8} xl={6}>
      <Statistic title={title} value={value} groupSeparator="," />
      {hint && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {hint}
        </Typography.Text>
      )}
    </Col>
  );
  return (
    <Card
      title="JT/T 808 接入网关"
      extra={
        <Button
          size="small"
          icon={<ReloadOutlined />}
          loading={gateway.isFetching}
          onClick={() => gateway.refetch()}
        >
          刷新
        </Button>
      }
    >
      {gateway.isError && !g ? (
        <LoadError error={gateway.error} retrying={gateway.isFetching} onRetry={() => gateway.refetch()} />
      ) : !g ? (
        <Typography.Text type="secondary">正在加载网关状态…</Typography.Text>
      ) : (
        <Flex vertical gap={16}>
          <Flex wrap gap={12} align="center">
            {g.listening ? <Tag color="green">监听中</Tag> : <Tag color="red">未监听</Tag>}
            <Typography.Text>{g.port !== null ? `TCP 端口 ${g.port}` : '未配置端口'}</Typography.Text>
            {g.startedAt && (
              <Typography.Text type="secondary">
                启动于 {dateTime(g.startedAt)}（{formatAge(g.startedAt)}）
              </Typography.Text>
            )}
            {gateway.isError && (
              <Typography.Text type="warning">刷新失败，显示的是上一次的状态</Typography.Text>
            )}
          </Flex>
          {!g.listening && (
            <Alert
              type="warning"
              showIcon
              title="网关未在监听，终端无法直连上报定位"
              description="请联系系统管理员检查网关配置和端口；经厂商平台接入的定位不受影响。"
            />
          )}
          <Row gutter={[16, 16]}>
            {stat('当前连接', g.connections)}
            {stat('已鉴权终端', g.authenticated)}
            {stat('收到报文', g.framesIn)}
            {stat('拒绝报文', g.framesRejected, '校验失败或未鉴权')}
            {stat('已存定位', g.positionsStored)}
            {stat('重复定位', g.positionsDuplicate, '同一终端同一时间，已忽略')}
            {stat('过滤定位', g.positionsFiltered, '无效定位，保留但不计入轨迹')}
            {stat('待写入定位', g.positionsQueued)}
            {stat('丢弃字节', g.bytesDropped)}
          </Row>
          <Typography.Text type="secondary">自启动以来的累计数，每 15 秒自动刷新。</Typography.Text>
        </Flex>
      )}
    </Card>
  );
}

// ---- usage note ----

const sampleBody = `{
  "positions": [
    { "terminal": "13345678906", "time": "2026-09-30T06:00:00+08:00",
      "lat": 21.48123, "lon": 109.12345, "speedKmh": 12.5, "course": 135 }
  ],
  "alarms": [
    { "terminal": "13345678906", "time": "2026-09-30T06:01:00+08:00", "kind": "sos" }
  ]
}`;

function UsageNote() {
  return (
    <Card title="厂商平台接入说明" size="small">
      <Typography.Paragraph>
        厂商平台以 HTTPS 批量推送定位和报警：<Typography.Text code>POST /api/tracking/ingest</Typography.Text>
        ，请求头 <Typography.Text code>X-Vendor-Key: 接入密钥</Typography.Text>
        ，请求体为 JSON。终端须先在“卫星终端”中登记，按终端号匹配。
      </Typography.Paragraph>
      <pre
        style={{
          margin: 0,
          padding: 12,
          background: 'rgba(0,0,0,0.03)',
          borderRadius: 6,
          overflowX: 'auto',
          fontSize: 12,
        }}
      >
        {sampleBody}
      </pre>
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
        时间须带时区；每批最多 5000 条定位和 5000 条报警。逐条校验，出错的条目在应答的 rejected
        中列出，其余照常保存；同一终端同一时间的定位重复推送不会重复保存，可放心重试。报警类型：sos、powerCut、
        powerLow、antennaCut、tamper、gnssFault。
      </Typography.Paragraph>
    </Card>
  );
}

// ---- page ----

/** 厂商接入: vendor platforms and their ingest keys (shown once), the gateway's status, and how to push. */
export default function VendorsPage() {
  const vendors = useVendors();
  const issue = useIssueVendorKey();
  const revoke = useRevokeVendorKey();
  const { message, modal } = App.useApp();
  const [adding, setAdding] = useState(false);
  const [issued, setIssued] = useState<VendorKey | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);

  const confirmIssue = (v: VendorView) =>
    modal.confirm({
      title: v.keyHint ? `轮换 ${v.name} 的接入密钥？` : `为 ${v.name} 生成接入密钥？`,
      content: v.keyHint
        ? `旧密钥（尾号 ${v.keyHint}）将立即失效，厂商平台须换用新密钥后才能继续推送。新密钥只显示一次。`
        : '密钥只显示一次，请在弹出的窗口中复制并交给厂商。',
      okText: v.keyHint ? '轮换密钥' : '生成密钥',
      cancelText: '取消',
      okButtonProps: v.keyHint ? { danger: true } : {},
      onOk: () => {
        setBusyId(v.id);
        return issue
          .mutateAsync(v.id)
          .then((result) => setIssued(result))
          .catch((error: unknown) => {
            message.error(errorMessage(error));
          })
          .finally(() => setBusyId(null));
      },
    });

  const confirmRevoke = (v: VendorView) =>
    modal.confirm({
      title: `吊销 ${v.name} 的接入密钥？`,
      content: `密钥（尾号 ${v.keyHint ?? ''}）吊销后立即失效，该厂商平台的推送将被拒绝，直到重新生成密钥。已保存的定位不受影响。`,
      okText: '吊销',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: () => {
        setBusyId(v.id);
        return revoke
          .mutateAsync(v.id)
          .then(() => {
            message.success('密钥已吊销');
          })
          .catch((error: unknown) => {
            message.error(errorMessage(error));
          })
          .finally(() => setBusyId(null));
      },
    });

  return (
    <>
      <PageHeader
        title="厂商接入"
        description="终端厂商平台通过接入密钥推送定位；终端直连时经 JT/T 808 网关接入"
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            添加厂商
          </Button>
        }
      />
      <Flex vertical gap={16}>
        <Card title="终端厂商平台">
          {vendors.isError && !vendors.data ? (
            <LoadError
              error={vendors.error}
              retrying={vendors.isFetching}
              onRetry={() => vendors.refetch()}
            />
          ) : (
            <Table<VendorView>
              rowKey="id"
              size="middle"
              loading={vendors.isLoading}
              dataSource={vendors.data?.items ?? []}
              pagination={false}
              scroll={{ x: 900 }}
              locale={{
                emptyText: (
                  <Empty
                    image={Empty.PRESENTED_IMAGE_SIMPLE}
                    description="暂无厂商平台，点击“添加厂商”添加，再为其生成接入密钥"
                  />
                ),
              }}
              columns={[
                {
                  title: '厂商名称',
                  dataIndex: 'name',
                  width: 220,
                  render: (v: string) => <span style={{ wordBreak: 'break-word' }}>{v}</span>,
                },
                { title: '厂商代码', dataIndex: 'code', width: 140 },
                {
                  title: '接入密钥',
                  key: 'key',
                  width: 200,
                  render: (_: unknown, v) =>
                    v.keyHint ? (
                      <div>
                        <Tag color="green">有效 · 尾号 {v.keyHint}</Tag>
                        {v.keyIssuedAt && (
                          <div>
                            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                              {dateTimeMinutes(v.keyIssuedAt)} 生成
                            </Typography.Text>
                          </div>
                        )}
                      </div>
                    ) : (
                      <Tag color="orange">未生成或已吊销</Tag>
                    ),
                },
                {
                  title: '最近推送',
                  dataIndex: 'lastIngestAt',
                  width: 170,
                  render: (v: string | null) =>
                    v ? (
                      <div>
                        <div>{dateTimeMinutes(v)}</div>
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {formatAge(v)}
                        </Typography.Text>
                      </div>
                    ) : (
                      <Typography.Text type="secondary">从未</Typography.Text>
                    ),
                },
                {
                  title: '操作',
                  key: 'actions',
                  width: 200,
                  fixed: 'right',
                  render: (_: unknown, v) => (
                    <Flex wrap gap={4}>
                      <Button
                        size="small"
                        icon={<KeyOutlined />}
                        loading={busyId === v.id && issue.isPending}
                        onClick={() => confirmIssue(v)}
                      >
                        {v.keyHint ? '轮换密钥' : '生成密钥'}
                      </Button>
                      {v.keyHint && (
                        <Button
                          size="small"
                          danger
                          loading={busyId === v.id && revoke.isPending}
                          onClick={() => confirmRevoke(v)}
                        >
                          吊销密钥
                        </Button>
                      )}
                    </Flex>
                  ),
                },
              ]}
            />
          )}
        </Card>
        <GatewayCard />
        <UsageNote />
      </Flex>
      <VendorDialog open={adding} onClose={() => setAdding(false)} />
      <KeyOnceModal value={issued} onClose={() => setIssued(null)} />
    </>
  );
}
