import { PlusOutlined } from '@ant-design/icons';
import {
  type CommitteeIndustry,
  type CommitteeKind,
  type CommitteeView,
  committeeIndustries,
  committeeIndustryLabels,
  committeeKindLabels,
  committeeKinds,
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
  Input,
  InputNumber,
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
import {
  type CommitteeFilters,
  newIdempotencyKey,
  useCommitteeParents,
  useCommittees,
  useSaveCommittee,
} from '../api/use-registry.ts';

interface CommitteeValues {
  parentId?: number;
  kind?: CommitteeKind;
  industry?: CommitteeIndustry;
  name: string;
  townCode?: string;
  servedAreas?: string[];
  address?: string;
  latitude?: number | null;
  longitude?: number | null;
  phone?: string;
  establishedOn?: Dayjs | null;
}

const kindOptions = committeeKinds.map((value) => ({ value, label: committeeKindLabels[value] }));
const industryOptions = committeeIndustries.map((value) => ({
  value,
  label: committeeIndustryLabels[value],
}));
const kindColour: Record<CommitteeKind, string> = {
  village: 'green',
  community: 'cyan',
  township: 'blue',
  industry: 'purple',
};

/** `null`: closed; `'new'`: 新设调委会; a committee: 编辑. */
type Target = null | 'new' | CommitteeView;

function CommitteeDrawer({ target, onClose }: { target: Target; onClose: () => void }) {
  const [form] = Form.useForm<CommitteeValues>();
  const formError = useFormError(form);
  const save = useSaveCommittee();
  const parents = useCommitteeParents(target === 'new');
  const narrow = useIsNarrow();
  const size = useDrawerSize(640);
  const { message } = App.useApp();
  const editing = target !== null && target !== 'new' ? target : null;
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);
  const kind = Form.useWatch('kind', form) ?? editing?.kind;

  useEffect(() => {
    if (target === null) return;
    formError.clear();
    form.resetFields();
    setIdempotencyKey(newIdempotencyKey());
    if (editing) {
      form.setFieldsValue({
        name: editing.name,
        industry: editing.industry ?? undefined,
        townCode: editing.townCode ?? undefined,
        servedAreas: editing.servedAreas,
        address: editing.address ?? undefined,
        latitude: editing.latitude,
        longitude: editing.longitude,
        phone: editing.phone ?? undefined,
        establishedOn: editing.establishedOn ? dayjs(editing.establishedOn) : null,
      });
    }
  }, [target, editing, form, formError.clear]);

  const parentOptions = (parents.data?.items ?? [])
    .filter((p) => (kind === 'industry' ? p.kind !== 'justiceOffice' : p.kind === 'justiceOffice'))
    .map((p) => ({ value: p.id, label: p.name }));

  const submit = (v: CommitteeValues) => {
    const profile = {
      name: v.name.trim(),
      industry: (editing?.kind ?? v.kind) === 'industry' ? (v.industry ?? null) : null,
      townCode: v.townCode?.trim() || null,
      servedAreas: v.servedAreas ?? [],
      address: v.address?.trim() || null,
      latitude: v.latitude ?? null,
      longitude: v.longitude ?? null,
      phone: v.phone?.trim() || null,
      establishedOn: v.establishedOn ? v.establishedOn.format('YYYY-MM-DD') : null,
    };
    const request = editing
      ? { id: editing.id, body: { ...profile, version: editing.version } }
      : { body: { ...profile, parentId: v.parentId ?? 0, kind: v.kind ?? 'township' }, idempotencyKey };
    save.mutate(request, {
      onSuccess: (saved) => {
        message.success(editing ? '调委会信息已保存' : `已新设 ${saved.name}`);
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
    });
  };

  return (
    <Drawer
      open={target !== null}
      title={editing ? `编辑调委会：${editing.name}` : '新设调委会'}
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
      <Form<CommitteeValues>
        form={form}
        {...formLayout(narrow, 112)}
        disabled={save.isPending}
        onFinish={submit}
        initialValues={{ kind: 'township' }}
      >
        {editing ? (
          <Form.Item label="类型 / 上级">
            <Typography.Text>
              {committeeKindLabels[editing.kind]} · {editing.parentName}
            </Typography.Text>
          </Form.Item>
        ) : (
          <>
            <Form.Item
              name="kind"
              label="调委会类型"
              rules={[{ required: true, message: '请选择调委会类型' }]}
            >
              <Select options={kindOptions} onChange={() => form.setFieldValue('parentId', undefined)} />
            </Form.Item>
            <Form.Item
              name="parentId"
              label="上级单位"
              extra={
                kind === 'industry'
                  ? '行业性专业性调委会设在县（区）司法局或市司法局下'
                  : '村（居）、社区、乡镇（街道）调委会设在所在乡镇（街道）的司法所下，由司法所指导'
              }
              rules={[{ required: true, message: '请选择上级单位' }]}
            >
              <Select
                showSearch
                optionFilterProp="label"
                loading={parents.isPending}
                options={parentOptions}
                placeholder={kind === 'industry' ? '选择司法局' : '选择司法所'}
                notFoundContent="没有可选的上级单位"
              />
            </Form.Item>
          </>
        )}
        {kind === 'industry' && (
          <Form.Item name="industry" label="行业类别" rules={[{ required: true, message: '请选择行业类别' }]}>
            <Select options={industryOptions} />
          </Form.Item>
        )}
        <Form.Item
          name="name"
          label="调委会名称"
          extra="以“人民调解委员会”结尾，如：北海市海城区中街街道人民调解委员会（案件编号的机关代字由此生成）"
          rules={[
            { required: true, message: '请填写调委会名称' },
            {
              validator: (_, value: string | undefined) =>
                !value || value.trim().endsWith('人民调解委员会')
                  ? Promise.resolve()
                  : Promise.reject(new Error('调委会名称应以“人民调解委员会”结尾')),
            },
          ]}
        >
          <Input maxLength={60} autoComplete="off" />
        </Form.Item>
        {kind !== 'industry' && (
          <Form.Item
            name="townCode"
            label="乡镇（街道）代码"
            extra="12 位统计用区划代码；不填则取上级司法所所在乡镇，纠纷按此就近分派"
            rules={[{ pattern: /^\d{12}$/, message: '乡镇（街道）代码应为 12 位数字' }]}
          >
            <Input inputMode="numeric" maxLength={12} placeholder="选填" />
          </Form.Item>
        )}
        <Form.Item name="servedAreas" label="服务村（社区）" extra="输入后回车，可填多个">
          <Select mode="tags" tokenSeparators={['，', ',', '、']} open={false} placeholder="如：外沙社区" />
        </Form.Item>
        <Form.Item name="address" label="办公地址">
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item label="坐标" extra="WGS-84 经纬度，用于“就近分派”；经度和纬度应同时填写">
          <Space wrap>
            <Form.Item name="latitude" noStyle>
              <InputNumber
                min={3}
                max={54}
                step={0.0001}
                precision={6}
                placeholder="纬度 如 21.4821"
                style={{ width: 170 }}
              />
            </Form.Item>
            <Form.Item name="longitude" noStyle>
              <InputNumber
                min={73}
                max={136}
                step={0.0001}
                precision={6}
                placeholder="经度 如 109.1183"
                style={{ width: 170 }}
              />
            </Form.Item>
          </Space>
        </Form.Item>
        <Form.Item
          name="phone"
          label="办公电话"
          rules={[
            {
              pattern: /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}|\d{7,8})$/,
              message: '请填写带区号的固定电话（如 0779-1234567）或手机号码',
            },
          ]}
        >
          <Input maxLength={20} placeholder="如 0779-3022188" />
        </Form.Item>
        <Form.Item name="establishedOn" label="成立日期">
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <EnterSubmits />
      </Form>
    </Drawer>
  );
}

export default function CommitteesPage() {
  const can = useCan();
  const canManage = can('mediation:manageRegistry');
  const [filters, setFilters] = useState<CommitteeFilters>({});
  const committees = useCommittees(filters);
  const everything = useCommittees({});
  const [target, setTarget] = useState<Target>(null);
  const set = (patch: Partial<CommitteeFilters>) => setFilters((f) => ({ ...f, ...patch }));
  const filtered = Object.values(filters).some((v) => v !== undefined && v !== '');

  const townOptions = useMemo(() => {
    const towns = new Map<string, string>();
    for (const c of everything.data?.items ?? [])
      if (c.townCode) towns.set(c.townCode, c.townName ?? c.townCode);
    return [...towns].sort(([a], [b]) => a.localeCompare(b)).map(([value, label]) => ({ value, label }));
  }, [everything.data]);

  return (
    <>
      <PageHeader
        title="调委会"
        description="人民调解委员会：村（居）、社区、乡镇（街道）和行业性专业性调委会，调解员人数与在办纠纷"
        extra={
          canManage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setTarget('new')}>
              新设调委会
            </Button>
          )
        }
      />
      <Card>
        <Flex wrap gap={12} style={{ marginBottom: 16 }}>
          <Select
            allowClear
            placeholder="调委会类型"
            options={kindOptions}
            style={{ width: 220 }}
            onChange={(kind?: string) => set({ kind })}
          />
          <Select
            allowClear
            placeholder="行业类别"
            options={industryOptions}
            style={{ width: 150 }}
            onChange={(industry?: string) => set({ industry })}
          />
          {can('org:read') && (
            <div style={{ width: 220 }}>
              <UnitTreeSelect
                allowClear
                placeholder="所属县（区）、司法所"
                onChange={(countyId) => set({ countyId })}
              />
            </div>
          )}
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            placeholder="乡镇（街道）"
            options={townOptions}
            style={{ width: 160 }}
            onChange={(townCode?: string) => set({ townCode })}
          />
          <Input.Search
            allowClear
            placeholder="按名称查找"
            style={{ maxWidth: 240 }}
            onSearch={(name) => set({ name: name.trim() || undefined })}
          />
        </Flex>
        {committees.isError && !committees.data ? (
          <LoadError
            error={committees.error}
            retrying={committees.isFetching}
            onRetry={() => committees.refetch()}
          />
        ) : (
          <Table<CommitteeView>
            rowKey="id"
            size="middle"
            loading={committees.isFetching && !committees.data}
            dataSource={committees.data?.items ?? []}
            scroll={{ x: 1100 }}
            pagination={{ pageSize: 20, showTotal: (total) => `共 ${total} 个` }}
            locale={{
              emptyText: (
                <Empty
                  image={Empty.PRESENTED_IMAGE_SIMPLE}
                  description={
                    filtered
                      ? '没有符合条件的调委会'
                      : canManage
                        ? '暂无调委会，点击“新设调委会”登记第一个'
                        : '暂无调委会'
                  }
                />
              ),
            }}
            columns={[
              {
                title: '名称',
                dataIndex: 'name',
                width: 280,
                render: (v: string, r) => (
                  <Space orientation="vertical" size={0}>
                    <span style={{ wordBreak: 'break-all' }}>{v}</span>
                    {r.status === 'disabled' && <Tag>已停用</Tag>}
                  </Space>
                ),
              },
              {
                title: '类型',
                dataIndex: 'kind',
                width: 150,
                render: (v: CommitteeKind, r) => (
                  <Tag color={kindColour[v]}>
                    {v === 'industry' && r.industry
                      ? committeeIndustryLabels[r.industry]
                      : committeeKindLabels[v].replace('人民调解委员会', '')}
                  </Tag>
                ),
              },
              { title: '上级单位', dataIndex: 'parentName', width: 160 },
              {
                title: '乡镇（街道）',
                dataIndex: 'townName',
                width: 120,
                render: (v: string | null, r) => v ?? r.townCode ?? '—',
              },
              {
                title: '调解员',
                dataIndex: 'mediatorCount',
                align: 'right',
                width: 80,
                render: (v: number) => `${v} 名`,
              },
              {
                title: '在办纠纷',
                dataIndex: 'openDisputes',
                align: 'right',
                width: 90,
                render: (v: number) => `${v} 件`,
              },
              {
                title: '本年调解成功',
                dataIndex: 'settledThisYear',
                align: 'right',
                width: 110,
                render: (v: number) => `${v} 件`,
              },
              { title: '办公电话', dataIndex: 'phone', width: 130, render: (v: string | null) => v ?? '—' },
              ...(canManage
                ? [
                    {
                      title: '操作',
                      key: 'actions',
                      fixed: 'right' as const,
                      width: 80,
                      render: (_: unknown, r: CommitteeView) => (
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
      <CommitteeDrawer target={target} onClose={() => setTarget(null)} />
    </>
  );
}
