import { type SanctionKind, type SanctionView, sanctionKindLabels, sanctionKinds } from '@zhucheng/contracts';
import { Card, Empty, Flex, Select, Table } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { LoadError } from '../../../../components/load-error.tsx';
import { PageHeader } from '../../../../components/page-header.tsx';
import { DocumentLink } from '../../approvals/components/document-link.tsx';
import { useSanctions } from '../api/use-sanctions.ts';
import { SanctionKindCell } from '../components/sanction-parts.tsx';

/** 奖惩: the records of my scope, by kind (a new one is recorded on the supervisee's record, tab 奖惩). */
export default function SanctionsPage() {
  const [kind, setKind] = useState<SanctionKind | undefined>();
  const [page, setPage] = useState(1);
  const list = useSanctions({ page, pageSize: 20, ...(kind ? { kind } : {}) });
  return (
    <>
      <PageHeader
        title="奖惩"
        description="表扬、训诫、警告与提请治安管理处罚、撤销缓刑假释、收监执行（第二十八条）；新记录请在社区矫正对象档案的“奖惩”中办理"
      />
      <Card>
        <Flex wrap gap={16} align="center" style={{ marginBottom: 16 }}>
          <Select<SanctionKind>
            allowClear
            placeholder="全部种类"
            aria-label="奖惩种类"
            style={{ width: 200 }}
            value={kind}
            onChange={(v) => {
              setKind(v);
              setPage(1);
            }}
            options={sanctionKinds.map((value) => ({ value, label: sanctionKindLabels[value] }))}
          />
        </Flex>
        {list.isError && !list.data ? (
          <LoadError error={list.error} retrying={list.isFetching} onRetry={() => list.refetch()} />
        ) : (
          <Table<SanctionView>
            rowKey="id"
            size="middle"
            loading={list.isFetching && !list.data}
            dataSource={list.data?.items ?? []}
            scroll={{ x: 1000 }}
            pagination={{
              current: page,
              pageSize: 20,
              total: list.data?.total ?? 0,
              onChange: setPage,
              showTotal: (total) => `共 ${total} 条`,
            }}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无奖惩记录" /> }}
            columns={[
              {
                title: '社区矫正对象',
                key: 'who',
                width: 140,
                render: (_: unknown, r) => (
                  <Link to={`/corrections/supervisees/${r.superviseeCaseId}`}>{r.superviseeName}</Link>
                ),
              },
              { title: '决定日期', dataIndex: 'decidedOn', width: 110 },
              {
                title: '奖惩',
                key: 'kind',
                width: 240,
                render: (_: unknown, r) => <SanctionKindCell s={r} />,
              },
              { title: '情形', dataIndex: 'breachLabel', width: 220 },
              { title: '决定人', dataIndex: 'decidedBy', width: 100 },
              {
                title: '文书',
                key: 'doc',
                width: 100,
                render: (_: unknown, r) => (
                  <DocumentLink caseId={r.id} documentId={r.documentId} label="下载" />
                ),
              },
            ]}
          />
        )}
      </Card>
    </>
  );
}
