import { type ApprovalView, approvalLevelLabels } from '@zhucheng/contracts';
import { Alert, App, Flex, Input, Modal, Radio } from 'antd';
import { useEffect, useState } from 'react';
import { errorMessage } from '../../../../lib/api.ts';
import { useSessionUser } from '../../../../lib/session.ts';
import { useApprovalAction } from '../api/use-approvals.ts';
import { ApprovalFacts, levelOfUnitName } from './approval-parts.tsx';

type Verdict = 'approve' | 'refuse' | 'forward';
const rank = { office: 1, county: 2, city: 3 } as const;

/** 审批: shows the level that must decide; a unit below it can only 报请上级. */
export function DecideDialog({ approval, onClose }: { approval: ApprovalView | null; onClose: () => void }) {
  const act = useApprovalAction();
  const user = useSessionUser();
  const { message } = App.useApp();
  const mine = levelOfUnitName(user.unitName);
  const below = approval && mine ? rank[mine] < rank[approval.requiredLevel] : false;
  const [verdict, setVerdict] = useState<Verdict>('approve');
  const [opinion, setOpinion] = useState('');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (approval) {
      setVerdict(below ? 'forward' : 'approve');
      setOpinion('');
      setError(null);
    }
  }, [approval, below]);
  const ok = { approve: '批准', refuse: '不予批准', forward: '报请上级' }[verdict];
  return (
    <Modal
      open={approval !== null}
      title="审批"
      okText={ok}
      okButtonProps={{ danger: verdict === 'refuse' }}
      confirmLoading={act.isPending}
      onCancel={onClose}
      width={620}
      onOk={() => {
        if (!approval) return;
        if (!opinion.trim()) {
          setError(verdict === 'forward' ? '请填写报请意见' : '请填写审批意见');
          return;
        }
        act.mutate(
          verdict === 'forward'
            ? {
                id: approval.id,
                action: 'forward',
                body: { version: approval.version, opinion: opinion.trim() },
              }
            : {
                id: approval.id,
                action: 'decision',
                body: { version: approval.version, decision: verdict, opinion: opinion.trim() },
              },
          {
            onSuccess: () => {
              message.success(
                verdict === 'forward' ? '已报请上级审批' : `已${ok}，已生成审批表并通知社区矫正对象`,
              );
              onClose();
            },
            onError: (e) => setError(errorMessage(e)),
          },
        );
      }}
    >
      {approval ? (
        <Flex vertical gap={12}>
          <ApprovalFacts a={approval} />
          <Alert
            type={below ? 'warning' : 'info'}
            showIcon
            title={`应由${approvalLevelLabels[approval.requiredLevel]}审批。${
              below ? `您所在的${user.unitName ?? '单位'}不能作出决定，请报请上级。` : ''
            }`}
          />
          <Radio.Group
            value={verdict}
            onChange={(e) => setVerdict(e.target.value)}
            options={[
              { value: 'approve', label: '批准', disabled: below },
              { value: 'refuse', label: '不予批准', disabled: below },
              { value: 'forward', label: '报请上级', disabled: mine === 'city' },
            ]}
          />
          <Input.TextArea
            aria-label={verdict === 'forward' ? '报请意见' : '审批意见'}
            placeholder={verdict === 'forward' ? '报请意见，如：情况属实，拟同意，报请审批' : '审批意见'}
            maxLength={500}
            autoSize={{ minRows: 2, maxRows: 5 }}
            value={opinion}
            onChange={(e) => setOpinion(e.target.value)}
          />
          {error ? <Alert type="error" showIcon title={error} /> : null}
        </Flex>
      ) : null}
    </Modal>
  );
}

/** 销假: the day the supervisee came back. */
export function ReturnDialog({ approval, onClose }: { approval: ApprovalView | null; onClose: () => void }) {
  const act = useApprovalAction();
  const { message } = App.useApp();
  const [day, setDay] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (approval) {
      setDay(approval.toDate ?? '');
      setNote('');
      setError(null);
    }
  }, [approval]);
  return (
    <Modal
      open={approval !== null}
      title="销假"
      okText="销假"
      confirmLoading={act.isPending}
      onCancel={onClose}
      onOk={() => {
        if (!approval) return;
        act.mutate(
          { id: approval.id, action: 'return', body: { version: approval.version, returnedOn: day, note } },
          {
            onSuccess: () => {
              message.success('已销假');
              onClose();
            },
            onError: (e) => setError(errorMessage(e)),
          },
        );
      }}
    >
      <Flex vertical gap={12}>
        <Flex vertical gap={4}>
          <span>销假日期</span>
          <Input type="date" value={day} onChange={(e) => setDay(e.target.value)} aria-label="销假日期" />
        </Flex>
        <Input.TextArea
          aria-label="销假情况"
          placeholder="销假情况（选填）"
          maxLength={300}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
        {error ? <Alert type="error" showIcon title={error} /> : null}
      </Flex>
    </Modal>
  );
}
