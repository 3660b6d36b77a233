import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { type LawyerView, legalAidDisputeKindLabels, legalAidDisputeKinds } from '@zhucheng/contracts';
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
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { EnterSubmits } from '../../../../components/enter-submits.tsx';
import { FormErrorAlert } from '../../../../components/form-error-alert.tsx';
import { LoadError } from '../../../../components/load-error.tsx';
import { PageHeader } from '../../../../components/page-header.tsx';
import { UnitTreeSelect } from '../../../../components/unit-tree-select.tsx';
import { useCan } from '../../../../lib/access.tsx';
import { ApiRequestError, errorMessage } from '../../../../lib/api.ts';
import { useFormError } from '../../../../lib/form-errors.ts';
import { formLayout } from '../../../../lib/form-layout.ts';
import { useDrawerSize, useIsNarrow } from '../../../../lib/responsive.ts';
import { useLawyerAccounts, useLawyers, useSaveLawyer } from '../api/use-registry.ts';

const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);
const toDay = (s: string | null | undefined) => (s ? dayjs(s) : undefined);

interface LawyerValues {
  unitId?: number;
  name: string;
  staffUserId?: string;
  lawFirm: string;
  licenceNumber: string;
  practiceStartDate?: Dayjs;
  specialties?: string[];
  registeredOn?: Dayjs;
  proBono?: [Dayjs | null, Dayjs | null] | null;
  expertPanel?: boolean;
  unavailable?: { range?: [Dayjs, Dayjs]; reason?: string }[];
  leftOn?: Dayjs | null;
}

const specialtyOptions = legalAidDisputeKinds.map((value) => ({
  value,
  label: legalAidDisputeKindLabels[value],
}));

/** `null`: closed; `'new'`: 登记律师; a lawyer: 编辑. */
type Target = null | 'new' | LawyerView;

function LawyerDrawer({ target, onClose }: { target: Target; onClose: () => void }) {
  const [form] = Form.useForm<LawyerValues>();
  const formError = useFormError(form);
  const save = useSaveLawyer();
  const accounts = useLawyerAccounts(target !== null);
  const narrow = useIsNarrow();
  const size = useDrawerSize(640);
  const { message } = App.useApp();
  const editing = target !== null && target !== 'new' ? target : null;

  useEffect(() => {
    if (target === null) return;
    formError.clear();
    form.resetFields();
    if (editing) {
      form.setFieldsValue({
        unitId: editing.unitId,
        name: editing.name,
        staffUserId: editing.staffUserId ?? undefined,
        lawFirm: editing.lawFirm,
        licenceNumber: editing.licenceNumber,
        practiceStartDate: toDay(editing.practiceStartDate),
        specialties: editing.specialties,
        registeredOn: toDay(editing.registeredOn),
        proBono: editing.proBonoFrom ? [dayjs(editing.proBonoFrom), toDay(editing.proBonoTo) ?? null] : null,
        expertPanel: editing.expertPanel,
        unavailable: editing.unavailable.map((p) => ({
          range: [dayjs(p.from), dayjs(p.to)],
          reason: p.reason,
        })),
        leftOn: toDay(editing.leftOn) ?? null,
      });
    }
  }, [target, editing, form, formError.clear]);

  const submit = (v: LawyerValues) => {
    const body = {
      unitId: v.unitId ?? 0,
      name: v.name.trim(),
      staffUserId: v.staffUserId ?? null,
      lawFirm: v.lawFirm.trim(),
      licenceNumber: v.licenceNumber.trim(),
      practiceStartDate: day(v.practiceStartDate) ?? '',
      specialties: (v.specialties ?? []) as LawyerView['specialties'],
      registeredOn: day(v.registeredOn) ?? '',
      proBonoFrom: day(v.proBono?.[0]),
      proBonoTo: day(v.proBono?.[1]),
      expertPanel: v.expertPanel ?? false,
      unavailable: (v.unavailable ?? [])
        .filter((p) => p.range)
        .map((p) => ({
          from: day(p.range?.[0]) ?? '',
          to: day(p.range?.[1]) ?? '',
          reason: p.reason?.trim() ?? '',
        })),
      leftOn: day(v.leftOn),
    };
    save.mutate(editing ? { id: editing.id, body: { ...body, version: editing.version } } : { body }, {
      onSuccess: (saved) => {
        message.success(editing ? '律师信息已保存' : `已登记律师 ${saved.name}`);
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
    });
  };

  const accountOptions = (accounts.data?.items ?? []).map((a) => ({
    value: a.id,
    label: `${a.displayName}（${a.username}）`,
  }));

  return (
    <Drawer
      open={target !== null}
      title={editing ? `编辑律师：${editing.name}` : '登记律师'}
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
      <Form<LawyerValues>
        form={form}
        {...formLayout(narrow, 112)}
        disabled={save.isPending}
        onFinish={submit}
      >
        <Form.Item
          name="unitId"
          label="所属中心"
          rules={[{ required: true, message: '请选择所属法律援助中心' }]}
        >
          <UnitTreeSelect activeOnly placeholder="请选择法律援助中心" />
        </Form.Item>
        <Form.Item name="name" label="姓名" rules={[{ required: true, message: '请填写姓名' }]}>
          <Input maxLength={30} autoComplete="off" />
        </Form.Item>
        <Form.Item name="lawFirm" label="执业机构" rules={[{ required: true, message: '请填写执业机构' }]}>
          <Input maxLength={100} placeholder="如：广西海合律师事务所" />
        </Form.Item>
        <Form.Item
          name="licenceNumber"
          label="执业证号"
          rules={[
            { required: true, message: '请填写执业证号' },
            { pattern: /^\d{17}$/, message: '执业证号应为 17 位数字' },
          ]}
        >
          <Input inputMode="numeric" maxLength={17} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="practiceStartDate"
          label="执业开始日期"
          extra="用于计算执业年限：可能判处无期徒刑、死刑的案件须指派执业 3 年以上的律师（法律援助法第二十六条）"
          rules={[{ required: true, message: '请选择执业开始日期' }]}
        >
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="registeredOn"
          label="入库日期"
          extra="开始从事法律援助工作的日期（统计新招募律师）"
          rules={[{ required: true, message: '请选择入库日期' }]}
        >
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="specialties" label="擅长领域">
          <Select mode="multiple" options={specialtyOptions} placeholder="可多选" />
        </Form.Item>
        <Form.Item
          name="staffUserId"
          label="关联账号"
          extra="系统管理员建立的律师账号；关联后律师可在平台上办理指派的案件"
        >
          <Select
            allowClear
            loading={accounts.isPending}
            options={accountOptions}
            placeholder="选填"
            notFoundContent="暂无可关联的律师账号"
          />
        </Form.Item>
        <Form.Item name="proBono" label="公益值班岗" extra="在公益律师值班岗的起止日期；仍在岗的结束日期留空">
          <DatePicker.RangePicker allowEmpty={[false, true]} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="expertPanel" label=" " colon={false} valuePropName="checked">
          <Checkbox>入选未成年人案件专家律师库</Checkbox>
        </Form.Item>
        <Form.Item label="不可指派时段" extra="休假、培训、回避等期间，指派时自动跳过">
          <Form.List name="unavailable">
            {(fields, { add, remove }) => (
              <Flex vertical gap={8}>
                {fields.map((field) => (
                  <Flex key={field.key} gap={8} wrap align="start">
                    <Form.Item
                      name={[field.name, 'range']}
                      noStyle
                      rules={[{ required: true, message: '请选择起止日期' }]}
                    >
                      <DatePicker.RangePicker style={{ maxWidth: 260 }} />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'reason']}
                      noStyle
                      rules={[{ required: true, message: '请填写原因' }]}
                    >
                      <Input placeholder="原因" maxLength={100} style={{ width: 140 }} />
                    </Form.Item>
                    <Button
                      type="text"
                      aria-label="删除该时段"
                      icon={<MinusCircleOutlined />}
                      onClick={() => remove(field.name)}
                    />
                  </Flex>
                ))}
                <Button
                  type="dashed"
                  icon={<PlusOutlined />}
                  onClick={() => add()}
                  style={{ alignSelf: 'flex-start' }}
                >
                  添加时段
                </Button>
              </Flex>
            )}
          </Form.List>
        </Form.Item>
        {editing && (
          <Form.Item name="leftOn" label="退出日期" extra="退出律师库后不再参与值班和指派">
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        )}
        <EnterSubmits />
      </Form>
    </Drawer>
  );
}

export default function LawyersPage() {
  const can = useCan();
  const lawyers = useLawyers();
  const [target, setTarget] = useState<Target>(null);
  const [keyword, setKeyword] = useState('');
  const canManage = can('legalAid:manageRegistry');
  const rows = useMemo(() => {
    const all = lawyers.data?.items ?? [];
    const k = keyword.trim();
    return k ? all.filter((l) => l.name.includes(k) || l.lawFirm.includes(k)) : all;
  }, [lawyers.data, keyword]);

  return (
    <>
      <PageHeader
        title="律师库"
        description="从事法律援助工作的律师：执业年限、擅长领域、公益值班岗和不可指派时段"
        extra={
          canManage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setTarget('new')}>
              登记律师
            </Button>
          )
        }
      />
      <Card>
        <Input.Search
          allowClear
          placeholder="按姓名或执业机构查找"
          style={{ maxWidth: 280, marginBottom: 16 }}
          onChange={(e) => setKeyword(e.target.value)}
        />
        {lawyers.isError && !lawyers.data ? (
          <LoadError error={lawyers.error} retrying={lawyers.isFetching} onRetry={() => lawyers.refetch()} />
        ) : (
          <Table<LawyerView>
            rowKey="id"
            size="middle"
            loading={lawyers.isPending}
            dataSource={rows}
            scroll={{ x: 1100 }}
            pagination={{ pageSize: 20, showTotal: (total) => `共 ${total} 名` }}
            locale={{
              emptyText: (
                <Empty
                  image={Empty.PRESENTED_IMAGE_SIMPLE}
                  description={
                    keyword
                      ? '没有符合条件的律师'
                      : canManage
                        ? '暂无律师，点击“登记律师”登记第一名'
                        : '暂无律师'
                  }
                />
              ),
            }}
            columns={[
              {
                title: '姓名',
                dataIndex: 'name',
                width: 120,
                render: (v: string, r) => (
                  <Space size={4} wrap>
                    {v}
                    {r.expertPanel && <Tag color="purple">专家库</Tag>}
                  </Space>
                ),
              },
              {
                title: '执业机构 / 执业证号',
                dataIndex: 'lawFirm',
                width: 260,
                render: (v: string, r) => (
                  <>
                    <div>{v}</div>
                    <Typography.Text type="secondary">{r.licenceNumber}</Typography.Text>
                  </>
                ),
              },
              {
                title: '执业年限',
                dataIndex: 'practiceYears',
                align: 'right',
                render: (v: number) => (
                  <Typography.Text
                    title={v >= 3 ? '可承办可能判处无期徒刑、死刑的案件（第二十六条）' : undefined}
                  >
                    {v} 年
                  </Typography.Text>
                ),
              },
              {
                title: '擅长领域',
                dataIndex: 'specialties',
                width: 200,
                render: (v: LawyerView['specialties']) =>
                  v.length ? v.map((s) => legalAidDisputeKindLabels[s]).join('、') : '—',
              },
              { title: '入库日期', dataIndex: 'registeredOn' },
              {
                title: '公益值班岗',
                key: 'proBono',
                render: (_: unknown, r) =>
                  r.proBonoFrom ? `${r.proBonoFrom} 至 ${r.proBonoTo ?? '今'}` : '—',
              },
              {
                title: '状态',
                key: 'status',
                render: (_: unknown, r) =>
                  r.leftOn ? (
                    <Tag>已退出</Tag>
                  ) : r.availableToday ? (
                    <Tag color="green">可指派</Tag>
                  ) : (
                    <Tag color="orange">暂不可指派</Tag>
                  ),
              },
              { title: '所属中心', dataIndex: 'unitName', width: 140 },
              ...(canManage
                ? [
                    {
                      title: '操作',
                      key: 'actions',
                      fixed: 'right' as const,
                      render: (_: unknown, r: LawyerView) => (
                        <Button type="link" size="small" onClick={() => setTarget(r)}>
                          编辑
                        </Button>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        )}
      </Card>
      <LawyerDrawer target={target} onClose={() => setTarget(null)} />
    </>
  );
}
