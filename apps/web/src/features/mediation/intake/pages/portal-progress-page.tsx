import { disputeKindLabels } from '@zhucheng/contracts';
import { Alert, Button, Steps, Tag } from 'antd';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { LoadError } from '../../../../components/load-error.tsx';
import { PageLoading } from '../../../../components/page-loading.tsx';
import { formatDate, formatDateTime } from '../../../../lib/format.ts';
import { useMyApplication } from '../api/intake-api.ts';
import { CitizenGate } from '../components/citizen-gate.tsx';
import { toneColor } from '../components/format.ts';
import styles from '../components/portal.module.css';

/** 办理进度: 提交申请 → 分派调委会 → 受理 → 调解 → 结果, with the committee to call. */
export default function PortalProgressPage() {
  return (
    <CitizenGate why="查看办理进度">
      <Progress />
    </CitizenGate>
  );
}

function Progress() {
  const { caseId = '' } = useParams();
  const [search] = useSearchParams();
  const navigate = useNavigate();
  const application = useMyApplication(caseId);
  if (application.isPending) return <PageLoading />;
  if (application.isError)
    return <LoadError error={application.error} onRetry={() => application.refetch()} />;
  const a = application.data;
  const current = a.steps.findIndex((s) => s.status === 'current');
  return (
    <>
      {search.get('submitted') === '1' && (
        <section className="portal-card" aria-labelledby="md-submitted">
          <h2 id="md-submitted" className="portal-card__title">
            申请已提交
          </h2>
          <p className={styles.saved}>申请编号</p>
          <p className={styles.number}>{a.caseNo ?? '编号生成中'}</p>
          <p className={styles.lead}>
            已分派至<strong>{a.committeeName}</strong>
            {
              '。调委会受理后，调解员一般会在 3 个工作日内打电话与您联系，约定调解的时间和地点。受理、调解结果都会发短信和站内消息告诉您，也可以随时在这里查看进度。'
            }
          </p>
        </section>
      )}
      <section className="portal-card" aria-labelledby="md-progress-title">
        <h2 id="md-progress-title" className="portal-card__title">
          {disputeKindLabels[a.kind]}
          {a.respondentName ? `（对方：${a.respondentName}）` : ''}
        </h2>
        <p className={styles.saved}>申请编号 {a.caseNo ?? '编号生成中'}</p>
        <p className={styles.saved}>提交于 {formatDate(a.submittedAt)}</p>
        <Tag color={toneColor[a.tone]} style={{ marginTop: 8 }}>
          {a.statusLabel}
        </Tag>
      </section>
      <Alert
        type="info"
        showIcon
        title={a.committeeName}
        description={
          <>
            {a.committeePhone && (
              <div>
                联系电话：<a href={`tel:${a.committeePhone}`}>{a.committeePhone}</a>
              </div>
            )}
            {a.committeeAddress && <div>地址：{a.committeeAddress}</div>}
            {!a.committeePhone && !a.committeeAddress && <div>调解员会主动与您联系。</div>}
          </>
        }
      />
      <section className="portal-card" aria-label="办理步骤">
        <Steps
          orientation="vertical"
          current={current < 0 ? a.steps.length : current}
          items={a.steps.map((s) => ({
            title: s.label,
            status:
              s.status === 'done'
                ? 'finish'
                : s.status === 'current'
                  ? 'process'
                  : s.status === 'failed'
                    ? 'error'
                    : 'wait',
            content: (
              <>
                {s.at && <div>{formatDateTime(s.at)}</div>}
                {s.note && <div>{s.note}</div>}
              </>
            ),
          }))}
        />
      </section>
      <div className={styles.actions}>
        <Button size="large" block onClick={() => navigate('/mediation/mine')}>
          我的申请
        </Button>
      </div>
    </>
  );
}
