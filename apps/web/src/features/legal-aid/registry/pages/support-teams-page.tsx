import { PlusOutlined } from '@ant-design/icons';
import type { SupportTeamView } from '@zhucheng/contracts';
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
  Select,
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
import { UnitTreeSelect } from '../../../../components/unit-tree-select.tsx';
import { useCan } from '../../../../lib/access.tsx';
import { ApiRequestError, errorMessage } from '../../../../lib/api.ts';
import { useFormError } from '../../../../lib/form-errors.ts';
import { formLayout } from '../../../../lib/form-layout.ts';
import { useDrawerSize, useIsNarrow } from '../../../../lib/responsive.ts';
import { useLawyers, useSaveSupportTeam, useSupportTeams } from '../api/use-registry.ts';

interface TeamValues {
  unitId?: number;
  name: string;
  memberIds?: string[];
  setUpOn?: Dayjs;
  dissolvedOn?: Dayjs | null;
  note?: string;
}

type Target = null | 'new' | SupportTeamView;

function TeamDrawer({ target, onClose }: { target: Target; onClose: () => void }) {
  const [form] = Form.useForm<TeamValues>();
  const formError = useFormError(form);
  const save = useSaveSupportTeam();
  const lawyers = useLawyers();
  const narrow = useIsNarrow();
  const size = useDrawerSize(560);
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
        memberIds: editing.members.map((m) => m.id),
        setUpOn: dayjs(editing.setUpOn),
        dissolvedOn: editing.dissolvedOn ? dayjs(editing.dissolvedOn) : null,
        note: editing.note ?? undefined,
      });
    }
  }, [target, editing, form, formError.clear]);

  const submit = (v: TeamValues) => {
    const body = {
      unitId: v.unitId ?? 0,
      name: v.name.trim(),
      memberIds: v.memberIds ?? [],
      setUpOn: v.setUpOn?.format('YYYY-MM-DD') ?? '',
      dissolvedOn: v.dissolvedOn ? v.dissolvedOn.format('YYYY-MM-DD') : null,
      note: v.note?.trim() || null,
    };
    save.mutate(editing ? { id: editing.id, body: { ...body, version: editing.version } } : { body }, {
      onSuccess: () => {
        message.success('支援队伍已保存');
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
      title={editing ? `修改支援队伍：${editing.name}` : '新建支援队伍'}
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
      <Form<TeamValues> form={form} {...formLayout(narrow)} disabled={save.isPending} onFinish={submit}>
        <Form.Item
          name="unitId"
          label="所属中心"
          rules={[{ required: true, message: '请选择所属法律援助中心' }]}
        >
          <UnitTreeSelect activeOnly placeholder="请选择法律援助中心" />
        </Form.Item>
        <Form.Item name="name" label="队伍名称" rules={[{ required: true, message: '请填写队伍名称' }]}>
          <Input maxLength={60} placeholder="如：农民工讨薪法律援助支援队" />
        </Form.Item>
        <Form.Item name="memberIds" label="队员">
          <Select
            mode="multiple"
            showSearch={{ optionFilterProp: 'label' }}
            loading={lawyers.isPending}
            options={(lawyers.data?.items ?? []).map((l) => ({
              value: l.id,
              label: `${l.name}（${l.lawFirm}）`,
            }))}
            placeholder="从律师库中选择"
            notFoundContent="暂无律师，请先在“律师库”登记"
          />
        </Form.Item>
        <Form.Item name="setUpOn" label="组建日期" rules={[{ required: true, message: '请选择组建日期' }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        {editing && (
          <Form.Item name="dissolvedOn" label="撤销日期">
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        )}
        <Form.Item name="note" label="备注">
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={200} />
        </Form.Item>
        <EnterSubmits />
      </Form>
    </Drawer>
  );
}

export default function SupportTeamsPage() {
  const can = useCan();
  const teams = useSupportTeams();
  const [target, setTarget] = useState<Target>(null);
  const canManage = can('legalAid:manageRegistry');

  return (
    <>
      <PageHeader
        title="支援队伍"
        description="由律师库律师组成的法律援助支援队伍"
        extra={
          canManage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setTarget('new')}>
              新建队伍
            </Button>
          )
        }
      />
      <Card>
        {teams.isError && !teams.data ? (
          <LoadError error={teams.error} retrying={teams.isFetching} onRetry={() => teams.refetch()} />
        ) : (
          <Table<SupportTeamView>
            rowKey="id"
            size="middle"
            loading={teams.isPending}
            dataSource={teams.data?.items ?? []}
            scroll={{ x: 'max-content' }}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            locale={{
              emptyText: (
                <Empty
                  image={Empty.PRESENTED_IMAGE_SIMPLE}
                  description={canManage ? '暂无支援队伍，点击“新建队伍”组建第一支' : '暂无支援队伍'}
                />
              ),
            }}
            columns={[
              { title: '队伍名称', dataIndex: 'name' },
              {
                title: '队员',
                dataIndex: 'members',
                render: (v: SupportTeamView['members']) => (
                  <Typography.Paragraph
                    ellipsis={{ rows: 2, tooltip: true }}
                    style={{ margin: 0, maxWidth: 320 }}
                  >
                    {v.length ? `${v.length} 名：${v.map((m) => m.name).join('、')}` : '—'}
                  </Typography.Paragraph>
                ),
              },
              { title: '组建日期', dataIndex: 'setUpOn' },
              {
                title: '状态',
                key: 'status',
                render: (_: unknown, r) =>
                  r.dissolvedOn ? <Tag>{r.dissolvedOn} 撤销</Tag> : <Tag color="green">在册</Tag>,
              },
              { title: '所属中心', dataIndex: 'unitName' },
              ...(canManage
                ? [
                    {
                      title: '操作',
                      key: 'actions',
                      fixed: 'right' as const,
                      render: (_: unknown, r: SupportTeamView) => (
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
      <TeamDrawer target={target} onClose={() => setTarget(null)} />
    </>
  );
}
