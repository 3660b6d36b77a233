import { type SentenceKind, sentenceKindLabels } from '@zhucheng/contracts';
import { Button, Card, Segmented, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { LoadError } from '../../../../components/load-error.tsx';
import { PageHeader } from '../../../../components/page-header.tsx';
import { useCan } from '../../../../lib/access.tsx';
import { useEndingSoon } from '../api/use-release.ts';
import { type EndingTarget, ReleaseDialog, TerminateDialog } from '../components/ending-dialogs.tsx';

/** 解除与终止: the terms ending within 30 (60, 90) days and those already due, with release and termination. */
export default function EndingSoonPage() {
  const [days, setDays] = useState(30);
  const list = useEndingSoon(days);
  const can = useCan();
  const [release, setRelease] = useState<EndingTarget | null>(null);
  const [terminate, setTerminate] = useState<EndingTarget | null>(null);
  return (
    <>
      <PageHeader
        title="解除与终止"
        description="矫正期满的社区矫正对象应按期解除并出具解除社区矫正证明书，书面通知法院、检察院、公安机关（第四十四条）；撤销缓刑假释、收监执行或死亡的，终止社区矫正（第四十五条）。"
      />
      <Card
        title="即将期满"
        extra={
          <Segmented
            value={days}
            onChange={(v) => setDays(Number(v))}
            options={[
              { value: 30, label: '30 天内' },
              { value: 60, label: '60 天内' },
              { value: 90, label: '90 天内' },
            ]}
          />
        }
      >
        {list.isError ? (
          <LoadError error={list.error} onRetry={() => list.refetch()} />
        ) : (
          <Table
            rowKey="caseId"
            loading={list.isPending}
            dataSource={list.data?.items ?? []}
            locale={{ emptyText: `${days} 天内没有期满的社区矫正对象` }}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            scroll={{ x: 860 }}
            columns={[
              {
                title: '姓名',
                render: (_, r) => <Link to={`/corrections/supervisees/${r.caseId}`}>{r.name}</Link>,
              },
              { title: '编号', dataIndex: 'caseNo' },
              {
                title: '类别',
                render: (_, r) => sentenceKindLabels[r.sentenceKind as SentenceKind] ?? r.sentenceKind,
              },
              { title: '司法所', dataIndex: 'officeName' },
              { title: '期满日期', dataIndex: 'periodEnd' },
              {
                title: '剩余',
                render: (_, r) =>
                  r.daysRemaining === 0 ? (
                    <Tag color="red">已期满，待解除</Tag>
                  ) : (
                    <Tag color="orange">{r.daysRemaining} 天</Tag>
                  ),
              },
              {
                title: '操作',
                fixed: 'right',
                render: (_, r) =>
                  can('corrections:release') ? (
                    <Space>
                      <Button
                        size="small"
                        type="link"
                        disabled={r.daysRemaining > 0 || r.status !== 'underSupervision'}
                        onClick={() =>
                          setRelease({
                            caseId: r.caseId,
                            name: r.name,
                            periodEnd: r.periodEnd,
                            version: r.version,
                          })
                        }
                      >
                        解除
                      </Button>
                      <Button
                        size="small"
                        type="link"
                        danger
                        onClick={() =>
                          setTerminate({
                            caseId: r.caseId,
                            name: r.name,
                            periodEnd: r.periodEnd,
                            version: r.version,
                          })
                        }
                      >
                        终止
                      </Button>
                    </Space>
                  ) : null,
              },
            ]}
          />
        )}
      </Card>
      <ReleaseDialog target={release} onClose={() => setRelease(null)} />
      <TerminateDialog target={terminate} onClose={() => setTerminate(null)} />
    </>
  );
}
