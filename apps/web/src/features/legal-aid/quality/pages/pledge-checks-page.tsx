import type { LegalAidPledgeCheckStatus, LegalAidPledgeListItem } from '@zhucheng/contracts';
import { legalAidPledgeCheckResultLabels } from '@zhucheng/contracts';
import { Alert, Card, Empty, Segmented, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { PageHeader } from '../../../../components/page-header.tsx';
import { errorMessage } from '../../../../lib/api.ts';
import { usePledgeList, yuan } from '../api/quality-api.ts';

/** 承诺核查: sampled pledges waiting for a check, and the checks done. */
export default function PledgeChecksPage() {
  const [status, setStatus] = useState<LegalAidPledgeCheckStatus>('pending');
  const list = usePledgeList(status);
  return (
    <>
      <PageHeader
        title="承诺核查"
        description="以个人诚信承诺证明经济困难的申请按比例随机抽查（第四十一条）；承诺不实的终止援助并追缴费用（第六十四条）"
      />
      <Segmented<LegalAidPledgeCheckStatus>
        style={{ marginBottom: 16 }}
        value={status}
        onChange={setStatus}
        options={[
          { value: 'pending', label: '待核查' },
          { value: 'checked', label: '已核查' },
        ]}
      />
      {list.isError && <Alert type="error" showIcon message={errorMessage(list.error)} />}
      <Card size="small">
        <Table<LegalAidPledgeListItem>
          rowKey="caseId"
          size="small"
          loading={list.isPending}
          dataSource={list.data ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          scroll={{ x: 'max-content' }}
          locale={{
            emptyText: <Empty description={status === 'pending' ? '没有待核查的承诺' : '还没有核查记录'} />,
          }}
          columns={[
            {
              title: '案号',
              render: (_, r) => (
                <Link to={`/legal-aid/applications/${r.caseId}`}>{r.caseNo ?? '（未编号）'}</Link>
              ),
            },
            { title: '申请人', dataIndex: 'applicantName' },
            { title: '法律援助中心', render: (_, r) => r.competentUnit.name },
            { title: '状态', dataIndex: 'statusLabel' },
            { title: '受理日期', render: (_, r) => dayjs(r.receivedAt).format('YYYY-MM-DD') },
            ...(status === 'checked'
              ? [
                  {
                    title: '核查结论',
                    render: (_: unknown, r: LegalAidPledgeListItem) =>
                      r.result ? (
                        <Tag color={r.result === 'false' ? 'red' : 'green'}>
                          {legalAidPledgeCheckResultLabels[r.result]}
                        </Tag>
                      ) : null,
                  },
                  {
                    title: '追缴费用',
                    align: 'right' as const,
                    render: (_: unknown, r: LegalAidPledgeListItem) =>
                      r.costRecoveryYuan != null
                        ? `${yuan(r.costRecoveryYuan)}${r.recoveredOn ? '（已退还）' : ''}`
                        : '—',
                  },
                ]
              : []),
          ]}
        />
      </Card>
    </>
  );
}
