import { certificateKindLabels, certificateKinds } from '@zhucheng/contracts';
import { Card, DatePicker, Flex, Select, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { LoadError } from '../../../../components/load-error.tsx';
import { PageHeader } from '../../../../components/page-header.tsx';
import { useCertificates } from '../api/use-training.ts';

/** 教育培训与就业: the certificates supervisees earned (海员证 …); training and guidance are on each record. */
export default function TrainingPage() {
  const [kind, setKind] = useState<string | undefined>();
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [page, setPage] = useState(1);
  const pageSize = 20;
  const list = useCertificates({
    ...(kind ? { kind } : {}),
    ...(range?.[0] ? { from: range[0].format('YYYY-MM-DD') } : {}),
    ...(range?.[1] ? { to: range[1].format('YYYY-MM-DD') } : {}),
    limit: pageSize,
    offset: (page - 1) * pageSize,
  });
  return (
    <>
      <PageHeader
        title="教育培训与就业"
        description="社区矫正对象参加职业技能培训取得的证书（含海员证）。培训记录和就业指导（含休渔期帮扶）在对象档案的“培训就业”页登记。"
      />
      <Card>
        <Flex gap={12} wrap style={{ marginBottom: 16 }}>
          <Select
            allowClear
            placeholder="证书类别"
            style={{ width: 200 }}
            value={kind}
            onChange={(v) => {
              setKind(v);
              setPage(1);
            }}
            options={certificateKinds.map((k) => ({ value: k, label: certificateKindLabels[k] }))}
          />
          <DatePicker.RangePicker
            value={range}
            onChange={(v) => {
              setRange(v as [Dayjs | null, Dayjs | null] | null);
              setPage(1);
            }}
            placeholder={['发证日期从', '至']}
          />
        </Flex>
        {list.isError ? (
          <LoadError error={list.error} onRetry={() => list.refetch()} />
        ) : (
          <Table
            rowKey="id"
            loading={list.isPending}
            dataSource={list.data?.items ?? []}
            locale={{ emptyText: '没有符合条件的证书' }}
            scroll={{ x: 860 }}
            pagination={{
              current: page,
              pageSize,
              total: list.data?.total ?? 0,
              onChange: setPage,
              showTotal: (n) => `共 ${n} 张`,
            }}
            columns={[
              {
                title: '社区矫正对象',
                render: (_, r) => <Link to={`/corrections/supervisees/${r.caseId}`}>{r.superviseeName}</Link>,
              },
              { title: '司法所', dataIndex: 'officeName' },
              {
                title: '类别',
                render: (_, r) => <Tag color={r.kind === 'seafarer' ? 'blue' : 'default'}>{r.kindLabel}</Tag>,
              },
              { title: '证书编号', dataIndex: 'number' },
              { title: '发证日期', dataIndex: 'issuedOn' },
              { title: '发证机关', dataIndex: 'issuer' },
            ]}
          />
        )}
      </Card>
    </>
  );
}
