import {
  type LegalAidAssignmentCandidate,
  type LegalAidAssignmentRecord,
  legalAidAssignmentEndReasonLabels,
  legalAidAssignmentMethodLabels,
} from '@zhucheng/contracts';
import { Alert, Button, Card, Empty, Flex, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useCaseDocuments } from '../../../../components/case-documents/index.ts';
import { FormErrorAlert } from '../../../../components/form-error-alert.tsx';
import { KeyValueList } from '../../../../components/key-value-list.tsx';
import { LoadError } from '../../../../components/load-error.tsx';
import { ApiRequestError } from '../../../../lib/api.ts';
import { formatDateTime } from '../../../../lib/format.ts';
import { useAssign, useAssignment } from '../api/assignment-api.ts';
import { AssignDialog } from './assign-dialog.tsx';
import { ChangeLawyerDialog } from './change-lawyer-dialog.tsx';

const wrap = { overflowWrap: 'anywhere' as const, wordBreak: 'break-word' as const };

function NoticeLink({ caseId, documentId }: { caseId: string; documentId: string | null }) {
  const documents = useCaseDocuments(caseId);
  const doc = documents.data?.items.find((d) => d.id === documentId);
  if (!documentId) return <>—</>;
  if (!doc) return <Typography.Text type="secondary">见“文书”</Typography.Text>;
  return (
    <Space size={4} wrap style={{ justifyContent: 'flex-end' }}>
      {doc.docNo && <span style={wrap}>{doc.docNo}</span>}
      <Button size="small" href={doc.downloadUrl} download aria-label="下载指派通知书">
        下载
      </Button>
    </Space>
  );
}

function CurrentLawyer({ caseId, current }: { caseId: string; current: LegalAidAssignmentRecord }) {
  return (
    <KeyValueList
      rows={[
        { label: '承办律师', value: <span style={wrap}>{current.lawyerName}</span> },
        { label: '执业机构', value: <span style={wrap}>{current.lawFirm}</span> },
        { label: '指派方式', value: legalAidAssignmentMethodLabels[current.method] },
        ...(current.reason ? [{ label: '指派理由', value: <span style={wrap}>{current.reason}</span> }] : []),
        { label: '指派时间', value: formatDateTime(current.assignedAt) },
        {
          label: '接受时间',
          value: current.acceptedAt ? formatDateTime(current.acceptedAt) : <Tag color="gold">待律师接受</Tag>,
        },
        { label: '指派通知书', value: <NoticeLink caseId={caseId} documentId={current.noticeDocumentId} /> },
      ]}
    />
  );
}

function History({ rows }: { rows: LegalAidAssignmentRecord[] }) {
  return (
    <Flex vertical gap={8}>
      {rows.map((r) => (
        <Typography.Text key={r.id} style={wrap}>
          {formatDateTime(r.assignedAt)} 指派 {r.lawyerName}（{r.lawFirm}，
          {legalAidAssignmentMethodLabels[r.method]}）
          {r.endedAt
            ? `；${formatDateTime(r.endedAt)} ${r.endReason ? legalAidAssignmentEndReasonLabels[r.endReason] : '结束'}${r.endNote ? `：${r.endNote}` : ''}`
            : ''}
        </Typography.Text>
      ))}
    </Flex>
  );
}

/** 指派律师 on the console's case page: the current lawyer, the ranked candidates, 指派 and 更换律师. */
export function AssignmentSection({ caseId }: { caseId: string }) {
  const query = useAssignment(caseId);
  const assign = useAssign();
  const [picked, setPicked] = useState<LegalAidAssignmentCandidate | null>(null);
  const [changing, setChanging] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (query.isPending) return <Skeleton active />;
  if (query.isError)
    return <LoadError error={query.error} onRetry={() => query.refetch()} retrying={query.isFetching} />;
  const view = query.data;
  const candidates = view.candidates ?? [];
  const first = candidates.find((c) => c.eligible) ?? null;

  const assignByRotation = async () => {
    if (!first) return;
    setError(null);
    try {
      await assign.mutateAsync({
        caseId,
        body: { lawyerId: first.lawyerId, method: 'rotation', version: view.version },
      });
    } catch (e) {
      setError(e instanceof ApiRequestError ? e.message : '指派失败，请稍后重试');
    }
  };

  return (
    <Flex vertical gap={16}>
      {view.requirements.length > 0 && (
        <Alert
          type="info"
          showIcon
          message="本案对承办律师的要求"
          description={view.requirements.join('；')}
        />
      )}
      <FormErrorAlert message={error} gap={0} />
      <Card
        size="small"
        title="现承办律师"
        extra={
          view.canChange ? (
            <Button onClick={() => setChanging(true)} aria-label="更换律师">
              更换律师
            </Button>
          ) : null
        }
      >
        {view.current ? (
          <CurrentLawyer caseId={caseId} current={view.current} />
        ) : (
          <Empty
            image={Empty.PRESENTED_IMAGE_SIMPLE}
            description={
              view.status === 'granted' ? '尚未指派律师（应在决定给予援助之日起 3 日内指派）' : '尚未指派律师'
            }
          />
        )}
      </Card>
      {view.candidates !== null && (view.canAssign || view.canChange) && (
        <Card
          size="small"
          title="候选律师（按轮派顺序）"
          extra={
            view.canAssign ? (
              <Button
                type="primary"
                disabled={!first}
                loading={assign.isPending}
                onClick={assignByRotation}
                aria-label="按轮派指派"
              >
                按轮派指派
              </Button>
            ) : null
          }
        >
          {view.canAssign && first && (
            <Typography.Paragraph type="secondary" style={wrap}>
              轮派建议：{first.name}（{first.lawFirm}）
            </Typography.Paragraph>
          )}
          <Table<LegalAidAssignmentCandidate>
            rowKey="lawyerId"
            size="small"
            pagination={false}
            scroll={{ x: 1000 }}
            dataSource={candidates}
            locale={{ emptyText: '本中心没有登记律师，今日也没有值班律师；请先在“律师库”“值班安排”中登记' }}
            columns={[
              { title: '序号', key: 'rank', width: 56, render: (_v, _r, i) => i + 1 },
              {
                title: '律师',
                key: 'name',
                width: 160,
                render: (_v, c) => (
                  <Space size={4} wrap>
                    <span style={wrap}>{c.name}</span>
                    {c.onDuty && <Tag color="blue">今日值班</Tag>}
                    {c.expertPanel && <Tag color="purple">专家库</Tag>}
                  </Space>
                ),
              },
              {
                title: '执业机构',
                dataIndex: 'lawFirm',
                width: 160,
                render: (v: string) => <span style={wrap}>{v}</span>,
              },
              { title: '执业年限', dataIndex: 'practiceYears', width: 80, render: (v: number) => `${v} 年` },
              { title: '在办案件', dataIndex: 'openCases', width: 80, render: (v: number) => `${v} 件` },
              {
                title: '最近指派',
                dataIndex: 'lastAssignedAt',
                width: 130,
                render: (v: string | null) => (v ? formatDateTime(v) : '从未指派'),
              },
              {
                title: '可否指派',
                key: 'eligible',
                width: 260,
                render: (_v, c) => (
                  <Flex vertical gap={2}>
                    {c.eligible ? <Tag color="green">可指派</Tag> : <Tag color="red">不可指派</Tag>}
                    <Typography.Paragraph
                      type={c.eligible ? 'secondary' : 'danger'}
                      style={{ fontSize: 12, margin: 0, whiteSpace: 'normal', ...wrap }}
                    >
                      {c.reasons.join('；')}
                    </Typography.Paragraph>
                  </Flex>
                ),
              },
              ...(view.canAssign
                ? [
                    {
                      title: '操作',
                      key: 'action',
                      width: 72,
                      fixed: 'right' as const,
                      render: (_v: unknown, c: LegalAidAssignmentCandidate) =>
                        c.eligible ? (
                          <Button size="small" onClick={() => setPicked(c)} aria-label={`指派${c.name}`}>
                            指派
                          </Button>
                        ) : null,
                    },
                  ]
                : []),
            ]}
          />
        </Card>
      )}
      {view.history.length > 0 && (
        <Card size="small" title="指派记录">
          <History rows={view.history} />
        </Card>
      )}
      <AssignDialog
        caseId={caseId}
        version={view.version}
        candidate={picked}
        isFirst={picked !== null && picked.lawyerId === first?.lawyerId}
        onClose={() => setPicked(null)}
      />
      <ChangeLawyerDialog
        caseId={caseId}
        version={view.version}
        currentLawyerId={view.current?.lawyerId ?? null}
        candidates={candidates}
        open={changing}
        onClose={() => setChanging(false)}
      />
    </Flex>
  );
}
