import {
  classificationFactorLabels,
  lostContactOutcomeLabels,
  lostContactStatusLabels,
  lostContactTriggerLabels,
  searchMethodLabels,
  sentenceKindLabels,
  superviseeFlagLabels,
  supervisionLevelLabels,
  teamMemberRoleLabels,
} from '@zhucheng/contracts';
import { App, Button, Card, DatePicker, Empty, Flex, Form, Modal, Space, Table, Tag, Timeline } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useParams } from 'react-router';
import { DeadlineBadge } from '../../../components/deadline-badge.tsx';
import { KeyValueList } from '../../../components/key-value-list.tsx';
import { LoadError } from '../../../components/load-error.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { PageLoading } from '../../../components/page-loading.tsx';
import { useCan } from '../../../lib/access.tsx';
import { errorMessage } from '../../../lib/api.ts';
import { clockStanding, useSupervisee, useSuperviseeStep } from '../api/use-corrections.ts';

/** 社区矫正对象档案: register, intake (team, classification, plan, announcement) and lost-contact searches. */
export default function SuperviseePage() {
  const { caseId = '' } = useParams();
  const record = useSupervisee(caseId);
  const reportIn = useSuperviseeStep(caseId, 'report-in');
  const can = useCan();
  const { message } = App.useApp();
  const [reporting, setReporting] = useState(false);
  const [reportedOn, setReportedOn] = useState<Dayjs | null>(dayjs());

  if (record.isLoading) return <PageLoading />;
  if (record.isError || !record.data)
    return <LoadError error={record.error} onRetry={() => record.refetch()} retrying={record.isFetching} />;
  const s = record.data;

  const submitReportIn = async () => {
    try {
      await reportIn.mutateAsync({ version: s.caseVersion, reportedOn: reportedOn?.format('YYYY-MM-DD') });
      message.success('已记录报到');
      setReporting(false);
    } catch (error) {
      message.error(errorMessage(error));
    }
  };

  return (
    <>
      <PageHeader
        title={`${s.name}（${s.caseNo ?? ''}）`}
        description={
          <Space wrap size={4}>
            <Tag color={s.status === 'awaitingReportIn' ? 'orange' : 'blue'}>{s.statusLabel}</Tag>
            {s.reportIn ? <DeadlineBadge standing={clockStanding(s.reportIn)} /> : null}
            {s.flags.map((f) => (
              <Tag key={f}>{superviseeFlagLabels[f]}</Tag>
            ))}
            {s.lostContact ? <Tag color="red">失联查找中</Tag> : null}
          </Space>
        }
        extra={
          s.status === 'awaitingReportIn' && can('corrections:intake') ? (
            <Button type="primary" onClick={() => setReporting(true)}>
              报到
            </Button>
          ) : null
        }
      />
      <Flex vertical gap={16}>
        <Card title="基本信息" size="small">
          <KeyValueList
            rows={[
              { label: '证件号码', value: s.idNumberMasked ?? '—' },
              { label: '性别', value: s.gender === 'female' ? '女' : s.gender === 'male' ? '男' : '—' },
              { label: '出生日期', value: s.birthDate ?? '—' },
              { label: '矫正类别', value: sentenceKindLabels[s.sentenceKind] },
              { label: '罪名', value: s.offence },
              { label: '判决（决定）机关', value: s.courtName },
              { label: '判决书文号', value: s.judgmentNo },
              { label: '生效日期', value: s.judgmentEffectiveOn },
              { label: '执行通知书', value: s.noticeNo ?? '—' },
              { label: '矫正期', value: `${s.periodStart} 至 ${s.periodEnd}（剩余 ${s.daysRemaining} 天）` },
              { label: '执行地', value: s.office.name },
              { label: '禁止令', value: s.prohibitionOrders.length ? s.prohibitionOrders.join('；') : '无' },
              { label: '报到日期', value: s.reportedInOn ?? '尚未报到' },
            ]}
          />
        </Card>
        <Card title="分类管理" size="small">
          {s.supervisionLevel ? (
            <KeyValueList
              rows={[
                { label: '管理等级', value: supervisionLevelLabels[s.supervisionLevel] },
                {
                  label: '考虑因素',
                  value: s.levelFactors.map((f) => classificationFactorLabels[f]).join('、'),
                },
                { label: '分类理由', value: s.levelReasons },
                { label: '分类日期', value: s.levelSetOn },
              ]}
            />
          ) : (
            <Empty description="尚未分类，请根据第二十四条确定管理等级并写明理由" />
          )}
        </Card>
        <Card title="矫正小组" size="small">
          <Table
            size="small"
            rowKey={(m) => `${m.name}-${m.role}`}
            pagination={false}
            dataSource={s.team}
            locale={{ emptyText: '尚未组建矫正小组（女性社区矫正对象的小组应有女性成员）' }}
            columns={[
              { title: '姓名', dataIndex: 'name', render: (n: string, m) => (m.leader ? `${n}（组长）` : n) },
              {
                title: '身份',
                dataIndex: 'role',
                render: (r: keyof typeof teamMemberRoleLabels) => teamMemberRoleLabels[r],
              },
              { title: '性别', dataIndex: 'gender', render: (g: string) => (g === 'female' ? '女' : '男') },
              { title: '单位或关系', dataIndex: 'affiliation' },
            ]}
          />
        </Card>
        <Card title="矫正方案与宣告" size="small">
          <KeyValueList
            rows={[
              {
                label: '矫正方案',
                value: s.plan
                  ? `${s.plan.content}（每月教育学习 ${s.plan.educationHoursMonthly} 小时、公益活动 ${s.plan.publicServiceHoursMonthly} 小时，${s.plan.setOn} 制定）`
                  : '尚未制定',
              },
              {
                label: '入矫宣告',
                value: s.announcement
                  ? `${s.announcement.announcedOn} 于${s.announcement.place}，宣告人${s.announcement.host}；参加：${s.announcement.attendees.map((a) => `${a.name}（${a.role}）`).join('、')}`
                  : '尚未宣告',
              },
            ]}
          />
        </Card>
        <Card title="失联查找（第三十条）" size="small">
          {s.lostContacts.length === 0 ? (
            <Empty description="无失联查找记录" />
          ) : (
            s.lostContacts.map((l) => (
              <Card
                key={l.id}
                type="inner"
                size="small"
                style={{ marginBottom: 8 }}
                title={`${l.openedOn} ${lostContactTriggerLabels[l.trigger]}`}
                extra={
                  <Tag color={l.status === 'searching' ? 'red' : 'green'}>
                    {lostContactStatusLabels[l.status]}
                  </Tag>
                }
              >
                {l.note ? <p>{l.note}</p> : null}
                <Timeline
                  items={l.steps.map((step) => ({
                    children: `${dayjs(step.at).format('YYYY-MM-DD HH:mm')} ${searchMethodLabels[step.method]}：${step.action}，${step.result}（${step.recordedBy}）`,
                  }))}
                />
                {l.outcome ? <p>结果：{lostContactOutcomeLabels[l.outcome]}</p> : null}
              </Card>
            ))
          )}
        </Card>
      </Flex>
      <Modal
        title="记录报到"
        open={reporting}
        okText="确认报到"
        confirmLoading={reportIn.isPending}
        onOk={submitReportIn}
        onCancel={() => setReporting(false)}
      >
        <Form layout="vertical">
          <Form.Item label="报到日期" required>
            <DatePicker value={reportedOn} onChange={setReportedOn} style={{ width: '100%' }} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
