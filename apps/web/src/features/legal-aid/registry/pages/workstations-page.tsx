import { PlusOutlined } from '@ant-design/icons';
import type { StationView } from '@zhucheng/contracts';
import { App, Button, Card, DatePicker, Drawer, Empty, Flex, Form, Input, Table, Tag } from 'antd';
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
import { useSaveStation, useStations } from '../api/use-registry.ts';

interface StationValues {
  unitId?: number;
  name: string;
  hostName: string;
  address?: string;
  openedOn?: Dayjs;
  closedOn?: Dayjs | null;
}

type Target = null | 'new' | StationView;

function StationDrawer({ target, onClose }: { target: Target; onClose: () => void }) {
  const [form] = Form.useForm<StationValues>();
  const formError = useFormError(form);
  const save = useSaveStation();
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
        name: editing.name,
        hostName: editing.hostName,
        address: editing.address ?? undefined,
        openedOn: dayjs(editing.openedOn),
        closedOn: editing.closedOn ? dayjs(editing.closedOn) : null,
      });
    }
  }, [target, editing, form, formError.clear]);

  const submit = (v: StationValues) => {
    const body = {
      unitId: v.unitId ?? 0,
      name: v.name.trim(),
      hostName: v.hostName.trim(),
      address: v.address?.trim() || null,
      openedOn: v.openedOn?.format('YYYY-MM-DD') ?? '',
      closedOn: v.closedOn ? v.closedOn.format('YYYY-MM-DD') : null,
    };
    save.mutate(editing ? { id: editing.id, body: { ...body, version: editing.version } } : { body }, {
      onSuccess: () => {
        message.success('工作站已保存');
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
      title={editing ? `修改工作站：${editing.name}` : '新建工作站'}
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
      <Form<StationValues> form={form} {...formLayout(narrow)} disabled={save.isPending} onFinish={submit}>
        <Form.Item
          name="unitId"
          label="所属中心"
          rules={[{ required: true, message: '请选择所属法律援助中心' }]}
        >
          <UnitTreeSelect activeOnly placeholder="请选择法律援助中心" />
        </Form.Item>
        <Form.Item name="name" label="工作站名称" rules={[{ required: true, message: '请填写工作站名称' }]}>
          <Input maxLength={60} placeholder="如：武警北海支队法律援助工作站" />
        </Form.Item>
        <Form.Item name="hostName" label="设站单位" rules={[{ required: true, message: '请填写设站单位' }]}>
          <Input maxLength={60} placeholder="如：武警北海支队、北海海警局、合浦县人民法院" />
        </Form.Item>
        <Form.Item name="address" label="地址">
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="openedOn" label="设立日期" rules={[{ required: true, message: '请选择设立日期' }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        {editing && (
          <Form.Item name="closedOn" label="撤销日期" extra="工作站撤销后不再接待咨询、安排值班">
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        )}
        <EnterSubmits />
      </Form>
    </Drawer>
  );
}

export default function WorkstationsPage() {
  const can = useCan();
  const stations = useStations();
  const [target, setTarget] = useState<Target>(null);
  const canManage = can('legalAid:manageRegistry');

  return (
    <>
      <PageHeader
        title="工作站"
        description="设在法院、看守所、武警、海警等单位的法律援助工作站"
        extra={
          canManage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setTarget('new')}>
              新建工作站
            </Button>
          )
        }
      />
      <Card>
        {stations.isError && !stations.data ? (
          <LoadError
            error={stations.error}
            retrying={stations.isFetching}
            onRetry={() => stations.refetch()}
          />
        ) : (
          <Table<StationView>
            rowKey="id"
            size="middle"
            loading={stations.isPending}
            dataSource={stations.data?.items ?? []}
            scroll={{ x: 'max-content' }}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            locale={{
              emptyText: (
                <Empty
                  image={Empty.PRESENTED_IMAGE_SIMPLE}
                  description={canManage ? '暂无工作站，点击“新建工作站”登记第一个' : '暂无工作站'}
                />
              ),
            }}
            columns={[
              { title: '工作站', dataIndex: 'name' },
              { title: '设站单位', dataIndex: 'hostName' },
              { title: '地址', dataIndex: 'address', render: (v: string | null) => v ?? '—' },
              { title: '设立日期', dataIndex: 'openedOn' },
              {
                title: '状态',
                key: 'status',
                render: (_: unknown, r) =>
                  r.closedOn ? <Tag>{r.closedOn} 撤销</Tag> : <Tag color="green">运行中</Tag>,
              },
              { title: '所属中心', dataIndex: 'unitName' },
              ...(canManage
                ? [
                    {
                      title: '操作',
                      key: 'actions',
                      fixed: 'right' as const,
                      render: (_: unknown, r: StationView) => (
                        <Button type="link" size="small" onClick={() => setTarget(r)}>
                          修改
                        </Button>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        )}
      </Card>
      <StationDrawer target={target} onClose={() => setTarget(null)} />
    </>
  );
}
