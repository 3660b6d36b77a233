import { type CheckInBoard, checkInWindowStateLabels, supervisionLevelLabels } from '@zhucheng/contracts';
import { Card, DatePicker, Empty, Radio, Space, Statistic, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { LoadError } from '../../../../components/load-error.tsx';
import { PageHeader } from '../../../../components/page-header.tsx';
import { UnitTreeSelect } from '../../../../components/unit-tree-select.tsx';
import { useCheckInBoard } from '../api/use-supervision.ts';
import { dateTime, WindowStateTag } from '../components/portal-shared.tsx';

type Row = CheckInBoard['rows'][number];

/** 今日打卡 / 未打卡: the supervisees under supervision in the user's scope (one office, or all) on a day. */
export default function CheckInBoardPage() {
  const [officeId, setOfficeId] = useState<number | undefined>(undefined);
  const [date, setDate] = useState<string | undefined>(undefined);
  const [show, setShow] = useState<'all' | 'missed' | 'done'>('all');
  const board = useCheckInBoard({ officeId, date, show });
  const totals = board.data?.totals;
  return (
    <>
      <PageHeader title="今日打卡" />
      <Space wrap style={{ display: 'flex', marginBottom: 16 }}>
        <UnitTreeSelect
          placeholder="全部司法所"
          allowClear
          value={officeId ?? null}
          onChange={(v) => setOfficeId(v)}
          style={{ width: 240 }}
        />
        <DatePicker
          allowClear
          placeholder="今天"
          value={date ? dayjs(date) : null}
          disabledDate={(d) => d.isAfter(dayjs(), 'day')}
          onChange={(d) => setDate(d ? d.format('YYYY-MM-DD') : undefined)}
        />
        <Radio.Group
          value={show}
          onChange={(e) => setShow(e.target.value)}
          optionType="button"
          options={[
            { value: 'all', label: '全部' },
            { value: 'missed', label: '未打卡' },
            { value: 'done', label: '已全部打卡' },
          ]}
        />
      </Space>
      {board.isError ? (
        <LoadError error={board.error} onRetry={() => board.refetch()} />
      ) : (
        <>
          <Space wrap size="large" style={{ display: 'flex', marginBottom: 16 }}>
            <Card size="small">
              <Statistic title="在矫人数" value={totals?.supervisees ?? '—'} />
            </Card>
            <Card size="small">
              <Statistic title="应打卡次数" value={totals?.windows ?? '—'} />
            </Card>
            <Card size="small">
              <Statistic title="已打卡" value={totals?.done ?? '—'} valueStyle={{ color: '#237804' }} />
            </Card>
            <Card size="small">
              <Statistic
                title="未打卡（已截止）"
                value={totals?.missed ?? '—'}
                valueStyle={{ color: '#cf1322' }}
              />
            </Card>
          </Space>
          <Table<Row>
            rowKey="caseId"
            loading={board.isPending}
            dataSource={board.data?.rows ?? []}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            locale={{
              emptyText: (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有符合条件的社区矫正对象" />
              ),
            }}
            columns={[
              {
                title: '姓名',
                dataIndex: 'name',
                width: 110,
                render: (v: string, r) => <Link to={`/corrections/supervisees/${r.caseId}`}>{v}</Link>,
              },
              { title: '编号', dataIndex: 'caseNo', width: 200, render: (v: string | null) => v ?? '—' },
              { title: '司法所', key: 'office', width: 160, render: (_, r) => r.office.name },
              {
                title: '等级',
                dataIndex: 'supervisionLevel',
                width: 80,
                render: (v: Row['supervisionLevel']) => (v ? supervisionLevelLabels[v] : '未分类'),
              },
              {
                title: '打卡情况',
                key: 'windows',
                render: (_, r) =>
                  r.windows.length === 0 ? (
                    <Typography.Text type="secondary">当日无打卡要求</Typography.Text>
                  ) : (
                    <Space wrap size={4}>
                      {r.windows.map((w) => (
                        <span key={w.key}>
                          {w.label}{' '}
                          <WindowStateTag state={w.state} label={checkInWindowStateLabels[w.state]} />
                        </span>
                      ))}
                    </Space>
                  ),
              },
              {
                title: '最近打卡',
                dataIndex: 'lastCheckInAt',
                width: 130,
                render: (v: string | null) => (v ? dateTime(v) : '—'),
              },
            ]}
          />
        </>
      )}
    </>
  );
}
