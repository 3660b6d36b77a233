import { DeleteOutlined, UserAddOutlined } from '@ant-design/icons';
import { type CaseDetail, type CaseParticipant, caseParticipantRoleLabels } from '@zhucheng/contracts';
import { App, Button, Empty, Flex, Form, Modal, Popconfirm, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useCan } from '../../lib/access.tsx';
import { errorMessage } from '../../lib/api.ts';
import { useFormError } from '../../lib/form-errors.ts';
import { formLayout } from '../../lib/form-layout.ts';
import { formatDate } from '../../lib/format.ts';
import { useIsNarrow } from '../../lib/responsive.ts';
import { FormErrorAlert } from '../form-error-alert.tsx';
import { useAddParticipant, useRemoveParticipant, useStaffSearch } from './case-api.ts';

const assignableRoles = (['handler', 'assistant'] as const).map((role) => ({
  value: role,
  label: caseParticipantRoleLabels[role] ?? role,
}));

interface AssignValues {
  accountId: string;
  role: 'handler' | 'assistant';
}

function AssignDialog({ caseId, open, onClose }: { caseId: string; open: boolean; onClose: () => void }) {
  const narrow = useIsNarrow();
  const { message } = App.useApp();
  const [form] = Form.useForm<AssignValues>();
  const [keyword, setKeyword] = useState('');
  const staff = useStaffSearch(keyword, open);
  const add = useAddParticipant(caseId);
  const error = useFormError(form);
  const close = () => {
    error.clear();
    setKeyword('');
    onClose();
  };
  return (
    <Modal
      open={open}
      title="指定承办人"
      okText="指定"
      cancelText="取消"
      onOk={() => form.submit()}
      onCancel={close}
      confirmLoading={add.isPending}
      destroyOnHidden
    >
      <FormErrorAlert message={error.message} />
      <Form<AssignValues>
        form={form}
        {...formLayout(narrow)}
        preserve={false}
        initialValues={{ role: 'handler' }}
        onFinish={(values) =>
          add.mutate(values, {
            onSuccess: () => {
              message.success('已指定');
              close();
            },
            onError: error.report,
          })
        }
      >
        <Form.Item name="accountId" label="工作人员" rules={[{ required: true, message: '请选择工作人员' }]}>
          <Select
            showSearch={{ filterOption: false, onSearch: setKeyword }}
            placeholder="输入姓名或用户名查找"
            loading={staff.isFetching}
            notFoundContent={staff.isFetching ? '正在查找…' : '没有找到，请换个姓名再试'}
            options={(staff.data?.items ?? []).map((user) => ({
              value: user.id,
              label: `${user.displayName}（${user.username}）`,
            }))}
          />
        </Form.Item>
        <Form.Item name="role" label="身份" rules={[{ required: true, message: '请选择身份' }]}>
          <Select options={assignableRoles} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 参与人: the accounts that take part (staff handlers, lawyers; the applicant's portal account) in the case; with case:assign, 指定承办人 and removal. */
export function CaseParticipants({ detail }: { detail: CaseDetail }) {
  const can = useCan();
  const { message } = App.useApp();
  const [assigning, setAssigning] = useState(false);
  const remove = useRemoveParticipant(detail.id);
  // Picking a colleague reads the account list; without user:read the button is not offered.
  const canPick = detail.canAssign && can('user:read');

  return (
    <Flex vertical gap={12}>
      {canPick && (
        <Flex justify="flex-end">
          <Button icon={<UserAddOutlined />} onClick={() => setAssigning(true)}>
            指定承办人
          </Button>
        </Flex>
      )}
      {detail.participants.length === 0 ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={canPick ? '尚未指定承办人，点击“指定承办人”选择' : '暂无参与人'}
        />
      ) : (
        <Table<CaseParticipant>
          rowKey={(p) => `${p.role}:${p.accountId}`}
          dataSource={detail.participants}
          pagination={false}
          scroll={{ x: 'max-content' }}
          columns={[
            {
              key: 'name',
              title: '姓名',
              render: (_, p) => (
                <span style={{ whiteSpace: 'normal', wordBreak: 'break-word' }}>{p.name}</span>
              ),
            },
            { key: 'role', title: '身份', render: (_, p) => <Tag>{p.roleLabel}</Tag> },
            {
              key: 'kind',
              title: '类别',
              render: (_, p) => (p.accountKind === 'staff' ? '工作人员' : '群众'),
            },
            {
              key: 'addedAt',
              title: '加入日期',
              render: (_, p) => <span style={{ whiteSpace: 'nowrap' }}>{formatDate(p.addedAt)}</span>,
            },
            ...(detail.canAssign
              ? [
                  {
                    key: 'actions',
                    title: '操作',
                    render: (_: unknown, p: CaseParticipant) =>
                      p.accountKind === 'staff' && (p.role === 'handler' || p.role === 'assistant') ? (
                        <Popconfirm
                          title={`移除${p.roleLabel}“${p.name}”？`}
                          description="移除后此人不再承办本案，办理记录保留。"
                          okText="移除"
                          okButtonProps={{ danger: true }}
                          cancelText="取消"
                          onConfirm={() =>
                            remove
                              .mutateAsync({ role: p.role, accountId: p.accountId })
                              .then(() => message.success('已移除'))
                              .catch((error: unknown) => message.error(errorMessage(error)))
                          }
                        >
                          <Button type="link" danger icon={<DeleteOutlined />} style={{ padding: 0 }}>
                            移除
                          </Button>
                        </Popconfirm>
                      ) : (
                        <Typography.Text type="secondary">—</Typography.Text>
                      ),
                  },
                ]
              : []),
          ]}
        />
      )}
      <AssignDialog caseId={detail.id} open={assigning} onClose={() => setAssigning(false)} />
    </Flex>
  );
}
