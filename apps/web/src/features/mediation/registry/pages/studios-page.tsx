import { PlusOutlined } from '@ant-design/icons';
import { type StudioStatus, type StudioView, studioStatuses, studioStatusLabels } from '@zhucheng/contracts';
import {
  App,
  Button,
  Card,
  DatePicker,
  Drawer,
  Empty,
  Flex,
  Form,
  Input,
  Modal,
  Progress,
  Segmented,
  Select,
  Space,
  Statistic,
  Table,
  Tag,
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
import { useDrawerSize, useIsNarrow } from '../../../../lib/responsive.ts';
import {
  newIdempotencyKey,
  useCommittees,
  useMarkStudioCreated,
  useMediators,
  useSaveStudio,
  useStudios,
} from '../api/use-registry.ts';

interface StudioValues {
  name: string;
  unitId?: number;
  leadMediatorId?: string;
  specialty?: string;
  targetDate?: Dayjs | null;
  note?: string;
}

type Target = null | 'new' | StudioView;

function StudioDrawer({ target, onClose }: { target: Target; onClose: () => void }) {
  const [form] = Form.useForm<StudioValues>();
  const formError = useFormError(form);
  const save = useSaveStudio();
  const committees = useCommittees({});
  const unitId = Form.useWatch('unitId', form);
  const mediators = useMediators({ unitId, status: 'active' });
  const narrow = useIsNarrow();
  const size = useDrawerSize(600);
  const { message } = App.useApp();
  const editing = target !== null && target !== 'new' ? target : null;
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);

  useEffect(() => {
    if (target === null) return;
    formError.clear();
    form.resetFields();
    setIdempotencyKey(newIdempotencyKey());
    if (editing) {
      form.setFieldsValue({
        name: editing.name,
        unitId: editing.unitId,
        leadMediatorId: editing.leadMediatorId ?? undefined,
        specialty: editing.specialty ?? undefined,
        targetDate: editing.targetDate ? dayjs(editing.targetDate) : null,
        note: editing.note ?? undefined,
      });
    }
  }, [target, editing, form, formError.clear]);

  const submit = (v: StudioValues) => {
    const body = {
      name: v.name.trim(),
      unitId: v.unitId ?? 0,
      leadMediatorId: v.leadMediatorId ?? null,
      specialty: v.specialty?.trim() || null,
      targetDate: v.targetDate ? v.targetDate.format('YYYY-MM-DD') : null,
      note: v.note?.trim() || null,
    };
    save.mutate(
      editing ? { id: editing.id, body: { ...body, version: editing.version } } : { body, idempotencyKey },
      {
        onSuccess: (saved) => {
          message.success(editing ? '工作室信息已保存' : `已列入创建计划：${saved.name}`);
          onClose();
        },
        onError: (error) => {
          if (error instanceof ApiRequestError && error.status === 409 && error.fields.length === 0) {
            message.error(errorMessage(error));
            onClose();
            return;
          }
          formError.report(error);
        },
      },
    );
  };

  // The host's own committee list: the studio is hosted by a committee (the common case).
  const hostOptions = (committees.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }));
  if (editing && !hostOptions.some((o) => o.value === editing.unitId)) {
    hostOptions.unshift({ value: editing.unitId, label: editing.unitName });
  }

  return (
    <Drawer
      open={target !== null}
      title={editing ? `编辑工作室：${editing.name}` : '计划创建调解工作室'}
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
      <FormErrorAlert message={formError.message} />
      <Form<StudioValues>
        form={form}
        {...formLayout(narrow, 112)}
        disabled={save.isPending}
        onFinish={submit}
      >
        <Form.Item name="name" label="工作室名称" rules={[{ required: true, message: '请填写工作室名称' }]}>
          <Input maxLength={60} placeholder="如：老陈调解工作室" />
        </Form.Item>
        <Form.Item
          name="unitId"
          label="依托调委会"
          rules={[{ required: true, message: '请选择依托的调委会' }]}
        >
          <Select
            showSearch
            optionFilterProp="label"
            options={hostOptions}
            loading={committees.isPending}
            onChange={() => form.setFieldValue('leadMediatorId', undefined)}
          />
        </Form.Item>
        <Form.Item name="leadMediatorId" label="领衔调解员" extra="工作室通常以领衔调解员命名">
          <Select
            allowClear
            disabled={!unitId}
            placeholder={unitId ? '选填' : '请先选择调委会'}
            options={(mediators.data?.items ?? []).map((m) => ({
              value: m.id,
              label: `${m.name}（${m.position ?? '调解员'}）`,
            }))}
          />
        </Form.Item>
        <Form.Item name="specialty" label="擅长领域">
          <Input maxLength={60} placeholder="如：婚姻家庭纠纷、邻里纠纷" />
        </Form.Item>
        <Form.Item name="targetDate" label="计划建成日期">
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="note" label="备注">
          <Input.TextArea maxLength={300} autoSize={{ minRows: 2, maxRows: 5 }} />
        </Form.Item>
        <EnterSubmits />
      </Form>
    </Drawer>
  );
}

function MarkCreatedDialog({ studio, onClose }: { studio: StudioView | null; onClose: () => void }) {
  const mark = useMarkStudioCreated();
  const { message } = App.useApp();
  const [day, setDay] = useState<Dayjs | null>(dayjs());
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (studio) {
      setDay(studio.createdOn ? dayjs(studio.createdOn) : dayjs());
      setError(null);
    }
  }, [studio]);
  return (
    <Modal
      open={studio !== null}
      title={studio ? `标记建成：${studio.name}` : ''}
      okText="标记建成"
      confirmLoading={mark.isPending}
      onCancel={onClose}
      onOk={() => {
        if (!studio) return;
        if (!day) {
          setError('请选择建成日期');
          return;
        }
        mark.mutate(
          { studio, createdOn: day.format('YYYY-MM-DD') },
          {
            onSuccess: () => {
              message.success(`${studio.name} 已标记为建成`);
              onClose();
            },
            onError: (e) => setError(errorMessage(e)),
          },
        );
      }}
    >
      <Flex vertical gap={8}>
        <Typography.Text>建成后计入“已建成”数，并在统计指标“人民调解工作室创建进度”中体现。</Typography.Text>
        <DatePicker value={day} onChange={setDay} style={{ width: 200 }} aria-label="建成日期" />
        {error && <Typography.Text type="danger">{error}</Typography.Text>}
      </Flex>
    </Modal>
  );
}

export default function StudiosPage() {
  const can = useCan();
  const canManage = can('mediation:manageRegistry');
  const [status, setStatus] = useState<StudioStatus | 'all'>('all');
  const studios = useStudios(status === 'all' ? {} : { status });
  const [target, setTarget] = useState<Target>(null);
  const [marking, setMarking] = useState<StudioView | null>(null);
  const progress = studios.data?.progress ?? { planned: 0, created: 0 };
  const percent = progress.planned ? Math.round((progress.created / progress.planned) * 100) : 0;

  return (
    <>
      <PageHeader
        title="调解工作室"
        description="人民调解工作室的创建计划与进度：计划创建、已建成"
        extra={
          canManage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setTarget('new')}>
              计划创建工作室
            </Button>
          )
        }
      />
      <Flex vertical gap={16}>
        <Card>
          <Flex wrap gap={32} align="center">
            <Statistic
              title="创建进度"
              value={`已建成 ${progress.created} / 计划 ${progress.planned}`}
              styles={{ content: { fontSize: 22 } }}
            />
            <Progress
              percent={percent}
              style={{ maxWidth: 360, flex: 1, minWidth: 200 }}
              format={() => `${percent}%`}
            />
            <Typography.Text type="secondary">
              {progress.planned - progress.created > 0
                ? `还有 ${progress.planned - progress.created} 个待建成`
                : progress.planned > 0
                  ? '计划的工作室已全部建成'
                  : '暂无创建计划'}
            </Typography.Text>
          </Flex>
        </Card>
        <Card>
          <Segmented<StudioStatus | 'all'>
            style={{ marginBottom: 16 }}
            value={status}
            onChange={setStatus}
            options={[
              { value: 'all', label: '全部' },
              ...studioStatuses.map((value) => ({ value, label: studioStatusLabels[value] })),
            ]}
          />
          {studios.isError && !studios.data ? (
            <LoadError
              error={studios.error}
              retrying={studios.isFetching}
              onRetry={() => studios.refetch()}
            />
          ) : (
            <Table<StudioView>
              rowKey="id"
              size="middle"
              loading={studios.isFetching && !studios.data}
              dataSource={studios.data?.items ?? []}
              scroll={{ x: 1000 }}
              pagination={{ pageSize: 20, showTotal: (total) => `共 ${total} 个` }}
              locale={{
                emptyText: (
                  <Empty
                    image={Empty.PRESENTED_IMAGE_SIMPLE}
                    description={
                      status !== 'all'
                        ? '没有该状态的工作室'
                        : canManage
                          ? '暂无工作室，点击“计划创建工作室”列入第一个'
                          : '暂无工作室'
                    }
                  />
                ),
              }}
              columns={[
                { title: '工作室名称', dataIndex: 'name', width: 220 },
                {
                  title: '依托单位',
                  dataIndex: 'unitName',
                  width: 260,
                  render: (v: string) => <span style={{ wordBreak: 'break-all' }}>{v}</span>,
                },
                {
                  title: '领衔调解员',
                  dataIndex: 'leadMediatorName',
                  width: 110,
                  render: (v: string | null) => v ?? '—',
                },
                {
                  title: '擅长领域',
                  dataIndex: 'specialty',
                  width: 140,
                  render: (v: string | null) => v ?? '—',
                },
                {
                  title: '状态',
                  key: 'status',
                  width: 110,
                  render: (_: unknown, r) =>
                    r.status === 'created' ? (
                      <Tag color="green">已建成</Tag>
                    ) : r.overdue ? (
                      <Tag color="red">逾期未建成</Tag>
                    ) : (
                      <Tag color="blue">计划创建</Tag>
                    ),
                },
                {
                  title: '计划建成',
                  dataIndex: 'targetDate',
                  width: 110,
                  render: (v: string | null) => v ?? '—',
                },
                {
                  title: '建成日期',
                  dataIndex: 'createdOn',
                  width: 110,
                  render: (v: string | null) => v ?? '—',
                },
                ...(canManage
                  ? [
                      {
                        title: '操作',
                        key: 'actions',
                        fixed: 'right' as const,
                        width: 150,
                        render: (_: unknown, r: StudioView) => (
                          <Space size={0}>
                            {r.status === 'planned' && (
                              <Button type="link" size="small" onClick={() => setMarking(r)}>
                                标记建成
                              </Button>
                            )}
                            <Button type="link" size="small" onClick={() => setTarget(r)}>
                              编辑
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
      </Flex>
      <StudioDrawer target={target} onClose={() => setTarget(null)} />
      <MarkCreatedDialog studio={marking} onClose={() => setMarking(null)} />
    </>
  );
}
