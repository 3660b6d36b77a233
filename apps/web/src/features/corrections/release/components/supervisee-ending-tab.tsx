import { deliveryMethodLabels, releaseNoticeRecipientLabels } from '@zhucheng/contracts';
import { Alert, Button, Descriptions, Empty, Flex, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { LoadError } from '../../../../components/load-error.tsx';
import { PageLoading } from '../../../../components/page-loading.tsx';
import { useCan } from '../../../../lib/access.tsx';
import { useSupervisee } from '../../api/use-corrections.ts';
import { useEnding } from '../api/use-release.ts';
import { type EndingTarget, ReleaseDialog, TerminateDialog } from './ending-dialogs.tsx';

/** 解矫 tab: how the term ended (certificate, notices), or the buttons to end it. */
export function SuperviseeEndingTab({ caseId }: { caseId: string }) {
  const ending = useEnding(caseId);
  // The record page has loaded the supervisee already (same query): the dialogs name the person.
  const record = useSupervisee(caseId);
  const can = useCan();
  const [release, setRelease] = useState<EndingTarget | null>(null);
  const [terminate, setTerminate] = useState<EndingTarget | null>(null);
  if (ending.isPending) return <PageLoading />;
  if (ending.isError) return <LoadError error={ending.error} onRetry={() => ending.refetch()} />;
  const v = ending.data;
  const target = {
    caseId,
    name: record.data?.name ?? '该社区矫正对象',
    periodEnd: v.periodEnd,
    version: v.version,
  };
  if (!v.ending) {
    return (
      <Flex vertical gap={12}>
        <Empty description={`社区矫正尚未解除或终止（矫正期限至 ${v.periodEnd}）`} />
        {can('corrections:release') && (
          <Space style={{ justifyContent: 'center', width: '100%' }}>
            <Button
              type="primary"
              disabled={v.status !== 'underSupervision'}
              onClick={() => setRelease(target)}
            >
              解除矫正
            </Button>
            <Button danger onClick={() => setTerminate(target)}>
              终止矫正
            </Button>
          </Space>
        )}
        <ReleaseDialog target={release} onClose={() => setRelease(null)} />
        <TerminateDialog target={terminate} onClose={() => setTerminate(null)} />
      </Flex>
    );
  }
  const e = v.ending;
  return (
    <Flex vertical gap={16}>
      <Descriptions bordered size="small" column={{ xs: 1, sm: 2 }}>
        <Descriptions.Item label="结束方式">
          <Tag color={e.kind === 'release' ? 'green' : 'default'}>{e.kindLabel}</Tag>
        </Descriptions.Item>
        <Descriptions.Item label="日期">{e.endedOn}</Descriptions.Item>
        {e.certificateNo && (
          <Descriptions.Item label="解除社区矫正证明书">{e.certificateNo}</Descriptions.Item>
        )}
        {e.documentNo && <Descriptions.Item label="依据文书">{e.documentNo}</Descriptions.Item>}
        {e.summary && (
          <Descriptions.Item label="说明" span={2}>
            {e.summary}
          </Descriptions.Item>
        )}
      </Descriptions>
      {e.missingNotices.length > 0 && (
        <Alert
          type="warning"
          showIcon
          message={`尚未登记通知：${e.missingNotices.map((r) => releaseNoticeRecipientLabels[r]).join('、')}`}
        />
      )}
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={e.notices}
        locale={{ emptyText: '尚未登记通知' }}
        columns={[
          { title: '通知机关', render: (_, n) => `${n.recipientLabel}：${n.recipientName}` },
          { title: '通知日期', dataIndex: 'sentOn' },
          { title: '送达方式', render: (_, n) => deliveryMethodLabels[n.method] },
        ]}
      />
    </Flex>
  );
}
