import { PlusOutlined } from '@ant-design/icons';
import {
  type DisputeKind,
  disputeKindLabels,
  disputeKinds,
  type MediatorEmployment,
  type MediatorStatus,
  type MediatorView,
  mediatorEmploymentLabels,
  mediatorEmployments,
  mediatorStatuses,
  mediatorStatusLabels,
} from '@zhucheng/contracts';
import {
  App,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Drawer,
  Empty,
  Flex,
  Form,
  Input,
  Radio,
  Select,
  Space,
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
  type MediatorFilters,
  newIdempotencyKey,
  useCommittees,
  useMediatorAccounts,
  useMediators,
  useSaveMediator,
} from '../api/use-registry.ts';
import { MediatorPhone } from '../components/mediator-phone.tsx';
import { TrainingDrawer } from '../components/training-drawer.tsx';

interface MediatorValues {
  unitId?: number;
  name: string;
  gender?: 'male' | 'female';
  phone?: string;
  employment?: MediatorEmployment;
  specialties?: DisputeKind[];
  position?: string;
  joinedOn?: Dayjs | null;
  staffUserId?: string;
  status?: MediatorStatus;
  leftOn?: Dayjs | null;
}

const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);
const specialtyOptions = disputeKinds.map((value) => ({ value, label: disputeKindLabels[value] }));
const positionOptions = ['主任', '副主任', '委员', '调解员'].map((value) => ({ value }));
const thisYear = dayjs().year();
const yearOptions = Array.from({ length: 6 }, (_, i) => thisYear - i).map((y) => ({
  value: y,
  label: `${y} 年`,
}));

type Target = null | 'new' | MediatorView;

function MediatorDrawer({ target, onClose }: { target: Target; onClose: () => void }) {
  const [form] = Form.useForm<MediatorValues>();
  const formError = useFormError(form);
  const save = useSaveMediator();
  const committees = useCommittees({});
  const accounts = useMediatorAccounts(target !== null);
  const narrow = useIsNarrow();
  const size = useDrawerSize(640);
  const { message } = App.useApp();
  const editing = target !== null && target !== 'new' ? target : null;
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);
  const status = Form.useWatch('status', form);

  useEffect(() => {
    if (target === null) return;
    formError.clear();
    form.resetFields();
    setIdempotencyKey(newIdempotencyKey());
    if (editing) {
      form.setFieldsValue({
        unitId: editing.unitId,
        name: editing.name,
        gender: editing.gender ?? undefined,
        employment: editing.employment,
        specialties: editing.specialties,
        position: editing.position ?? undefined,
        joinedOn: editing.joinedOn ? dayjs(editing.joinedOn) : null,
        staffUserId: editing.staffUserId ?? undefined,
        status: editing.status,
        leftOn: editing.leftOn ? dayjs(editing.leftOn) : null,
      });
    }
  }, [target, editing, form, formError.clear]);

  const submit = (v: MediatorValues) => {
    const body = {
      unitId: v.unitId ?? 0,
      name: v.name.trim(),
      gender: v.gender ?? null,
      employment: v.employment ?? 'partTime',
      specialties: v.specialties ?? [],
      position: v.position?.trim() || null,
      joinedOn: day(v.joinedOn),
      staffUserId: v.staffUserId ?? null,
      status: v.status ?? 'active',
      leftOn: v.status === 'left' ? day(v.leftOn) : null,
      // Editing: an empty field keeps the stored number (it is never sent back to the browser).
      ...(v.phone?.trim() ? { phone: v.phone.trim() } : editing ? {} : { phone: null }),
    };
    save.mutate(
      editing ? { id: editing.id, body: { ...body, version: editing.version } } : { body, idempotencyKey },
      {
        onSuccess: (saved) => {
          message.success(editing ? '调解员信息已保存' : `已登记调解员 ${saved.name}`);
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
  };

  const accountOptions = [
    ...(editing?.staffUserId
      ? [{ value: editing.staffUserId, label: editing.staffUsername ?? '当前关联账号' }]
      : []),
    ...(accounts.data?.items ?? []).map((a) => ({ value: a.id, label: `${a.displayName}（${a.username}）` })),
  ];

  return (
    <Drawer
      open={target !== null}
      title={editing ? `编辑调解员：${editing.name}` : '登记调解员'}
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
      <Form<MediatorValues>
        form={form}
        {...formLayout(narrow, 112)}
        disabled={save.isPending}
        onFinish={submit}
        initialValues={{ employment: 'partTime', status: 'active' }}
      >
        <Form.Item name="unitId" label="所在调委会" rules={[{ required: true, message: '请选择所在调委会' }]}>
          <Select
            showSearch
            optionFilterProp="label"
            loading={committees.isPending}
            options={(committees.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
            placeholder="请选择调委会"
          />
        </Form.Item>
        <Form.Item name="name" label="姓名" rules={[{ required: true, message: '请填写姓名' }]}>
          <Input maxLength={30} autoComplete="off" />
        </Form.Item>
        <Form.Item name="gender" label="性别">
          <Radio.Group
            options={[
              { value: 'male', label: '男' },
              { value: 'female', label: '女' },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="phone"
          label="联系电话"
          extra={
            editing?.phoneMasked ? `现为 ${editing.phoneMasked}；不修改请留空` : '加密保存，列表中脱敏显示'
          }
        >
          <Input maxLength={20} inputMode="tel" autoComplete="off" placeholder="手机号码或带区号的固定电话" />
        </Form.Item>
        <Form.Item name="employment" label="专兼职" rules={[{ required: true, message: '请选择专职或兼职' }]}>
          <Radio.Group
            options={mediatorEmployments.map((value) => ({ value, label: mediatorEmploymentLabels[value] }))}
          />
        </Form.Item>
        <Form.Item name="position" label="职务">
          <Select options={positionOptions} allowClear placeholder="主任、副主任、委员或调解员" />
        </Form.Item>
        <Form.Item name="specialties" label="擅长纠纷类型">
          <Select mode="multiple" options={specialtyOptions} placeholder="可多选" />
        </Form.Item>
        <Form.Item name="joinedOn" label="聘任日期">
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="staffUserId"
          label="关联账号"
          extra="系统管理员建立的“人民调解员”或“调委会工作人员”账号；关联后该账号在其承办的纠纷中作为调解员"
        >
          <Select
            allowClear
            loading={accounts.isPending}
            options={accountOptions}
            placeholder="选填"
            notFoundContent="暂无可关联的账号"
          />
        </Form.Item>
        {editing && (
          <>
            <Form.Item name="status" label="状态">
              <Radio.Group
                options={mediatorStatuses.map((value) => ({ value, label: mediatorStatusLabels[value] }))}
              />
            </Form.Item>
            {status === 'left' && (
              <Form.Item
                name="leftOn"
                label="离任日期"
                rules={[{ required: true, message: '请选择离任日期' }]}
              >
                <DatePicker style={{ width: '100%' }} />
              </Form.Item>
            )}
          </>
        )}
        <EnterSubmits />
      </Form>
    </Drawer>
  );
}

export default function MediatorsPage() {
  const can = useCan();
  const canManage = can('mediation:manageRegistry');
  const [filters, setFilters] = useState<MediatorFilters>({});
  const mediators = useMediators(filters);
  const committees = useCommittees({});
  const [target, setTarget] = useState<Target>(null);
  const [training, setTraining] = useState<MediatorView | null>(null);
  const set = (patch: Partial<MediatorFilters>) => setFilters((f) => ({ ...f, ...patch }));
  const filtered = Object.entries(filters).some(
    ([k, v]) => k !== 'trainingYear' && v !== undefined && v !== '',
  );
  const year = filters.trainingYear ?? thisYear;
  const months = mediators.data?.trainingWindowMonths ?? 12;
  // The open drawer follows the list after a training is added.
  const trainingView = training
    ? (mediators.data?.items.find((m) => m.id === training.id) ?? training)
    : null;

  return (
    <>
      <PageHeader
        title="调解员"
        description={`专兼职人民调解员、擅长纠纷类型与培训学时；近 ${months} 个月未参加培训的标为“需培训”（人民调解法第十四条）`}
        extra={
          canManage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setTarget('new')}>
              登记调解员
            </Button>
          )
        }
      />
      <Card>
        <Flex wrap gap={12} align="center" style={{ marginBottom: 16 }}>
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            placeholder="调委会"
            options={(committees.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
            style={{ width: 280 }}
            onChange={(unitId?: number) => set({ unitId })}
          />
          <Select
            allowClear
            placeholder="专兼职"
            options={mediatorEmployments.map((value) => ({ value, label: mediatorEmploymentLabels[value] }))}
            style={{ width: 110 }}
            onChange={(employment?: string) => set({ employment })}
          />
          <Select
            allowClear
            placeholder="状态"
            options={mediatorStatuses.map((value) => ({ value, label: mediatorStatusLabels[value] }))}
            style={{ width: 110 }}
            onChange={(status?: string) => set({ status })}
          />
          <Select
            value={year}
            options={yearOptions}
            style={{ width: 130 }}
            aria-label="培训学时年度"
            onChange={(trainingYear: number) => set({ trainingYear })}
            prefix="学时"
          />
          <Checkbox onChange={(e) => set({ needsTraining: e.target.checked || undefined })}>
            只看需培训
          </Checkbox>
          <DatePicker
            allowClear
            placeholder="判断日期（默认今天）"
            aria-label="需培训的判断日期"
            style={{ width: 180 }}
            onChange={(d: Dayjs | null) => set({ asOf: d ? d.format('YYYY-MM-DD') : undefined })}
          />
          <Input.Search
            allowClear
            placeholder="按姓名查找"
            style={{ maxWidth: 200 }}
            onSearch={(name) => set({ name: name.trim() || undefined })}
          />
        </Flex>
        {mediators.isError && !mediators.data ? (
          <LoadError
            error={mediators.error}
            retrying={mediators.isFetching}
            onRetry={() => mediators.refetch()}
          />
        ) : (
          <Table<MediatorView>
            rowKey="id"
            size="middle"
            loading={mediators.isFetching && !mediators.data}
            dataSource={mediators.data?.items ?? []}
            scroll={{ x: 1200 }}
            pagination={{ pageSize: 20, showTotal: (total) => `共 ${total} 名` }}
            locale={{
              emptyText: (
                <Empty
                  image={Empty.PRESENTED_IMAGE_SIMPLE}
                  description={
                    filtered
                      ? filters.needsTraining
                        ? '没有需要培训的调解员'
                        : '没有符合条件的调解员'
                      : canManage
                        ? '暂无调解员，点击“登记调解员”登记第一名'
                        : '暂无调解员'
                  }
                />
              ),
            }}
            columns={[
              {
                title: '姓名',
                dataIndex: 'name',
                width: 110,
                render: (v: string, r) => (
                  <Space size={4} wrap>
                    {v}
                    {r.gender && (
                      <Typography.Text type="secondary">{r.gender === 'male' ? '男' : '女'}</Typography.Text>
                    )}
                  </Space>
                ),
              },
              {
                title: '调委会',
                dataIndex: 'unitName',
                width: 200,
                render: (v: string) => <span style={{ wordBreak: 'break-all' }}>{v}</span>,
              },
              { title: '职务', dataIndex: 'position', width: 80, render: (v: string | null) => v ?? '—' },
              {
                title: '专兼职',
                dataIndex: 'employment',
                width: 80,
                render: (v: MediatorEmployment) => (
                  <Tag color={v === 'fullTime' ? 'blue' : undefined}>{mediatorEmploymentLabels[v]}</Tag>
                ),
              },
              {
                title: '擅长纠纷类型',
                dataIndex: 'specialties',
                width: 160,
                render: (v: DisputeKind[]) =>
                  v.length ? v.map((k) => disputeKindLabels[k]).join('、') : '—',
              },
              {
                title: '联系电话',
                key: 'phone',
                width: 150,
                render: (_: unknown, r) => <MediatorPhone mediator={r} />,
              },
              {
                title: `${year} 年学时`,
                dataIndex: 'trainingHours',
                align: 'right',
                width: 100,
                render: (v: number) => `${v} 学时`,
              },
              {
                title: '最近培训',
                dataIndex: 'lastTrainedOn',
                width: 110,
                render: (v: string | null) => v ?? '—',
              },
              {
                title: '状态',
                key: 'status',
                width: 120,
                render: (_: unknown, r) => (
                  <Space size={4} wrap>
                    {r.status === 'left' ? <Tag>已离任</Tag> : <Tag color="green">在任</Tag>}
                    {r.needsTraining && <Tag color="orange">需培训</Tag>}
                  </Space>
                ),
              },
              {
                title: '操作',
                key: 'actions',
                fixed: 'right' as const,
                width: 140,
                render: (_: unknown, r: MediatorView) => (
                  <Space size={0}>
                    <Button type="link" size="small" onClick={() => setTraining(r)}>
                      培训记录
                    </Button>
                    {canManage && (
                      <Button type="link" size="small" onClick={() => setTarget(r)}>
                        编辑
                      </Button>
                    )}
                  </Space>
                ),
              },
            ]}
          />
        )}
      </Card>
      <MediatorDrawer target={target} onClose={() => setTarget(null)} />
      <TrainingDrawer mediator={trainingView} onClose={() => setTraining(null)} />
    </>
  );
}
