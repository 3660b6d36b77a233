import {
  type ConsultationView,
  consultationChannelLabels,
  consultationOutcomeLabels,
  legalAidDisputeKindLabels,
} from '@zhucheng/contracts';
import {
  App,
  Button,
  Card,
  DatePicker,
  Drawer,
  Empty,
  Flex,
  Form,
  Select,
  Space,
  Table,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { EnterSubmits } from '../../../../components/enter-submits.tsx';
import { FormErrorAlert } from '../../../../components/form-error-alert.tsx';
import { LoadError } from '../../../../components/load-error.tsx';
import { PageHeader } from '../../../../components/page-header.tsx';
import { useCan } from '../../../../lib/access.tsx';
import { ApiRequestError, errorMessage } from '../../../../lib/api.ts';
import { useFormError } from '../../../../lib/form-errors.ts';
import { formLayout } from '../../../../lib/form-layout.ts';
import { formatDateTime } from '../../../../lib/format.ts';
import { useDrawerSize, useIsNarrow } from '../../../../lib/responsive.ts';
import { useConsultations, useDeleteConsultation, useSaveConsultation } from '../api/use-registry.ts';
import {
  ConsultationFields,
  type ConsultationValues,
  channelOptions,
  consultationBody,
} from '../components/consultation-fields.tsx';

/** 快速登记: stays open; after each save the person's fields clear and the channel and topic stay. */
function QuickEntry() {
  const [form] = Form.useForm<ConsultationValues>();
  const formError = useFormError(form);
  const save = useSaveConsultation();
  const narrow = useIsNarrow();
  const { message } = App.useApp();

  const submit = (values: ConsultationValues) =>
    save.mutate(
      { body: { ...consultationBody(values), phone: values.phone?.trim() || null } },
      {
        onSuccess: (saved) => {
          message.success(`已登记：${saved.personNameMasked}，${legalAidDisputeKindLabels[saved.topic]}`);
          formError.clear();
          form.resetFields(['personName', 'phone', 'summary', 'referredTo', 'consultedAt']);
          form.getFieldInstance('personName')?.focus?.();
        },
        onError: formError.report,
      },
    );

  return (
    <Card title="快速登记" size="small" style={{ marginBottom: 16 }}>
      <FormErrorAlert message={formError.message} />
      <Form<ConsultationValues>
        form={form}
        {...formLayout(narrow)}
        initialValues={{ channel: 'counter', outcome: 'answered' }}
        disabled={save.isPending}
        onFinish={submit}
      >
        <ConsultationFields columns={narrow ? 1 : 2} />
        <Flex justify="flex-end">
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            登记
          </Button>
        </Flex>
      </Form>
    </Card>
  );
}

/** 更正: the same fields in a drawer; the phone is replaced only when typed again. */
function CorrectDrawer({ target, onClose }: { target: ConsultationView | null; onClose: () => void }) {
  const [form] = Form.useForm<ConsultationValues>();
  const formError = useFormError(form);
  const save = useSaveConsultation();
  const narrow = useIsNarrow();
  const size = useDrawerSize(560);
  const { message } = App.useApp();

  useEffect(() => {
    if (!target) return;
    formError.clear();
    form.resetFields();
    form.setFieldsValue({
      channel: target.channel,
      consultedAt: dayjs(target.consultedAt),
      topic: target.topic,
      summary: target.summary,
      outcome: target.outcome,
      referredTo: target.referredTo ?? undefined,
      stationId: target.stationId ?? undefined,
    });
  }, [target, form, formError.clear]);

  if (!target) return null;
  const submit = (values: ConsultationValues) =>
    save.mutate(
      {
        id: target.id,
        body: {
          ...consultationBody(values),
          personName: values.personName?.trim() || undefined,
          unitId: target.unitId,
          version: target.version,
          ...(values.phone?.trim() ? { phone: values.phone.trim() } : {}),
        },
      },
      {
        onSuccess: () => {
          message.success('咨询记录已更正');
          onClose();
        },
        onError: (error) => {
          if (error instanceof ApiRequestError && error.status === 409) {
            message.error(errorMessage(error));
            onClose();
            return;
          }
          formError.report(error);
        },
      },
    );

  return (
    <Drawer
      open
      title="更正咨询记录"
      size={size}
      onClose={onClose}
      destroyOnHidden
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()}>
            保存
          </Button>
        </Flex>
      }
    >
      <Typography.Paragraph type="secondary">
        {target.phoneMasked ? `已登记电话 ${target.phoneMasked}；填写新号码将替换，不修改请留空。` : null}
      </Typography.Paragraph>
      <FormErrorAlert message={formError.message} />
      <Form<ConsultationValues>
        form={form}
        {...formLayout(narrow)}
        disabled={save.isPending}
        onFinish={submit}
      >
        <ConsultationFields columns={1} correcting />
        <EnterSubmits />
      </Form>
    </Drawer>
  );
}

export default function ConsultationsPage() {
  const can = useCan();
  const { modal, message } = App.useApp();
  const [range, setRange] = useState<[Dayjs, Dayjs] | null>(null);
  const [channel, setChannel] = useState<string | undefined>();
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [editing, setEditing] = useState<ConsultationView | null>(null);
  const list = useConsultations({
    from: range?.[0].format('YYYY-MM-DD'),
    to: range?.[1].format('YYYY-MM-DD'),
    channel,
    ...page,
  });
  const remove = useDeleteConsultation();
  const canWrite = can('legalAid:consult');

  const confirmDelete = (c: ConsultationView) =>
    modal.confirm({
      title: '删除这条咨询记录？',
      content: '仅用于删除误登记的记录；删除后不再计入咨询人次，审计日志保留删除记录。',
      okText: '删除',
      okButtonProps: { danger: true },
      onOk: () =>
        remove
          .mutateAsync(c)
          .then(() => message.success('已删除'))
          .catch((error: unknown) => message.error(errorMessage(error))),
    });

  const filtered = Boolean(range || channel);
  return (
    <>
      <PageHeader title="咨询登记" description="窗口、12348 热线、网络和工作站的法律咨询，每条计一人次" />
      {canWrite && <QuickEntry />}
      <Card>
        <Flex wrap gap={8} style={{ marginBottom: 16 }}>
          <DatePicker.RangePicker
            value={range}
            onChange={(value) => {
              setRange(value?.[0] && value[1] ? [value[0], value[1]] : null);
              setPage((p) => ({ ...p, page: 1 }));
            }}
          />
          <Select
            allowClear
            placeholder="咨询方式"
            style={{ width: 140 }}
            options={channelOptions}
            value={channel}
            onChange={(value) => {
              setChannel(value);
              setPage((p) => ({ ...p, page: 1 }));
            }}
          />
        </Flex>
        {list.isError && !list.data ? (
          <LoadError error={list.error} retrying={list.isFetching} onRetry={() => list.refetch()} />
        ) : (
          <Table<ConsultationView>
            rowKey="id"
            size="middle"
            loading={list.isPending}
            dataSource={list.data?.items ?? []}
            scroll={{ x: 'max-content' }}
            locale={{
              emptyText: (
                <Empty
                  image={Empty.PRESENTED_IMAGE_SIMPLE}
                  description={
                    filtered
                      ? '没有符合条件的咨询记录，请调整筛选条件'
                      : '暂无咨询记录，在上方“快速登记”登记第一条'
                  }
                />
              ),
            }}
            pagination={{
              current: page.page,
              pageSize: page.pageSize,
              total: list.data?.total ?? 0,
              showSizeChanger: true,
              showTotal: (total) => `共 ${total} 人次`,
              onChange: (p, pageSize) => setPage({ page: p, pageSize }),
            }}
            columns={[
              {
                title: '咨询时间',
                dataIndex: 'consultedAt',
                render: (v: string) => formatDateTime(v),
                width: 150,
              },
              {
                title: '方式',
                dataIndex: 'channel',
                render: (v: ConsultationView['channel'], r) =>
                  r.stationName
                    ? `${consultationChannelLabels[v]}（${r.stationName}）`
                    : consultationChannelLabels[v],
              },
              { title: '咨询人', dataIndex: 'personNameMasked' },
              { title: '电话', dataIndex: 'phoneMasked', render: (v: string | null) => v ?? '—' },
              {
                title: '事项',
                dataIndex: 'topic',
                render: (v: ConsultationView['topic']) => legalAidDisputeKindLabels[v],
              },
              {
                title: '咨询内容',
                dataIndex: 'summary',
                render: (v: string) => (
                  <Typography.Paragraph
                    ellipsis={{ rows: 2, tooltip: v }}
                    style={{ margin: 0, maxWidth: 320 }}
                  >
                    {v}
                  </Typography.Paragraph>
                ),
              },
              {
                title: '处理结果',
                dataIndex: 'outcome',
                render: (v: ConsultationView['outcome'], r) =>
                  r.referredTo
                    ? `${consultationOutcomeLabels[v]}：${r.referredTo}`
                    : consultationOutcomeLabels[v],
              },
              { title: '接待人', dataIndex: 'handledByName', render: (v: string | null) => v ?? '—' },
              ...(canWrite
                ? [
                    {
                      title: '操作',
                      key: 'actions',
                      fixed: 'right' as const,
                      render: (_: unknown, r: ConsultationView) => (
                        <Space size={4}>
                          <Button type="link" size="small" onClick={() => setEditing(r)}>
                            更正
                          </Button>
                          <Button type="link" size="small" danger onClick={() => confirmDelete(r)}>
                            删除
                          </Button>
                        </Space>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        )}
      </Card>
      <CorrectDrawer target={editing} onClose={() => setEditing(null)} />
    </>
  );
}
