import { PlusOutlined } from '@ant-design/icons';
import {
  type CheckInView,
  checkInStatusLabels,
  checkInWindowStateLabels,
  type HoursProgress,
  type MissedCheckInView,
  missedCheckInStatusLabels,
  type SupervisionContactInput,
  type SupervisionContactView,
  type SupervisionHoursInput,
  type SupervisionHoursView,
  type SupervisionRecord,
  supervisionContactKindLabels,
  supervisionContactKinds,
  supervisionHoursKindLabels,
  supervisionHoursKinds,
  supervisionLevelLabels,
} from '@zhucheng/contracts';
import {
  App,
  Button,
  DatePicker,
  Descriptions,
  Empty,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { FormErrorAlert } from '../../../../components/form-error-alert.tsx';
import { LoadError } from '../../../../components/load-error.tsx';
import { PageLoading } from '../../../../components/page-loading.tsx';
import { useCan } from '../../../../lib/access.tsx';
import { useFormError } from '../../../../lib/form-errors.ts';
import {
  newIdempotencyKey,
  useAddContact,
  useAddHours,
  useResolveMissed,
  useSupervisionRecord,
} from '../api/use-supervision.ts';
import { dateTime, WindowStateTag } from './portal-shared.tsx';

const H = ({ children, extra }: { children: string; extra?: React.ReactNode }) => (
  <Flex justify="space-between" align="center" style={{ marginTop: 8 }}>
    <Typography.Title level={5} style={{ margin: 0 }}>
      {children}
    </Typography.Title>
    {extra}
  </Flex>
);

const photoLink = (id: string | null) =>
  id ? (
    <a href={`/api/files/${id}?inline=true`} target="_blank" rel="noreferrer">
      查看照片
    </a>
  ) : (
    '—'
  );

/** The record page's tab 日常监管: today's windows, check-ins, missed ones, reports, visits, hours vs targets. */
export function SuperviseeSupervisionTab({ caseId }: { caseId: string }) {
  const data = useSupervisionRecord(caseId);
  const can = useCan();
  const canEdit = can('corrections:supervise');
  if (data.isPending) return <PageLoading />;
  if (data.isError) return <LoadError error={data.error} onRetry={() => data.refetch()} />;
  const r = data.data;
  return (
    <Flex vertical gap={16}>
      <Overview r={r} />
      <CheckIns rows={r.checkIns} />
      <Missed caseId={caseId} rows={r.missed} canEdit={canEdit} />
      <Reports r={r} />
      <Contacts caseId={caseId} rows={r.contacts} canEdit={canEdit} />
      <Hours caseId={caseId} rows={r.hours} progress={r.progress} canEdit={canEdit} />
    </Flex>
  );
}

function Overview({ r }: { r: SupervisionRecord }) {
  return (
    <>
      <H>打卡安排</H>
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, md: 2 }}
        items={[
          {
            key: 'level',
            label: '管理等级',
            children: r.supervisionLevel
              ? supervisionLevelLabels[r.supervisionLevel]
              : '未分类（按普管打卡）',
          },
          { key: 'schedule', label: '打卡要求', children: r.scheduleLabel ?? '报到后开始打卡' },
          {
            key: 'today',
            label: '今日打卡',
            span: 2,
            children:
              r.today.length === 0 ? (
                '—'
              ) : (
                <Space wrap>
                  {r.today.map((w) => (
                    <span key={w.key}>
                      {w.label} <WindowStateTag state={w.state} label={checkInWindowStateLabels[w.state]} />
                    </span>
                  ))}
                </Space>
              ),
          },
          ...(r.reportIn
            ? [
                {
                  key: 'reportIn',
                  label: '网上报到',
                  span: 2,
                  children: (
                    <Space wrap>
                      <span>{dateTime(r.reportIn.reportedAt)}</span>
                      <span>{r.reportIn.location.text}</span>
                      {photoLink(r.reportIn.photoFileId)}
                      {r.reportIn.note ? <span>{r.reportIn.note}</span> : null}
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
    </>
  );
}

function CheckIns({ rows }: { rows: CheckInView[] }) {
  return (
    <>
      <H>打卡记录</H>
      <Table<CheckInView>
        size="small"
        rowKey="id"
        dataSource={rows}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无打卡记录" /> }}
        columns={[
          { title: '时间', dataIndex: 'at', width: 130, render: (v: string) => dateTime(v) },
          {
            title: '情况',
            dataIndex: 'status',
            width: 80,
            render: (v: CheckInView['status']) => (
              <Tag color={v === 'onTime' ? 'success' : 'warning'}>{checkInStatusLabels[v]}</Tag>
            ),
          },
          { title: '打卡时段', dataIndex: 'windowLabel', width: 140, render: (v: string | null) => v ?? '—' },
          { title: '位置（精度）', key: 'location', render: (_, c) => c.location.text },
          { title: '说明', dataIndex: 'note', render: (v: string | null) => v ?? '—' },
          { title: '照片', dataIndex: 'photoFileId', width: 90, render: photoLink },
        ]}
      />
    </>
  );
}

function Missed({ caseId, rows, canEdit }: { caseId: string; rows: MissedCheckInView[]; canEdit: boolean }) {
  const [resolving, setResolving] = useState<MissedCheckInView | null>(null);
  return (
    <>
      <H>未按时打卡</H>
      <Table<MissedCheckInView>
        size="small"
        rowKey="id"
        dataSource={rows}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有未按时打卡" /> }}
        columns={[
          { title: '打卡时段', dataIndex: 'windowLabel', width: 200 },
          {
            title: '状态',
            dataIndex: 'status',
            width: 90,
            render: (v: MissedCheckInView['status']) => (
              <Tag color={v === 'open' ? 'error' : 'default'}>{missedCheckInStatusLabels[v]}</Tag>
            ),
          },
          {
            title: '核实情况',
            key: 'note',
            render: (_, m) => (m.resolutionNote ? `${m.resolutionNote}（${m.resolvedBy ?? ''}）` : '—'),
          },
          {
            title: '操作',
            key: 'action',
            width: 90,
            render: (_, m) =>
              canEdit && m.status === 'open' ? (
                <Button size="small" onClick={() => setResolving(m)}>
                  核实
                </Button>
              ) : null,
          },
        ]}
      />
      {resolving ? (
        <ResolveDialog caseId={caseId} missed={resolving} onClose={() => setResolving(null)} />
      ) : null}
    </>
  );
}

function ResolveDialog({
  caseId,
  missed,
  onClose,
}: {
  caseId: string;
  missed: MissedCheckInView;
  onClose: () => void;
}) {
  const [form] = Form.useForm<{ note: string }>();
  const resolve = useResolveMissed(caseId);
  const error = useFormError(form);
  const { message } = App.useApp();
  return (
    <Modal
      open
      title={`核实未打卡：${missed.windowLabel}`}
      okText="保存"
      confirmLoading={resolve.isPending}
      onCancel={onClose}
      onOk={() =>
        form.validateFields().then((v) =>
          resolve.mutate(
            { id: missed.id, note: v.note },
            {
              onSuccess: () => {
                message.success('已记录核实情况');
                onClose();
              },
              onError: error.report,
            },
          ),
        )
      }
    >
      <FormErrorAlert message={error.message} />
      <Form form={form} layout="vertical">
        <Form.Item
          name="note"
          label="核实情况"
          rules={[{ required: true, whitespace: true, message: '请填写核实情况' }]}
        >
          <Input.TextArea
            rows={3}
            maxLength={1000}
            placeholder="例如：电话联系本人，手机没电，已到司法所说明情况"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function Reports({ r }: { r: SupervisionRecord }) {
  return (
    <>
      <H>思想汇报</H>
      <Table
        size="small"
        rowKey="id"
        dataSource={r.reports}
        pagination={{ pageSize: 6, hideOnSinglePage: true }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无思想汇报" /> }}
        columns={[
          { title: '月份', dataIndex: 'month', width: 90 },
          {
            title: '内容',
            dataIndex: 'content',
            render: (v: string) => <span style={{ whiteSpace: 'pre-wrap' }}>{v}</span>,
          },
          { title: '提交时间', dataIndex: 'submittedAt', width: 130, render: (v: string) => dateTime(v) },
          { title: '照片', dataIndex: 'photoFileId', width: 90, render: photoLink },
        ]}
      />
    </>
  );
}

function Contacts({
  caseId,
  rows,
  canEdit,
}: {
  caseId: string;
  rows: SupervisionContactView[];
  canEdit: boolean;
}) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <H
        extra={
          canEdit ? (
            <Button icon={<PlusOutlined />} onClick={() => setOpen(true)}>
              记录走访或电话核查
            </Button>
          ) : null
        }
      >
        走访和电话核查
      </H>
      <Table<SupervisionContactView>
        size="small"
        rowKey="id"
        dataSource={rows}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        locale={{
          emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无走访或电话核查记录" />,
        }}
        columns={[
          { title: '日期', dataIndex: 'occurredOn', width: 110 },
          {
            title: '方式',
            dataIndex: 'kind',
            width: 90,
            render: (v: SupervisionContactView['kind']) => supervisionContactKindLabels[v],
          },
          { title: '地点或电话', dataIndex: 'place', width: 160, render: (v: string | null) => v ?? '—' },
          { title: '情况', dataIndex: 'content' },
          { title: '结论', dataIndex: 'finding', width: 120, render: (v: string | null) => v ?? '—' },
          { title: '记录人', dataIndex: 'recordedBy', width: 90 },
        ]}
      />
      {open ? <ContactDialog caseId={caseId} onClose={() => setOpen(false)} /> : null}
    </>
  );
}

interface ContactValues {
  kind: SupervisionContactInput['kind'];
  occurredOn: Dayjs;
  place?: string;
  content: string;
  finding?: string;
}

function ContactDialog({ caseId, onClose }: { caseId: string; onClose: () => void }) {
  const [form] = Form.useForm<ContactValues>();
  const add = useAddContact(caseId);
  const error = useFormError(form);
  const [key] = useState(newIdempotencyKey);
  const { message } = App.useApp();
  return (
    <Modal
      open
      title="记录走访或电话核查"
      okText="保存"
      confirmLoading={add.isPending}
      onCancel={onClose}
      onOk={() =>
        form.validateFields().then((v) =>
          add.mutate(
            {
              input: {
                kind: v.kind,
                occurredOn: v.occurredOn.format('YYYY-MM-DD'),
                place: v.place ?? null,
                content: v.content,
                finding: v.finding ?? null,
              },
              idempotencyKey: key,
            },
            {
              onSuccess: () => {
                message.success('已记录');
                onClose();
              },
              onError: error.report,
            },
          ),
        )
      }
    >
      <FormErrorAlert message={error.message} />
      <Form form={form} layout="vertical" initialValues={{ kind: 'visit', occurredOn: dayjs() }}>
        <Form.Item name="kind" label="方式" rules={[{ required: true, message: '请选择走访或电话核查' }]}>
          <Select
            options={supervisionContactKinds.map((k) => ({
              value: k,
              label: supervisionContactKindLabels[k],
            }))}
          />
        </Form.Item>
        <Form.Item name="occurredOn" label="日期" rules={[{ required: true, message: '请选择日期' }]}>
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
        <Form.Item name="place" label="地点或电话">
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          name="content"
          label="情况"
          rules={[{ required: true, whitespace: true, message: '请填写走访（核查）情况' }]}
        >
          <Input.TextArea rows={4} maxLength={2000} />
        </Form.Item>
        <Form.Item name="finding" label="结论">
          <Input maxLength={200} placeholder="例如：表现正常" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function Hours({
  caseId,
  rows,
  progress,
  canEdit,
}: {
  caseId: string;
  rows: SupervisionHoursView[];
  progress: HoursProgress[];
  canEdit: boolean;
}) {
  const [open, setOpen] = useState(false);
  const cell = (p: { done: number; target: number | null }) => {
    if (p.target === null) return `${p.done} 小时（未定目标）`;
    return (
      <span style={{ color: p.done >= p.target ? '#237804' : undefined }}>
        {p.done} / {p.target} 小时{p.done >= p.target ? '（已完成）' : ''}
      </span>
    );
  };
  return (
    <>
      <H
        extra={
          canEdit ? (
            <Button icon={<PlusOutlined />} onClick={() => setOpen(true)}>
              记录时长
            </Button>
          ) : null
        }
      >
        教育学习和公益活动（对照矫正方案每月目标）
      </H>
      <Table<HoursProgress>
        size="small"
        rowKey="month"
        dataSource={progress}
        pagination={false}
        columns={[
          { title: '月份', dataIndex: 'month', width: 100 },
          { title: '教育学习', key: 'education', render: (_, p) => cell(p.education) },
          { title: '公益活动', key: 'publicService', render: (_, p) => cell(p.publicService) },
        ]}
      />
      <Table<SupervisionHoursView>
        size="small"
        rowKey="id"
        dataSource={rows}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无活动记录" /> }}
        columns={[
          { title: '日期', dataIndex: 'occurredOn', width: 110 },
          {
            title: '类别',
            dataIndex: 'kind',
            width: 100,
            render: (v: SupervisionHoursView['kind']) => supervisionHoursKindLabels[v],
          },
          { title: '时长', dataIndex: 'hours', width: 90, render: (v: number) => `${v} 小时` },
          { title: '活动内容', dataIndex: 'activity' },
          { title: '记录人', dataIndex: 'recordedBy', width: 90 },
        ]}
      />
      {open ? <HoursDialog caseId={caseId} onClose={() => setOpen(false)} /> : null}
    </>
  );
}

interface HoursValues {
  kind: SupervisionHoursInput['kind'];
  occurredOn: Dayjs;
  hours: number;
  activity: string;
}

function HoursDialog({ caseId, onClose }: { caseId: string; onClose: () => void }) {
  const [form] = Form.useForm<HoursValues>();
  const add = useAddHours(caseId);
  const error = useFormError(form);
  const [key] = useState(newIdempotencyKey);
  const { message } = App.useApp();
  return (
    <Modal
      open
      title="记录教育学习或公益活动"
      okText="保存"
      confirmLoading={add.isPending}
      onCancel={onClose}
      onOk={() =>
        form.validateFields().then((v) =>
          add.mutate(
            {
              input: {
                kind: v.kind,
                occurredOn: v.occurredOn.format('YYYY-MM-DD'),
                hours: v.hours,
                activity: v.activity,
              },
              idempotencyKey: key,
            },
            {
              onSuccess: () => {
                message.success('已记录');
                onClose();
              },
              onError: error.report,
            },
          ),
        )
      }
    >
      <FormErrorAlert message={error.message} />
      <Form
        form={form}
        layout="vertical"
        initialValues={{ kind: 'education', occurredOn: dayjs(), hours: 2 }}
      >
        <Form.Item name="kind" label="类别" rules={[{ required: true, message: '请选择类别' }]}>
          <Select
            options={supervisionHoursKinds.map((k) => ({ value: k, label: supervisionHoursKindLabels[k] }))}
          />
        </Form.Item>
        <Form.Item name="occurredOn" label="日期" rules={[{ required: true, message: '请选择日期' }]}>
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
        <Form.Item
          name="hours"
          label="时长（小时，以 0.5 为单位）"
          rules={[{ required: true, message: '请填写时长' }]}
        >
          <InputNumber min={0.5} max={12} step={0.5} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="activity"
          label="活动内容"
          rules={[{ required: true, whitespace: true, message: '请填写活动内容' }]}
        >
          <Input maxLength={200} placeholder="例如：集中法治教育 / 社区环境清洁" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
