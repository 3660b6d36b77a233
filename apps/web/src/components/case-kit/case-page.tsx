import { ArrowLeftOutlined, ReloadOutlined } from '@ant-design/icons';
import type { AvailableTransition, CaseDetail } from '@zhucheng/contracts';
import { Button, Card, Descriptions, Flex, Result, Tabs, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useCan } from '../../lib/access.tsx';
import { ApiRequestError } from '../../lib/api.ts';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { useIsNarrow } from '../../lib/responsive.ts';
import { CaseDocuments } from '../case-documents/index.ts';
import { DeadlineBadge } from '../deadline-badge.tsx';
import { LoadError } from '../load-error.tsx';
import { PageLoading } from '../page-loading.tsx';
import { CaseParties } from '../party/index.ts';
import { useCase, useCaseHistory } from './case-api.ts';
import { CaseDeadlines } from './case-deadlines.tsx';
import { CaseFiles } from './case-files.tsx';
import styles from './case-page.module.css';
import { CaseParticipants } from './case-participants.tsx';
import { CaseStatusTag } from './case-status-tag.tsx';
import { CaseTimeline } from './case-timeline.tsx';
import { TransitionDialog } from './transition-dialog.tsx';

/** A module's own section of the case page (材料, 文书, 受援人情况…). */
export interface CasePageSection {
  key: string;
  label: string;
  render: (detail: CaseDetail) => ReactNode;
}

export interface CasePageProps {
  caseId: string;
  /** The module's details, shown at the top of 基本信息 (above the units and dates every case has). */
  details?: (detail: CaseDetail) => ReactNode;
  /** Further tabs after 材料 and 文书: the module's own (受援人情况, 调解记录…). */
  sections?: CasePageSection[];
  /** The list this case came from. */
  backPath?: string;
  backLabel?: string;
}

function BasicInfo({ detail, extra }: { detail: CaseDetail; extra: ReactNode }) {
  const narrow = useIsNarrow();
  return (
    <Flex vertical gap={16}>
      {extra}
      <Descriptions
        bordered
        size="small"
        column={narrow ? 1 : 2}
        items={[
          { key: 'caseNo', label: '案号', children: detail.caseNo ?? '未编号' },
          { key: 'type', label: '案件类型', children: detail.caseTypeName },
          { key: 'competent', label: '承办单位', children: detail.competentUnit.name },
          { key: 'receiving', label: '受理单位', children: detail.receivingUnit.name },
          {
            key: 'handlers',
            label: '承办人',
            children: detail.handlers.length > 0 ? detail.handlers.join('、') : '未指定',
          },
          { key: 'status', label: '状态', children: detail.statusLabel },
          { key: 'createdAt', label: '登记日期', children: formatDate(detail.createdAt) },
          { key: 'updatedAt', label: '最近办理', children: formatDateTime(detail.updatedAt) },
        ]}
      />
    </Flex>
  );
}

/**
 * The case page every module shares: number, status, the nearest deadline and the workflow's buttons in the
 * header; 基本信息, 当事人, 参与人, 办理记录, 期限, 材料 and 文书 below, plus the module's own sections.
 */
export function CasePage({
  caseId,
  details,
  sections = [],
  backPath = '/cases',
  backLabel = '返回列表',
}: CasePageProps) {
  const navigate = useNavigate();
  const can = useCan();
  const query = useCase(caseId);
  const history = useCaseHistory(caseId);
  const [pressed, setPressed] = useState<AvailableTransition | null>(null);
  const [tab, setTab] = useState('basic');
  const narrow = useIsNarrow();

  if (query.isPending) return <PageLoading />;
  if (query.isError) {
    if (query.error instanceof ApiRequestError && query.error.status === 404) {
      return (
        <Result
          status="404"
          title="案件不存在或您无权查看"
          subTitle="案件可能已被移交到其他单位。请回到列表重新查找。"
          extra={
            <Button type="primary" onClick={() => navigate(backPath)}>
              {backLabel}
            </Button>
          }
        />
      );
    }
    return <LoadError error={query.error} retrying={query.isFetching} onRetry={() => query.refetch()} />;
  }

  const detail = query.data;
  const refresh = () => {
    void query.refetch();
    void history.refetch();
  };
  const sorted = [...detail.transitions].sort((a, b) => Number(a.destructive) - Number(b.destructive));

  return (
    <>
      <Flex vertical gap={12} style={{ marginBottom: 16 }}>
        <Link to={backPath} style={{ alignSelf: 'flex-start' }}>
          <ArrowLeftOutlined /> {backLabel}
        </Link>
        <Flex justify="space-between" align="flex-start" wrap gap={12}>
          <Flex vertical gap={6} style={{ minWidth: 0, flex: '1 1 320px' }}>
            <Flex wrap gap={8} align="center">
              <Typography.Title level={4} style={{ margin: 0 }}>
                {detail.caseNo ?? '未编号'}
              </Typography.Title>
              <CaseStatusTag tone={detail.statusTone} label={detail.statusLabel} />
              {detail.deadline && <DeadlineBadge standing={detail.deadline.standing} />}
            </Flex>
            <Typography.Text style={{ fontSize: 16, wordBreak: 'break-word' }}>
              {detail.title}
            </Typography.Text>
            <Typography.Text type="secondary">
              {detail.caseTypeName} · {detail.competentUnit.name}
            </Typography.Text>
          </Flex>
          <Flex wrap gap={8} role="group" aria-label="办理操作">
            <Button icon={<ReloadOutlined />} loading={query.isFetching} onClick={refresh}>
              刷新
            </Button>
            {sorted.map((transition, index) => (
              <Button
                key={transition.name}
                // The workflow's first forward step is the main action; refusals come last, in red.
                type={index === 0 && !transition.destructive ? 'primary' : 'default'}
                danger={transition.destructive}
                onClick={() => setPressed(transition)}
              >
                {transition.label}
              </Button>
            ))}
          </Flex>
        </Flex>
      </Flex>
      <Card>
        <Tabs
          className={narrow ? styles.wrapped : undefined}
          activeKey={tab}
          onChange={setTab}
          items={[
            {
              key: 'basic',
              label: '基本信息',
              children: <BasicInfo detail={detail} extra={details?.(detail)} />,
            },
            ...(can('party:read')
              ? [{ key: 'parties', label: '当事人', children: <CaseParties caseId={detail.id} /> }]
              : []),
            {
              key: 'participants',
              label: `参与人（${detail.participants.length}）`,
              children: <CaseParticipants detail={detail} />,
            },
            { key: 'timeline', label: '办理记录', children: <CaseTimeline caseId={detail.id} /> },
            {
              key: 'deadlines',
              label: `期限（${detail.deadlines.length}）`,
              children: <CaseDeadlines deadlines={detail.deadlines} />,
            },
            { key: 'files', label: '材料', children: <CaseFiles detail={detail} /> },
            ...(can('document:read')
              ? [
                  {
                    key: 'documents',
                    label: '文书',
                    children: <CaseDocuments caseId={detail.id} caseType={detail.caseType} />,
                  },
                ]
              : []),
            ...sections.map((section) => ({
              key: section.key,
              label: section.label,
              children: section.render(detail),
            })),
          ]}
        />
      </Card>
      <TransitionDialog
        detail={detail}
        transition={pressed}
        onClose={() => setPressed(null)}
        onRefresh={refresh}
      />
    </>
  );
}
