import { PlusOutlined } from '@ant-design/icons';
import type { DutyEntryView } from '@zhucheng/contracts';
import { App, Button, Card, DatePicker, Drawer, Empty, Flex, Form, Input, Select, Space, Table } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
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
  useDeleteDutyEntry,
  useDutyEntries,
  useLawyers,
  useSaveDutyEntry,
  useStations,
} from '../api/use-registry.ts';

interface DutyValues {
  unitId?: number;
  lawyerId?: string;
  stationId?: string;
  place?: string;
  range?: [Dayjs, Dayjs];
}

type Target = null | 'new' | DutyEntryView;

function DutyDrawer({ target, onClose }: { target: Target; onClose: () => void }) {
  const [form] = Form.useForm<DutyValues>();
  const formError = useFormError(form);
  const save = useSaveDutyEntry();
  const lawyers = useLawyers();
  const stations = useStations();
  const narrow = useIsNarrow();
  const size = useDrawerSize(520);
  const { message } = App.useApp();
  const editing = target !== null && target !== 'new' ? target : null;

  useEffect(() => {
    if (target === null) return;
    formError.clear();
    form.resetFields();
    if (editing) {
      form.setFieldsValue({
        unitId: editing.unitId,
        lawyerId: editing.lawyerId,
        stationId: editing.stationId ?? undefined,
        place: editing.place ?? undefined,
        range: [dayjs(editing.from), dayjs(editing.to)],
      });
    }
  }, [target, editing, form, formError.clear]);

  const submit = (v: DutyValues) => {
    const body = {
      unitId: v.unitId ?? 0,
      lawyerId: v.lawyerId ?? '',
      stationId: v.stationId ?? null,
      place: v.place?.trim() || null,
      from: v.range?.[0].format('YYYY-MM-DD') ?? '',
      to: v.range?.[1].format('YYYY-MM-DD') ?? '',
    };
    save.mutate(editing ? { id: editing.id, body: { ...body, version: editing.version } } : { body }, {
      onSuccess: () => {
        message.success('值班安排已保存');
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

  return (
    <Drawer
      open={target !== null}
      title={editing ? '修改值班安排' : '新增值班安排'}
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
      <Form<DutyValues> form={form} {...formLayout(narrow)} disabled={save.isPending} onFinish={submit}>
        <Form.Item
          name="unitId"
          label="安排单位"
          rules={[{ required: true, message: '请选择安排值班的法律援助中心' }]}
        >
          <UnitTreeSelect activeOnly placeholder="请选择法律援助中心" />
        </Form.Item>
        <Form.Item name="lawyerId" label="值班律师" rules={[{ required: true, message: '请选择值班律师' }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={lawyers.isPending}
            options={(lawyers.data?.items ?? [])
              .filter((l) => !l.leftOn)
              .map((l) => ({ value: l.id, label: `${l.name}（${l.lawFirm}）` }))}
            notFoundContent="暂无律师，请先在“律师库”登记"
          />
        </Form.Item>
        <Form.Item name="stationId" label="工作站" extra="在工作站值班时选择；否则填写下方值班地点">
          <Select
            allowClear
            loading={stations.isPending}
            options={(stations.data?.items ?? [])
              .filter((s) => !s.closedOn)
              .map((s) => ({ value: s.id, label: s.name }))}
          />
        </Form.Item>
        <Form.Item name="place" label="值班地点">
          <Input maxLength={60} placeholder="如：合浦县人民法院、北海市看守所" />
        </Form.Item>
        <Form.Item name="range" label="值班日期" rules={[{ required: true, message: '请选择值班起止日期' }]}>
          <DatePicker.RangePicker style={{ width: '100%' }} />
        </Form.Item>
        <EnterSubmits />
      </Form>
    </Drawer>
  );
}

export default function DutyRosterPage() {
  const can = useCan();
  const { modal, message } = App.useApp();
  const [on, setOn] = useState<Dayjs | null>(null);
  const entries = useDutyEntries(on?.format('YYYY-MM-DD'));
  const remove = useDeleteDutyEntry();
  const [target, setTarget] = useState<Target>(null);
  const canManage = can('legalAid:manageRegistry');

  const confirmDelete = (entry: DutyEntryView) =>
    modal.confirm({
      title: `删除 ${entry.lawyerName} 的这段值班安排？`,
      content: `${entry.from} 至 ${entry.to}；删除后不再计入值班律师人数。`,
      okText: '删除',
      okButtonProps: { danger: true },
      onOk: () =>
        remove
          .mutateAsync(entry)
          .then(() => message.success('已删除'))
          .catch((error: unknown) => message.error(errorMessage(error))),
    });

  return (
    <>
      <PageHeader
        title="值班安排"
        description="值班律师在工作站、法院、看守所的值班日期"
        extra={
          canManage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setTarget('new')}>
              新增值班
            </Button>
          )
        }
      />
      <Card>
        <Flex wrap gap={8} align="center" style={{ marginBottom: 16 }}>
          <DatePicker value={on} onChange={setOn} placeholder="查看某一天的值班" />
        </Flex>
        {entries.isError && !entries.data ? (
          <LoadError error={entries.error} retrying={entries.isFetching} onRetry={() => entries.refetch()} />
        ) : (
          <Table<DutyEntryView>
            rowKey="id"
            size="middle"
            loading={entries.isPending}
            dataSource={entries.data?.items ?? []}
            scroll={{ x: 'max-content' }}
            pagination={{ pageSize: 20, showTotal: (total) => `共 ${total} 段` }}
            locale={{
              emptyText: (
                <Empty
                  image={Empty.PRESENTED_IMAGE_SIMPLE}
                  description={
                    on
                      ? '当天没有值班安排'
                      : canManage
                        ? '暂无值班安排，点击“新增值班”安排第一段'
                        : '暂无值班安排'
                  }
                />
              ),
            }}
            columns={[
              { title: '值班律师', dataIndex: 'lawyerName' },
              {
                title: '地点',
                key: 'place',
                render: (_: unknown, r) => [r.stationName, r.place].filter(Boolean).join('，') || '—',
              },
              { title: '开始日期', dataIndex: 'from' },
              { title: '结束日期', dataIndex: 'to' },
              { title: '安排单位', dataIndex: 'unitName' },
              ...(canManage
                ? [
                    {
                      title: '操作',
                      key: 'actions',
                      fixed: 'right' as const,
                      render: (_: unknown, r: DutyEntryView) => (
                        <Space size={4}>
                          <Button type="link" size="small" onClick={() => setTarget(r)}>
                            修改
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
      <DutyDrawer target={target} onClose={() => setTarget(null)} />
    </>
  );
}
