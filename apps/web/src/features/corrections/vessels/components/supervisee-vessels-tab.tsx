import { PlusOutlined } from '@ant-design/icons';
import {
  type AboardRole,
  type AboardWindowView,
  aboardRoleLabels,
  aboardRoles,
  gearTypeLabels,
  type SeaTripView,
  type StoredFile,
  type SuperviseeVesselsView,
} from '@zhucheng/contracts';
import {
  Alert,
  App,
  Button,
  DatePicker,
  Descriptions,
  Empty,
  Flex,
  Form,
  Input,
  Modal,
  Popconfirm,
  Select,
  Space,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { FileUpload } from '../../../../components/file-upload/index.ts';
import { FormErrorAlert } from '../../../../components/form-error-alert.tsx';
import { LoadError } from '../../../../components/load-error.tsx';
import { PageLoading } from '../../../../components/page-loading.tsx';
import { useCan } from '../../../../lib/access.tsx';
import { errorMessage } from '../../../../lib/api.ts';
import { useFormError } from '../../../../lib/form-errors.ts';
import {
  newIdempotencyKey,
  useSeaTripAction,
  useSeaTripFile,
  useSuperviseeVessels,
  useSuperviseeVesselsChange,
  useVessels,
} from '../api/use-vessels.ts';
import { dateTime, tripSpan } from './format.ts';
import { DecideDialog, TripDrawer } from './trip-dialogs.tsx';
import { TripStatus } from './trip-status.tsx';

const H = ({ children }: { children: string }) => (
  <Typography.Title level={5} style={{ margin: '8px 0 0' }}>
    {children}
  </Typography.Title>
);

/** The record page's tab 船舶与出海: the tracking basis (local rule + consent), aboard windows, trips. */
export function SuperviseeVesselsTab({ caseId }: { caseId: string }) {
  const data = useSuperviseeVessels(caseId);
  const can = useCan();
  const canEdit = can('corrections:supervise');
  if (data.isPending) return <PageLoading />;
  if (data.isError) return <LoadError error={data.error} onRetry={() => data.refetch()} />;
  const v = data.data;
  if (!v.maritime && v.windows.length === 0 && v.trips.length === 0) {
    return (
      <Empty
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        description="该社区矫正对象未标记为“涉海涉渔”。如其从事海上作业，请先在“档案”中修改标记，再登记船舶和出海报备。"
      />
    );
  }
  return (
    <Flex vertical gap={16}>
      <BasisSection caseId={caseId} v={v} canEdit={canEdit} />
      <WindowsSection caseId={caseId} v={v} canEdit={canEdit} />
      <TripsSection caseId={caseId} v={v} canEdit={canEdit} />
    </Flex>
  );
}

// ---- basis ------------------------------------------------------------------------------------------------

function BasisSection({
  caseId,
  v,
  canEdit,
}: {
  caseId: string;
  v: SuperviseeVesselsView;
  canEdit: boolean;
}) {
  const [open, setOpen] = useState(false);
  return (
    <section>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <H>船舶定位依据</H>
        {canEdit ? (
          <Button onClick={() => setOpen(true)}>{v.basis ? '重新记录书面同意' : '记录书面同意'}</Button>
        ) : null}
      </Flex>
      <Typography.Paragraph type="secondary" style={{ margin: '4px 0 8px' }}>
        全程船舶定位的依据是地方规定加本人书面同意，不是《社区矫正法》第二十九条的电子定位装置（该措施另行审批）。
      </Typography.Paragraph>
      {v.basis ? (
        <Descriptions size="small" bordered column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label="地方规定" span="filled">
            {v.basis.localRule}
          </Descriptions.Item>
          <Descriptions.Item label="书面同意日期">{v.basis.consentOn}</Descriptions.Item>
          <Descriptions.Item label="见证人">{v.basis.witness}</Descriptions.Item>
          <Descriptions.Item label="书面同意书">
            <a href={`/api/files/${v.basis.consentFileId}`} target="_blank" rel="noreferrer">
              查看扫描件
            </a>
          </Descriptions.Item>
          <Descriptions.Item label="记录">
            {v.basis.recordedBy} · {dateTime(v.basis.recordedAt)}
          </Descriptions.Item>
          {v.basis.note ? (
            <Descriptions.Item label="备注" span="filled">
              {v.basis.note}
            </Descriptions.Item>
          ) : null}
        </Descriptions>
      ) : (
        <Alert
          type="warning"
          showIcon
          title="未取得书面同意，不能纳入船舶定位"
          description={`依据：${v.settings.localRule}。请本人签署书面同意书，扫描后在此记录。`}
        />
      )}
      <ConsentDialog caseId={caseId} open={open} onClose={() => setOpen(false)} />
    </section>
  );
}

interface ConsentValues {
  consentOn: Dayjs;
  witness: string;
  note?: string;
}

function ConsentDialog({ caseId, open, onClose }: { caseId: string; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<ConsentValues>();
  const formError = useFormError(form);
  const change = useSuperviseeVesselsChange(caseId);
  const { message } = App.useApp();
  const [file, setFile] = useState<StoredFile | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  useEffect(() => {
    if (open) {
      form.resetFields();
      formError.clear();
      setFile(null);
      setFileError(null);
    }
  }, [open, form, formError.clear]);
  return (
    <Modal
      open={open}
      title="记录船舶定位书面同意"
      okText="保存"
      confirmLoading={change.isPending}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <FormErrorAlert message={formError.message} />
      <Form<ConsentValues>
        form={form}
        layout="vertical"
        initialValues={{ consentOn: dayjs() }}
        onFinish={(values) => {
          if (!file) {
            setFileError('请上传本人签名的书面同意书扫描件');
            return;
          }
          change.mutate(
            {
              method: 'PUT',
              path: 'tracking-consent',
              body: {
                consentOn: values.consentOn.format('YYYY-MM-DD'),
                consentFileId: file.id,
                witness: values.witness.trim(),
                note: values.note?.trim() || null,
              },
            },
            {
              onSuccess: () => {
                message.success('已记录书面同意');
                onClose();
              },
              onError: (e) => formError.report(e),
            },
          );
        }}
      >
        <Form.Item
          name="consentOn"
          label="书面同意日期"
          rules={[{ required: true, message: '请选择书面同意日期' }]}
        >
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
        <Form.Item
          label="书面同意书扫描件"
          required
          help={fileError ?? undefined}
          validateStatus={fileError ? 'error' : ''}
        >
          <FileUpload
            category="document"
            camera
            files={file ? [file] : []}
            onUploaded={(f) => {
              setFile(f);
              setFileError(null);
            }}
            buttonText={file ? '重新上传' : '上传扫描件'}
          />
        </Form.Item>
        <Form.Item
          name="witness"
          label="见证人"
          rules={[{ required: true, whitespace: true, message: '请填写见证人' }]}
        >
          <Input maxLength={60} placeholder="如：社区网格员 陈敏" />
        </Form.Item>
        <Form.Item name="note" label="备注">
          <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 4 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

// ---- aboard windows ---------------------------------------------------------------------------------------

function WindowsSection({
  caseId,
  v,
  canEdit,
}: {
  caseId: string;
  v: SuperviseeVesselsView;
  canEdit: boolean;
}) {
  const [target, setTarget] = useState<null | 'new' | AboardWindowView>(null);
  const change = useSuperviseeVesselsChange(caseId);
  const { message } = App.useApp();
  return (
    <section>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <H>在船记录</H>
        {canEdit ? (
          <Button icon={<PlusOutlined />} onClick={() => setTarget('new')}>
            登记在船记录
          </Button>
        ) : null}
      </Flex>
      <Table<AboardWindowView>
        rowKey="id"
        size="small"
        style={{ marginTop: 8 }}
        pagination={false}
        dataSource={v.windows}
        scroll={{ x: 760 }}
        locale={{
          emptyText: (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无在船记录，点击“登记在船记录”" />
          ),
        }}
        columns={[
          {
            title: '船舶',
            key: 'vessel',
            render: (_: unknown, w) => `${w.vessel.name}（${gearTypeLabels[w.vessel.gearType]}）`,
          },
          { title: '身份', dataIndex: 'role', width: 80, render: (r: AboardRole) => aboardRoleLabels[r] },
          { title: '上船时间', dataIndex: 'fromAt', width: 150, render: (x: string) => dateTime(x) },
          {
            title: '离船时间',
            dataIndex: 'toAt',
            width: 150,
            render: (x: string | null) => (x ? dateTime(x) : <Tag color="blue">仍在船上</Tag>),
          },
          {
            title: '船舶定位',
            dataIndex: 'tracked',
            width: 100,
            render: (x: boolean) => (x ? <Tag color="cyan">纳入定位</Tag> : <Tag>不纳入</Tag>),
          },
          ...(canEdit
            ? [
                {
                  title: '操作',
                  key: 'actions',
                  width: 120,
                  render: (_: unknown, w: AboardWindowView) => (
                    <Space size={0}>
                      <Button type="link" size="small" onClick={() => setTarget(w)}>
                        修改
                      </Button>
                      <Popconfirm
                        title="删除这条误登记的在船记录？"
                        description="已离船的请填写离船时间，不要删除。"
                        okText="删除"
                        okButtonProps={{ danger: true }}
                        onConfirm={() =>
                          change.mutate(
                            { method: 'DELETE', path: `aboard-windows/${w.id}?version=${w.version}` },
                            {
                              onSuccess: () => message.success('已删除'),
                              onError: (e) => message.error(errorMessage(e)),
                            },
                          )
                        }
                      >
                        <Button type="link" size="small" danger>
                          删除
                        </Button>
                      </Popconfirm>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      <WindowDialog
        caseId={caseId}
        target={target}
        hasConsent={v.basis !== null}
        onClose={() => setTarget(null)}
      />
    </section>
  );
}

interface WindowValues {
  vesselId: string;
  role: AboardRole;
  fromAt: Dayjs;
  toAt?: Dayjs | null;
  tracked: boolean;
  note?: string;
}

function WindowDialog({
  caseId,
  target,
  hasConsent,
  onClose,
}: {
  caseId: string;
  target: null | 'new' | AboardWindowView;
  hasConsent: boolean;
  onClose: () => void;
}) {
  const [form] = Form.useForm<WindowValues>();
  const formError = useFormError(form);
  const change = useSuperviseeVesselsChange(caseId);
  const vessels = useVessels({ page: 1, pageSize: 100 });
  const { message } = App.useApp();
  const editing = target !== null && target !== 'new' ? target : null;
  useEffect(() => {
    if (target === null) return;
    form.resetFields();
    formError.clear();
    if (editing) {
      form.setFieldsValue({
        vesselId: editing.vessel.id,
        role: editing.role,
        fromAt: dayjs(editing.fromAt),
        toAt: editing.toAt ? dayjs(editing.toAt) : null,
        tracked: editing.tracked,
        note: editing.note ?? undefined,
      });
    } else {
      form.setFieldsValue({ tracked: hasConsent, role: 'crew' });
    }
  }, [target, editing, form, formError.clear, hasConsent]);
  const tracked = Form.useWatch('tracked', form);
  return (
    <Modal
      open={target !== null}
      title={editing ? '修改在船记录' : '登记在船记录'}
      okText="保存"
      confirmLoading={change.isPending}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <FormErrorAlert message={formError.message} />
      <Form<WindowValues>
        form={form}
        layout="vertical"
        onFinish={(values) => {
          const common = {
            role: values.role,
            fromAt: values.fromAt.toISOString(),
            toAt: values.toAt ? values.toAt.toISOString() : null,
            tracked: values.tracked,
            note: values.note?.trim() || null,
          };
          change.mutate(
            editing
              ? {
                  method: 'PATCH',
                  path: `aboard-windows/${editing.id}`,
                  body: { ...common, version: editing.version },
                }
              : { method: 'POST', path: 'aboard-windows', body: { ...common, vesselId: values.vesselId } },
            {
              onSuccess: () => {
                message.success('在船记录已保存');
                onClose();
              },
              onError: (e) => formError.report(e),
            },
          );
        }}
      >
        <Form.Item name="vesselId" label="船舶" rules={[{ required: true, message: '请选择船舶' }]}>
          <Select
            disabled={editing !== null}
            showSearch
            optionFilterProp="label"
            loading={vessels.isPending}
            placeholder="船舶须先在“船舶”中登记"
            options={(vessels.data?.items ?? []).map((x) => ({
              value: x.id,
              label: `${x.name}（${x.registrationNo}，${gearTypeLabels[x.gearType]}）`,
            }))}
          />
        </Form.Item>
        <Form.Item name="role" label="在船身份" rules={[{ required: true, message: '请选择在船身份' }]}>
          <Select options={aboardRoles.map((r) => ({ value: r, label: aboardRoleLabels[r] }))} />
        </Form.Item>
        <Form.Item name="fromAt" label="上船时间" rules={[{ required: true, message: '请选择上船时间' }]}>
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="toAt" label="离船时间" extra="仍在船上的不填">
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="tracked" label="纳入船舶定位" valuePropName="checked">
          <Switch />
        </Form.Item>
        {tracked && !hasConsent ? (
          <Alert
            type="warning"
            showIcon
            title="未取得书面同意，不能纳入船舶定位"
            style={{ marginBottom: 16 }}
          />
        ) : null}
        <Form.Item name="note" label="备注">
          <Input maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

// ---- trips ------------------------------------------------------------------------------------------------

function TripsSection({
  caseId,
  v,
  canEdit,
}: {
  caseId: string;
  v: SuperviseeVesselsView;
  canEdit: boolean;
}) {
  const [filing, setFiling] = useState(false);
  const [deciding, setDeciding] = useState<SeaTripView | null>(null);
  const [viewing, setViewing] = useState<SeaTripView | null>(null);
  const [returning, setReturning] = useState<SeaTripView | null>(null);
  const depart = useSeaTripAction();
  const { message } = App.useApp();
  return (
    <section>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <H>出海报备</H>
        {canEdit && v.windows.length > 0 ? (
          <Button icon={<PlusOutlined />} onClick={() => setFiling(true)}>
            代为出海报备
          </Button>
        ) : null}
      </Flex>
      <Table<SeaTripView>
        rowKey="id"
        size="small"
        style={{ marginTop: 8 }}
        dataSource={v.trips}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        scroll={{ x: 800 }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无出海报备" /> }}
        columns={[
          { title: '船舶', key: 'vessel', width: 140, render: (_: unknown, t) => t.vessel.name },
          { title: '计划出海至返港', key: 'span', width: 220, render: (_: unknown, t) => tripSpan(t) },
          { title: '作业海域', dataIndex: 'seaArea' },
          { title: '状态', key: 'status', width: 150, render: (_: unknown, t) => <TripStatus trip={t} /> },
          {
            title: '操作',
            key: 'actions',
            width: 170,
            render: (_: unknown, t) => (
              <Space size={0}>
                {canEdit && t.status === 'filed' ? (
                  <Button type="link" size="small" onClick={() => setDeciding(t)}>
                    审批
                  </Button>
                ) : null}
                {canEdit && t.status === 'approved' ? (
                  <Popconfirm
                    title="记录该船已出海？"
                    description="以现在的时间记为实际出海时间。"
                    okText="记录出海"
                    onConfirm={() =>
                      depart.mutate(
                        { id: t.id, action: 'depart', body: { version: t.version } },
                        {
                          onSuccess: () => message.success('已记录出海'),
                          onError: (e) => message.error(errorMessage(e)),
                        },
                      )
                    }
                  >
                    <Button type="link" size="small">
                      记录出海
                    </Button>
                  </Popconfirm>
                ) : null}
                {canEdit && t.status === 'atSea' ? (
                  <Button type="link" size="small" onClick={() => setReturning(t)}>
                    记录返港
                  </Button>
                ) : null}
                <Button type="link" size="small" onClick={() => setViewing(t)}>
                  详情
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <FileTripDialog caseId={caseId} v={v} open={filing} onClose={() => setFiling(false)} />
      <DecideDialog trip={deciding} onClose={() => setDeciding(null)} />
      <TripDrawer trip={viewing} onClose={() => setViewing(null)} />
      <ReturnDialog trip={returning} onClose={() => setReturning(null)} />
    </section>
  );
}

interface TripValues {
  vesselId: string;
  seaArea: string;
  span: [Dayjs, Dayjs];
  note?: string;
}

function FileTripDialog({
  caseId,
  v,
  open,
  onClose,
}: {
  caseId: string;
  v: SuperviseeVesselsView;
  open: boolean;
  onClose: () => void;
}) {
  const [form] = Form.useForm<TripValues>();
  const formError = useFormError(form);
  const file = useSeaTripFile();
  const { message } = App.useApp();
  const [key, setKey] = useState(newIdempotencyKey);
  useEffect(() => {
    if (open) {
      form.resetFields();
      formError.clear();
      setKey(newIdempotencyKey());
    }
  }, [open, form, formError.clear]);
  const vessels = [...new Map(v.windows.map((w) => [w.vessel.id, w.vessel])).values()];
  return (
    <Modal
      open={open}
      title="代为出海报备"
      okText="提交报备"
      confirmLoading={file.isPending}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <FormErrorAlert message={formError.message} />
      <Form<TripValues>
        form={form}
        layout="vertical"
        onFinish={(values) =>
          file.mutate(
            {
              idempotencyKey: key,
              body: {
                caseId,
                vesselId: values.vesselId,
                seaArea: values.seaArea.trim(),
                plannedDepartureAt: values.span[0].toISOString(),
                plannedReturnAt: values.span[1].toISOString(),
                note: values.note?.trim() || null,
              },
            },
            {
              onSuccess: () => {
                message.success('已报备，待审批');
                onClose();
              },
              onError: (e) => formError.report(e),
            },
          )
        }
      >
        <Form.Item
          name="vesselId"
          label="船舶（来自在船记录）"
          rules={[{ required: true, message: '请选择船舶' }]}
        >
          <Select
            options={vessels.map((x) => ({
              value: x.id,
              label: `${x.name}（${gearTypeLabels[x.gearType]}）`,
            }))}
          />
        </Form.Item>
        <Form.Item
          name="seaArea"
          label="作业海域"
          rules={[{ required: true, whitespace: true, message: '请填写作业海域' }]}
        >
          <Input maxLength={200} placeholder="如：北部湾涠洲岛以南 20 海里" />
        </Form.Item>
        <Form.Item
          name="span"
          label="计划出海、返港时间"
          rules={[{ required: true, message: '请选择计划出海和返港时间' }]}
        >
          <DatePicker.RangePicker
            showTime={{ format: 'HH:mm' }}
            format="YYYY-MM-DD HH:mm"
            style={{ width: '100%' }}
            placeholder={['计划出海', '计划返港']}
          />
        </Form.Item>
        <Form.Item name="note" label="备注">
          <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 4 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ReturnDialog({ trip, onClose }: { trip: SeaTripView | null; onClose: () => void }) {
  const act = useSeaTripAction();
  const { message } = App.useApp();
  const [at, setAt] = useState<Dayjs | null>(dayjs());
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (trip) {
      setAt(dayjs());
      setNote('');
      setError(null);
    }
  }, [trip]);
  return (
    <Modal
      open={trip !== null}
      title="记录返港"
      okText="记录返港"
      confirmLoading={act.isPending}
      onCancel={onClose}
      onOk={() => {
        if (!trip || !at) {
          setError('请选择实际返港时间');
          return;
        }
        act.mutate(
          {
            id: trip.id,
            action: 'return',
            body: { version: trip.version, returnedAt: at.toISOString(), note: note.trim() || null },
          },
          {
            onSuccess: () => {
              message.success('已记录返港');
              onClose();
            },
            onError: (e) => setError(errorMessage(e)),
          },
        );
      }}
    >
      <Flex vertical gap={8}>
        <DatePicker
          aria-label="实际返港时间"
          showTime={{ format: 'HH:mm' }}
          format="YYYY-MM-DD HH:mm"
          value={at}
          onChange={setAt}
        />
        <Input.TextArea
          aria-label="返港情况"
          placeholder="返港情况（选填）"
          maxLength={500}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
        {error ? <Alert type="error" showIcon title={error} /> : null}
      </Flex>
    </Modal>
  );
}
