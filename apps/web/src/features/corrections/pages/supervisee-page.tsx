import { ArrowLeftOutlined } from '@ant-design/icons';
import { superviseeFlagLabels } from '@zhucheng/contracts';
import { App, Button, Card, DatePicker, Form, Input, Modal, Result, Space, Tabs, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { DeadlineBadge } from '../../../components/deadline-badge.tsx';
import { FormErrorAlert } from '../../../components/form-error-alert.tsx';
import { LoadError } from '../../../components/load-error.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { PageLoading } from '../../../components/page-loading.tsx';
import { useCan } from '../../../lib/access.tsx';
import { ApiRequestError, errorMessage } from '../../../lib/api.ts';
import { clockStanding, useSupervisee, useSuperviseeStep } from '../api/use-corrections.ts';
import { ArchiveTab } from '../components/archive-tab.tsx';
import { IntakeTab } from '../components/intake-tab.tsx';
import { LostContactTab } from '../components/lost-contact-tab.tsx';
import { correctionsParts } from '../parts.ts';

const partTabs = correctionsParts.flatMap((part) => part.superviseeTabs);

/**
 * 社区矫正对象档案: the header (status, report-in clock, flags, 报到) and tabs — 档案, 入矫, 失联查找, then the
 * tabs the other parts bring (each shown to holders of its permission).
 */
export default function SuperviseePage() {
  const { caseId = '' } = useParams();
  const navigate = useNavigate();
  const record = useSupervisee(caseId);
  const reportIn = useSuperviseeStep(caseId, 'report-in');
  const can = useCan();
  const { message } = App.useApp();
  const [tab, setTab] = useState('archive');
  const [reporting, setReporting] = useState(false);
  const [reportedOn, setReportedOn] = useState<Dayjs | null>(dayjs());
  const [reportNote, setReportNote] = useState('');
  const [reportProblem, setReportProblem] = useState<string | null>(null);

  if (record.isLoading) return <PageLoading />;
  if (record.isError && record.error instanceof ApiRequestError && record.error.status === 404) {
    return (
      <Result
        status="404"
        title="未找到该社区矫正对象"
        subTitle="记录可能不在您的管辖范围内，或已移交其他司法所。请回到台账重新查找。"
        extra={
          <Button type="primary" onClick={() => navigate('/corrections/supervisees')}>
            返回社区矫正对象台账
          </Button>
        }
      />
    );
  }
  if (record.isError || !record.data)
    return <LoadError error={record.error} onRetry={() => record.refetch()} retrying={record.isFetching} />;
  const s = record.data;

  const openReportIn = () => {
    setReportProblem(null);
    setReportedOn(dayjs());
    setReportNote('');
    setReporting(true);
  };
  const submitReportIn = async () => {
    if (!reportedOn) {
      setReportProblem('请选择报到日期');
      return;
    }
    try {
      await reportIn.mutateAsync({
        version: s.caseVersion,
        reportedOn: reportedOn.format('YYYY-MM-DD'),
        note: reportNote.trim(),
      });
      message.success('已记录报到');
      setReporting(false);
    } catch (error) {
      if (error instanceof ApiRequestError && error.status === 409) {
        message.warning(`${error.message}。已重新加载最新内容`);
        setReporting(false);
        void record.refetch();
        return;
      }
      setReportProblem(errorMessage(error));
    }
  };

  const visiblePartTabs = partTabs.filter((t) => can(t.permission));

  return (
    <>
      <Link to="/corrections/supervisees" style={{ display: 'inline-block', marginBottom: 8 }}>
        <ArrowLeftOutlined /> 返回社区矫正对象台账
      </Link>
      <PageHeader
        title={`${s.name}（${s.caseNo ?? '未编号'}）`}
        description={
          <Space wrap size={4} style={{ marginTop: 4 }}>
            <Tag color={s.status === 'awaitingReportIn' ? 'orange' : 'blue'}>{s.statusLabel}</Tag>
            {s.reportIn && !s.reportedInOn ? <DeadlineBadge standing={clockStanding(s.reportIn)} /> : null}
            {s.flags.map((f) => (
              <Tag key={f} color={f === 'minor' ? 'purple' : 'cyan'}>
                {superviseeFlagLabels[f]}
              </Tag>
            ))}
            {s.lostContact ? <Tag color="red">失联查找中</Tag> : null}
            <span>
              {s.office.name} · 矫正期 {s.periodStart} 至 {s.periodEnd}
            </span>
          </Space>
        }
        extra={
          s.status === 'awaitingReportIn' && can('corrections:intake') ? (
            <Button type="primary" onClick={openReportIn}>
              报到
            </Button>
          ) : null
        }
      />
      <Card>
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={[
            { key: 'archive', label: '档案', children: <ArchiveTab s={s} /> },
            { key: 'intake', label: '入矫', children: <IntakeTab s={s} onReportIn={openReportIn} /> },
            {
              key: 'lostContact',
              label: s.lostContact ? (
                <span style={{ color: '#cf1322' }}>失联查找（进行中）</span>
              ) : (
                '失联查找'
              ),
              children: <LostContactTab s={s} />,
            },
            ...visiblePartTabs.map((t) => ({
              key: `part-${t.key}`,
              label: t.label,
              children: <t.component caseId={caseId} />,
            })),
          ]}
        />
      </Card>
      <Modal
        title="记录报到"
        open={reporting}
        okText="确认报到"
        confirmLoading={reportIn.isPending}
        onOk={submitReportIn}
        onCancel={() => setReporting(false)}
        destroyOnHidden
      >
        <FormErrorAlert message={reportProblem} />
        <Form layout="vertical">
          <Form.Item label="报到日期" required>
            <DatePicker
              value={reportedOn}
              onChange={setReportedOn}
              disabledDate={(d) => d.isAfter(dayjs(), 'day')}
              style={{ width: '100%' }}
            />
          </Form.Item>
          <Form.Item label="报到情况">
            <Input.TextArea
              value={reportNote}
              onChange={(e) => setReportNote(e.target.value)}
              maxLength={1000}
              autoSize={{ minRows: 2, maxRows: 6 }}
              placeholder="核对身份、告知须遵守的规定等"
            />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
