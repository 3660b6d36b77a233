import { PlusOutlined } from '@ant-design/icons';
import { type GearType, gearTypeLabels, gearTypes, type VesselView } from '@zhucheng/contracts';
import { App, Button, Card, Drawer, Empty, Flex, Form, Input, InputNumber, Select, Table, Tag } from 'antd';
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
import { newIdempotencyKey, useSaveVessel, useVessels } from '../api/use-vessels.ts';

interface VesselValues {
  name: string;
  registrationNo: string;
  homePort: string;
  gearType: GearType;
  ownerName: string;
  lengthM?: number | null;
  tonnage?: number | null;
  terminalId?: string;
  note?: string;
}

type Target = null | 'new' | VesselView;
const gearOptions = gearTypes.map((g) => ({ value: g, label: gearTypeLabels[g] }));

function VesselDrawer({ target, onClose }: { target: Target; onClose: () => void }) {
  const [form] = Form.useForm<VesselValues>();
  const formError = useFormError(form);
  const save = useSaveVessel();
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
        registrationNo: editing.registrationNo,
        homePort: editing.homePort,
        gearType: editing.gearType,
        ownerName: editing.ownerName,
        lengthM: editing.lengthM,
        tonnage: editing.tonnage,
        terminalId: editing.terminalId ?? undefined,
        note: editing.note ?? undefined,
      });
    }
  }, [target, editing, form, formError.clear]);

  const submit = (v: VesselValues) => {
    const body = {
      name: v.name.trim(),
      registrationNo: v.registrationNo.trim(),
      homePort: v.homePort.trim(),
      gearType: v.gearType,
      ownerName: v.ownerName.trim(),
      lengthM: v.lengthM ?? null,
      tonnage: v.tonnage ?? null,
      terminalId: v.terminalId?.trim() || null,
      note: v.note?.trim() || null,
    };
    save.mutate(
      editing ? { id: editing.id, body: { ...body, version: editing.version } } : { body, idempotencyKey },
      {
        onSuccess: (saved) => {
          message.success(editing ? '船舶信息已保存' : `已登记船舶：${saved.name}`);
          onClose();
        },
        onError: (error) => {
          if (editing && error instanceof ApiRequestError && error.status === 409) {
            message.error(errorMessage(error));
            return;
          }
          formError.report(error);
        },
      },
    );
  };

  return (
    <Drawer
      open={target !== null}
      title={editing ? `编辑船舶：${editing.name}` : '登记船舶'}
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
      <Form<VesselValues>
        form={form}
        {...formLayout(narrow, 112)}
        disabled={save.isPending}
        onFinish={submit}
      >
        <Form.Item name="name" label="船名" rules={[{ required: true, message: '请填写船名' }]}>
          <Input maxLength={60} placeholder="如：桂北渔60123" />
        </Form.Item>
        <Form.Item
          name="registrationNo"
          label="船舶登记号"
          rules={[{ required: true, message: '请填写船舶登记号' }]}
          extra="以船舶国籍证书为准，全市唯一"
        >
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="homePort" label="船籍港" rules={[{ required: true, message: '请填写船籍港' }]}>
          <Input maxLength={60} placeholder="如：北海港" />
        </Form.Item>
        <Form.Item name="gearType" label="作业类型" rules={[{ required: true, message: '请选择作业类型' }]}>
          <Select options={gearOptions} placeholder="休渔期豁免按作业类型判断" />
        </Form.Item>
        <Form.Item
          name="ownerName"
          label="船舶所有人"
          rules={[{ required: true, message: '请填写船舶所有人' }]}
        >
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="lengthM" label="船长（米）">
          <InputNumber min={0.1} max={500} step={0.1} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="tonnage" label="总吨位">
          <InputNumber min={0.1} max={100000} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="terminalId"
          label="卫星终端编号"
          extra="船上北斗/卫星通信终端的编号，用于船舶定位对接"
        >
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="note" label="备注">
          <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 5 }} />
        </Form.Item>
        <EnterSubmits />
      </Form>
    </Drawer>
  );
}

/** 船舶: the office's vessels (list, search, register, edit). */
export default function VesselsPage() {
  const can = useCan();
  const canManage = can('corrections:supervise');
  const [q, setQ] = useState('');
  const [gearType, setGearType] = useState<GearType | undefined>();
  const [page, setPage] = useState(1);
  const vessels = useVessels({ page, pageSize: 20, ...(q ? { q } : {}), ...(gearType ? { gearType } : {}) });
  const [target, setTarget] = useState<Target>(null);

  return (
    <>
      <PageHeader
        title="船舶"
        description="涉海涉渔社区矫正对象所在船舶：登记号、作业类型、卫星终端编号"
        extra={
          canManage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setTarget('new')}>
              登记船舶
            </Button>
          )
        }
      />
      <Card>
        <Flex wrap gap={12} style={{ marginBottom: 16 }}>
          <Input.Search
            allowClear
            placeholder="船名、登记号或船舶所有人"
            style={{ width: 280 }}
            onSearch={(v) => {
              setQ(v.trim());
              setPage(1);
            }}
          />
          <Select
            allowClear
            placeholder="作业类型"
            style={{ width: 160 }}
            options={gearOptions}
            value={gearType}
            onChange={(v) => {
              setGearType(v);
              setPage(1);
            }}
          />
        </Flex>
        {vessels.isError && !vessels.data ? (
          <LoadError error={vessels.error} retrying={vessels.isFetching} onRetry={() => vessels.refetch()} />
        ) : (
          <Table<VesselView>
            rowKey="id"
            size="middle"
            loading={vessels.isFetching && !vessels.data}
            dataSource={vessels.data?.items ?? []}
            scroll={{ x: 1000 }}
            pagination={{
              current: page,
              pageSize: 20,
              total: vessels.data?.total ?? 0,
              onChange: setPage,
              showTotal: (total) => `共 ${total} 艘`,
            }}
            locale={{
              emptyText: (
                <Empty
                  image={Empty.PRESENTED_IMAGE_SIMPLE}
                  description={
                    q || gearType
                      ? '没有符合条件的船舶'
                      : canManage
                        ? '暂无船舶，点击“登记船舶”登记第一艘'
                        : '暂无船舶'
                  }
                />
              ),
            }}
            columns={[
              { title: '船名', dataIndex: 'name', width: 140 },
              {
                title: '船舶登记号',
                dataIndex: 'registrationNo',
                width: 220,
                render: (v: string) => <span style={{ wordBreak: 'break-all' }}>{v}</span>,
              },
              { title: '船籍港', dataIndex: 'homePort', width: 110 },
              {
                title: '作业类型',
                dataIndex: 'gearType',
                width: 100,
                render: (v: GearType) => <Tag>{gearTypeLabels[v]}</Tag>,
              },
              { title: '船舶所有人', dataIndex: 'ownerName', width: 110 },
              {
                title: '卫星终端',
                dataIndex: 'terminalId',
                width: 140,
                render: (v: string | null) => v ?? <Tag color="orange">未登记</Tag>,
              },
              {
                title: '在船对象',
                dataIndex: 'aboardNow',
                width: 90,
                align: 'right',
                render: (n: number) => `${n} 人`,
              },
              { title: '登记单位', key: 'unit', width: 160, render: (_: unknown, r) => r.unit.name },
              ...(canManage
                ? [
                    {
                      title: '操作',
                      key: 'actions',
                      fixed: 'right' as const,
                      width: 80,
                      render: (_: unknown, r: VesselView) => (
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
      <VesselDrawer target={target} onClose={() => setTarget(null)} />
    </>
  );
}
