import { PlusOutlined } from '@ant-design/icons';
import { type ApprovalKind, type ApprovalView, approvalKindLabels, approvalKinds } from '@zhucheng/contracts';
import { Alert, App, Button, Empty, Flex, Form, Input, Modal, Select, Space, Table } from 'antd';
import { useEffect, useState } from 'react';
import { LoadError } from '../../../../components/load-error.tsx';
import { useCan } from '../../../../lib/access.tsx';
import { errorMessage } from '../../../../lib/api.ts';
import { useSessionUser } from '../../../../lib/session.ts';
import { newIdempotencyKey, useRegisterApproval, useSuperviseeApprovals } from '../api/use-approvals.ts';
import { ApprovalStatusTag, awaitsMe, period } from './approval-parts.tsx';
import { DecideDialog, ReturnDialog } from './decide-dialog.tsx';
import { DocumentLink } from './document-link.tsx';

/** The record page's tab 请假与审批: the supervisee's applications; register one from a paper form. */
export function SuperviseeApprovalsTab({ caseId }: { caseId: string }) {
  const can = useCan();
  const user = useSessionUser();
  const list = useSuperviseeApprovals(caseId);
  const [adding, setAdding] = useState(false);
  const [deciding, setDeciding] = useState<ApprovalView | null>(null);
  const [returning, setReturning] = useState<ApprovalView | null>(null);
  if (list.isError && !list.data) {
    return <LoadError error={list.error} retrying={list.isFetching} onRetry={() => list.refetch()} />;
  }
  return (
    <Flex vertical gap={12}>
      {can('corrections:supervise') ? (
        <div>
          <Button icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            登记申请
          </Button>
        </div>
      ) : null}
      <Table<ApprovalView>
        rowKey="id"
        size="small"
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        pagination={false}
        scroll={{ x: 900 }}
        locale={{
          emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无请假或其他审批事项" />,
        }}
        columns={[
          { title: '事项', key: 'kind', width: 110, render: (_: unknown, r) => approvalKindLabels[r.kind] },
          { title: '期间', key: 'period', width: 170, render: (_: unknown, r) => period(r) },
          { title: '目的地 / 地址 / 来访人', dataIndex: 'destination', width: 170 },
          { title: '审批层级', key: 'level', width: 200, render: (_: unknown, r) => r.levelReason },
          {
            title: '状态',
            key: 'status',
            width: 140,
            render: (_: unknown, r) => <ApprovalStatusTag a={r} />,
          },
          {
            title: '操作',
            key: 'actions',
            width: 170,
            render: (_: unknown, r) => (
              <Space size={0}>
                {can('corrections:approve') && awaitsMe(r, user.unitName) ? (
                  <Button type="link" size="small" onClick={() => setDeciding(r)}>
                    审批
                  </Button>
                ) : null}
                {can('corrections:supervise') && r.status === 'approved' && r.kind === 'leave' ? (
                  <Button type="link" size="small" onClick={() => setReturning(r)}>
                    销假
                  </Button>
                ) : null}
                <DocumentLink caseId={r.id} documentId={r.documentId} label="审批表" />
              </Space>
            ),
          },
        ]}
      />
      <RegisterDialog caseId={caseId} open={adding} onClose={() => setAdding(false)} />
      <DecideDialog approval={deciding} onClose={() => setDeciding(null)} />
      <ReturnDialog approval={returning} onClose={() => setReturning(null)} />
    </Flex>
  );
}

interface ApplyForm {
  kind: ApprovalKind;
  destination: string;
  reason: string;
  fromDate: string;
  toDate?: string;
}

export const destinationLabel: Record<ApprovalKind, string> = {
  leave: '外出目的地',
  residenceChange: '新居住地址',
  placeChange: '新执行地',
  visitor: '来访人员（姓名、关系）',
};

function RegisterDialog({ caseId, open, onClose }: { caseId: string; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<ApplyForm>();
  const register = useRegisterApproval(caseId);
  const { message } = App.useApp();
  const [key, setKey] = useState(newIdempotencyKey);
  const [error, setError] = useState<string | null>(null);
  const kind = Form.useWatch('kind', form) ?? 'leave';
  useEffect(() => {
    if (open) {
      form.resetFields();
      setKey(newIdempotencyKey());
      setError(null);
    }
  }, [open, form]);
  return (
    <Modal
      open={open}
      title="登记审批申请"
      okText="登记"
      confirmLoading={register.isPending}
      onCancel={onClose}
      onOk={async () => {
        const v = await form.validateFields();
        register.mutate(
          { body: { ...v, toDate: v.toDate || null }, idempotencyKey: key },
          {
            onSuccess: (a) => {
              message.success(
                `已登记，${a.levelReason}，由${a.requiredLevel === 'office' ? '司法所' : '上级'}审批`,
              );
              onClose();
            },
            onError: (e) => setError(errorMessage(e)),
          },
        );
      }}
    >
      <Form form={form} layout="vertical" initialValues={{ kind: 'leave' }}>
        <Form.Item name="kind" label="审批事项" rules={[{ required: true }]}>
          <Select options={approvalKinds.map((value) => ({ value, label: approvalKindLabels[value] }))} />
        </Form.Item>
        <Form.Item
          name="destination"
          label={destinationLabel[kind]}
          rules={[{ required: true, message: '请填写' }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="reason" label="事由" rules={[{ required: true, message: '请填写事由' }]}>
          <Input.TextArea maxLength={500} autoSize={{ minRows: 2 }} />
        </Form.Item>
        <Flex gap={12}>
          <Form.Item
            name="fromDate"
            label="开始日期"
            rules={[{ required: true, message: '请选择' }]}
            style={{ flex: 1 }}
          >
            <Input type="date" />
          </Form.Item>
          {kind === 'leave' ? (
            <Form.Item
              name="toDate"
              label="返回日期"
              rules={[{ required: true, message: '请选择' }]}
              style={{ flex: 1 }}
            >
              <Input type="date" />
            </Form.Item>
          ) : null}
        </Flex>
        {error ? <Alert type="error" showIcon title={error} /> : null}
      </Form>
    </Modal>
  );
}
