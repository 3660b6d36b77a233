import { ArrowLeftOutlined } from '@ant-design/icons';
import {
  type AlertDetail,
  alertKindLabels,
  type Disposition,
  dispositionLabels,
  dispositions,
  severityLabels,
  type TriageInput,
  type TriageState,
  triageStateLabels,
} from '@zhucheng/contracts';
import {
  App,
  Button,
  Card,
  Descriptions,
  Empty,
  Flex,
  Form,
  Input,
  Modal,
  Radio,
  Result,
  Select,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { FormErrorAlert } from '../../../components/form-error-alert.tsx';
import { LoadError } from '../../../components/load-error.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { PageLoading } from '../../../components/page-loading.tsx';
import { useCan } from '../../../lib/access.tsx';
import { ApiRequestError, errorMessage } from '../../../lib/api.ts';
import { useFormError } from '../../../lib/form-errors.ts';
import { useIsNarrow } from '../../../lib/responsive.ts';
import { useAlert, useAlertAssignees, useTriage } from '../api/use-alerts.ts';
import {
  alertActionLabels,
  alertTrackPath,
  allowedActions,
  beijingDateTime,
  DISPOSITION_NOTE_REQUIRED,
  dispositionNeedsNote,
  severityColor,
  slaText,
  type TriageAction,
  triageStateColor,
} from '../components/alert-format.ts';
import { formatLat, formatLon } from '../components/format.ts';

const secondary = (text: string) => <Typography.Text type="secondary">{text}</Typography.Text>;
const stateLabel = (s: string | null) => (s ? (triageStateLabels[s as TriageState] ?? s) : null);

const actionTitles: Record<TriageAction, { title: string; ok: string; done: string }> = {
  acknowledge: { title: '确认告警', ok: '确认', done: '已确认告警' },
  assign: { title: '指派处置人', ok: '指派', done: '已指派' },
  resolve: { title: '办结告警', ok: '办结', done: '告警已办结' },
  reopen: { title: '重新打开告警', ok: '重新打开', done: '告警已重新打开' },
};

interface TriageValues {
  assigneeId?: string;
  disposition?: Disposition;
  note?: string;
}

/** One dialog for the four actions: 指派 picks a person, 办结 a disposition; each may carry a note. */
function TriageDialog({
  alert,
  action,
  onClose,
  onStale,
}: {
  alert: AlertDetail;
  action: TriageAction | null;
  onClose: () => void;
  onStale: () => void;
}) {
  const [form] = Form.useForm<TriageValues>();
  const formError = useFormError(form);
  const triage = useTriage(alert.id);
  const assignees = useAlertAssignees(alert.id, action === 'assign');
  const { message } = App.useApp();
  const disposition = Form.useWatch('disposition', form);

  useEffect(() => {
    if (!action) return;
    formError.clear();
    form.resetFields();
    if (action === 'assign' && alert.assignee) form.setFieldsValue({ assigneeId: alert.assignee.id });
  }, [action, alert.assignee, form, formError.clear]);

  if (!action) return null;
  const t = actionTitles[action];

  const submit = (v: TriageValues) => {
    const note = v.note?.trim() || null;
    let body: TriageInput;
    if (action === 'assign') body = { action, version: alert.version, assigneeId: v.assigneeId ?? '', note };
    else if (action === 'resolve')
      body = { action, version: alert.version, disposition: v.disposition ?? 'other', note };
    else body = { action, version: alert.version, note };
    triage.mutate(body, {
      onSuccess: () => {
        message.success(t.done);
        onClose();
      },
      onError: (error) => {
        if (error instanceof ApiRequestError && error.status === 409) {
          message.warning(`${errorMessage(error)}。已重新加载最新内容，请确认后再操作`);
          onClose();
          onStale();
          return;
        }
        formError.report(error);
      },
    });
  };

  const noteRequired = action === 'resolve' && dispositionNeedsNote(disposition);

  return (
    <Modal
      open
      title={t.title}
      okText={t.ok}
      cancelText="取消"
      confirmLoading={triage.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph style={{ wordBreak: 'break-word' }}>
        {alert.vessel.name}（{alert.vessel.registrationNo}）：{alertKindLabels[alert.kind]}
      </Typography.Paragraph>
      <FormErrorAlert message={formError.message} />
      <Form<TriageValues> form={form} layout="vertical" disabled={triage.isPending} onFinish={submit}>
        {action === 'assign' && (
          <Form.Item
            name="assigneeId"
            label="处置人"
            rules={[{ required: true, message: '请选择负责处置的工作人员' }]}
            extra="可指派有告警处置权限、管辖该船的工作人员"
          >
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              placeholder="选择工作人员"
              loading={assignees.isLoading}
              notFoundContent={
                assignees.isError
                  ? errorMessage(assignees.error)
                  : assignees.isLoading
                    ? '正在加载…'
                    : '没有可指派的工作人员'
              }
              options={(assignees.data?.items ?? []).map((s) => ({
                value: s.id,
                label: `${s.name}（${s.unitName}）`,
              }))}
            />
          </Form.Item>
        )}
        {action === 'resolve' && (
          <Form.Item
            name="disposition"
            label="处置结果"
            rules={[{ required: true, message: '请选择处置结果' }]}
          >
            <Radio.Group>
              <Flex vertical gap={8}>
                {dispositions.map((d) => (
                  <Radio key={d} value={d}>
                    {dispositionLabels[d]}
                  </Radio>
                ))}
              </Flex>
            </Radio.Group>
          </Form.Item>
        )}
        <Form.Item
          name="note"
          dependencies={['disposition']}
          label={action === 'resolve' ? '处置说明' : '说明'}
          required={noteRequired}
          rules={[
            {
              validator: (_, value: string | undefined) =>
                action === 'resolve' &&
                dispositionNeedsNote(form.getFieldValue('disposition')) &&
                !value?.trim()
                  ? Promise.reject(new Error(DISPOSITION_NOTE_REQUIRED))
                  : Promise.resolve(),
            },
          ]}
        >
          <Input.TextArea maxLength={500} showCount autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function AlertFacts({ a, now }: { a: AlertDetail; now: number }) {
  const narrow = useIsNarrow();
  const sla = slaText(a, now);
  const items = [
    { label: '告警规则', span: 'filled' as const, children: a.rule },
    {
      label: '电子围栏',
      children: a.fence ? `${a.fence.name}（第 ${a.fence.version} 版）` : secondary('无'),
    },
    ...(a.terminalAlarm ? [{ label: '终端报警', children: a.terminalAlarm }] : []),
    {
      label: '船舶',
      children: (
        <span>
          <Link to={alertTrackPath(a)}>{a.vessel.name}</Link>（{a.vessel.registrationNo}）
        </span>
      ),
    },
    {
      label: '矫正对象',
      children:
        a.supervisees.length === 0 ? (
          secondary('无在船矫正对象')
        ) : (
          <Flex wrap gap={8}>
            {a.supervisees.map((s) => (
              <Link key={s.caseId} to={`/corrections/supervisees/${s.caseId}`}>
                {s.caseNo ?? '（尚未编号）'}
              </Link>
            ))}
          </Flex>
        ),
    },
    { label: '首次发生', children: beijingDateTime(a.firstAt) },
    {
      label: '最近发生',
      children: `${beijingDateTime(a.lastAt)}${a.occurrences > 1 ? `（共 ${a.occurrences} 次）` : ''}`,
    },
    {
      label: '最后位置',
      children:
        a.lat !== null && a.lon !== null ? (
          <span>
            {formatLat(a.lat)} {formatLon(a.lon)}（<Link to={alertTrackPath(a)}>查看前后轨迹</Link>）
          </span>
        ) : (
          secondary('无')
        ),
    },
    {
      label: '处置时限',
      children: sla ? (
        <Typography.Text type={sla.overdue ? 'danger' : undefined}>{sla.text}</Typography.Text>
      ) : (
        secondary('已办结')
      ),
    },
    { label: '应确认时间', children: beijingDateTime(a.acknowledgeBy) },
    { label: '应办结时间', children: beijingDateTime(a.resolveBy) },
    { label: '处置人', children: a.assignee ? a.assignee.name : secondary('未指派') },
    ...(a.state === 'resolved'
      ? [
          { label: '处置结果', children: a.disposition ? dispositionLabels[a.disposition] : '—' },
          { label: '办结时间', children: beijingDateTime(a.resolvedAt) },
        ]
      : []),
  ];
  return (
    <Descriptions
      bordered
      size="small"
      column={narrow ? 1 : 2}
      styles={{ label: { width: 110, whiteSpace: 'nowrap' }, content: { wordBreak: 'break-word' } }}
      items={items.map((item) => ({ key: item.label, ...item }))}
    />
  );
}

function AlertTimeline({ a }: { a: AlertDetail }) {
  if (a.events.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无处置记录" />;
  return (
    <Timeline
      items={a.events.map((e, i) => {
        const from = stateLabel(e.fromState);
        const to = stateLabel(e.toState);
        return {
          key: `${e.at}-${i}`,
          color: e.action === 'escalate' ? 'red' : e.action === 'resolve' ? 'green' : 'blue',
          content: (
            <div style={{ wordBreak: 'break-word' }}>
              <Flex wrap gap={8} align="baseline">
                <Typography.Text strong>{alertActionLabels[e.action] ?? e.action}</Typography.Text>
                {secondary(beijingDateTime(e.at))}
                {e.actorName && <span>{e.actorName}</span>}
                {to && from !== to && secondary(from ? `${from} → ${to}` : to)}
              </Flex>
              {e.note && <div>{e.note}</div>}
            </div>
          ),
        };
      })}
    />
  );
}

/** 告警详情: what happened, where and when, the SLA, the alert's life, and 确认 / 指派 / 办结 / 重新打开. */
export default function AlertPage() {
  const { alertId = '' } = useParams();
  const navigate = useNavigate();
  const alert = useAlert(alertId);
  const can = useCan();
  const [action, setAction] = useState<TriageAction | null>(null);

  if (alert.isLoading) return <PageLoading />;
  if (alert.isError && alert.error instanceof ApiRequestError && alert.error.status === 404) {
    return (
      <Result
        status="404"
        title="未找到该告警"
        subTitle="告警可能不在您的管辖范围内，或链接有误。请回到海上告警重新查找。"
        extra={
          <Button type="primary" onClick={() => navigate('/tracking/alerts')}>
            返回海上告警
          </Button>
        }
      />
    );
  }
  if (alert.isError || !alert.data)
    return <LoadError error={alert.error} onRetry={() => alert.refetch()} retrying={alert.isFetching} />;
  const a = alert.data;
  const actions = can('tracking:handleAlerts') ? allowedActions(a.state) : [];

  return (
    <>
      <PageHeader
        title="告警详情"
        description={
          <span style={{ wordBreak: 'break-word' }}>
            {a.vessel.name} · {alertKindLabels[a.kind]}
          </span>
        }
        extra={
          <>
            <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/tracking/alerts')}>
              返回列表
            </Button>
            {actions.map((act) => (
              <Button
                key={act}
                type={
                  act === 'resolve' || (act === 'acknowledge' && a.state === 'new') ? 'primary' : 'default'
                }
                onClick={() => setAction(act)}
              >
                {actionTitles[act].ok}
              </Button>
            ))}
          </>
        }
      />
      <Flex vertical gap={16}>
        <Card
          title={
            <Flex wrap gap={8} align="center">
              <span style={{ whiteSpace: 'normal' }}>{alertKindLabels[a.kind]}</span>
              <Tag color={severityColor[a.severity]}>{severityLabels[a.severity]}</Tag>
              <Tag color={triageStateColor[a.state]}>{triageStateLabels[a.state]}</Tag>
              {a.escalated && a.state !== 'resolved' && (
                <Tag color="red">
                  {a.escalated === 'acknowledge' ? '超时未确认，已升级' : '超时未办结，已升级'}
                </Tag>
              )}
            </Flex>
          }
        >
          <AlertFacts a={a} now={alert.dataUpdatedAt || Date.now()} />
        </Card>
        <Card title="处置记录">
          <AlertTimeline a={a} />
        </Card>
      </Flex>
      <TriageDialog
        alert={a}
        action={action}
        onClose={() => setAction(null)}
        onStale={() => alert.refetch()}
      />
    </>
  );
}
