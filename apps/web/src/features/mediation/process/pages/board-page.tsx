import { type MediationBoardStage, type MediationQueueItem, mediationBoardStages } from '@zhucheng/contracts';
import { Card, Col, Empty, Row, Select, Space, Statistic, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { CaseStatusTag } from '../../../../components/case-kit/case-status-tag.tsx';
import { LoadError } from '../../../../components/load-error.tsx';
import { PageHeader } from '../../../../components/page-header.tsx';
import { useIsNarrow } from '../../../../lib/responsive.ts';
import { useBoard } from '../api/process-api.ts';
import { CardList, disputePath, itemDates, QueueCard } from './queue-item.tsx';

/** 调委会工作台: a committee's disputes by stage, with counts; a township office picks one of its committees. */
export default function BoardPage() {
  const narrow = useIsNarrow();
  const [unitId, setUnitId] = useState<number | undefined>(undefined);
  const [stage, setStage] = useState<MediationBoardStage>('received');
  const board = useBoard(unitId);
  const data = board.data;
  const current = data?.stages.find((s) => s.stage === stage);
  if (board.error) return <LoadError error={board.error} onRetry={() => board.refetch()} />;
  return (
    <>
      <PageHeader
        title="调委会工作台"
        description={data ? `${data.unitName}：纠纷按办理阶段统计，点击数字查看名单。` : undefined}
        extra={
          data && data.committees.length > 1 ? (
            <Select
              aria-label="调委会"
              style={{ minWidth: narrow ? 200 : 320 }}
              placeholder="全部调委会"
              allowClear
              showSearch
              optionFilterProp="label"
              value={unitId ?? data.unitId ?? undefined}
              onChange={(v) => setUnitId(v ?? undefined)}
              options={data.committees.map((c) => ({ value: c.unitId, label: c.name }))}
            />
          ) : undefined
        }
      />
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        {mediationBoardStages.map((s) => {
          const item = data?.stages.find((x) => x.stage === s);
          return (
            <Col key={s} xs={12} sm={8} lg={6} xl={3}>
              <Card
                size="small"
                hoverable
                role="button"
                aria-pressed={stage === s}
                onClick={() => setStage(s)}
                style={stage === s ? { borderColor: '#1677ff' } : undefined}
              >
                <Statistic title={item?.label ?? ''} value={item?.count ?? 0} loading={board.isLoading} />
              </Card>
            </Col>
          );
        })}
      </Row>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {current?.label ?? ''}
          {current && current.count > current.items.length ? `（显示最近 ${current.items.length} 件）` : ''}
        </Typography.Title>
        {narrow ? (
          <CardList
            loading={board.isLoading}
            items={current?.items ?? []}
            empty={'这一阶段暂无纠纷'}
            render={(item) => <QueueCard key={item.caseId} item={item} />}
          />
        ) : (
          <Table<MediationQueueItem>
            rowKey="caseId"
            loading={board.isLoading}
            dataSource={current?.items ?? []}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            locale={{ emptyText: <Empty description="这一阶段暂无纠纷" /> }}
            columns={[
              {
                title: '案号',
                dataIndex: 'caseNo',
                render: (_: unknown, i) => <Link to={disputePath(i.caseId)}>{i.caseNo ?? '（未编号）'}</Link>,
              },
              {
                title: '纠纷',
                dataIndex: 'title',
                render: (_: unknown, i) => (
                  <div style={{ maxWidth: 280, whiteSpace: 'normal', wordBreak: 'break-all' }}>
                    <div>{i.title}</div>
                    <Typography.Text type="secondary">
                      {i.kindLabel} · {i.partyNames}
                    </Typography.Text>
                  </div>
                ),
              },
              {
                title: '调委会',
                dataIndex: 'committeeName',
                render: (v: string) => <div style={{ maxWidth: 200, whiteSpace: 'normal' }}>{v}</div>,
              },
              { title: '调解员', dataIndex: 'leadMediatorName', render: (v: string | null) => v ?? '—' },
              {
                title: '状态',
                dataIndex: 'statusLabel',
                render: (_: unknown, i) => <CaseStatusTag tone={i.tone} label={i.statusLabel} />,
              },
              {
                title: '日期',
                key: 'dates',
                render: (_: unknown, i) => (
                  <div style={{ maxWidth: 260, whiteSpace: 'normal' }}>{itemDates(i)}</div>
                ),
              },
            ]}
          />
        )}
      </Space>
    </>
  );
}
