import { Alert, Button, Steps, Tag } from 'antd';
import { useNavigate, useParams } from 'react-router';
import { LoadError } from '../../../components/load-error.tsx';
import { PageLoading } from '../../../components/page-loading.tsx';
import { formatDate, formatDateTime } from '../../../lib/format.ts';
import { useMyApplication } from '../api/legal-aid-api.ts';
import { CitizenGate } from '../components/citizen-gate.tsx';
import styles from '../components/portal.module.css';
import { toneColor } from '../components/tone.ts';

/** 办理进度: every step with its date, and what the citizen must do now. */
export default function PortalProgressPage() {
  return (
    <CitizenGate why="查看办理进度">
      <Progress />
    </CitizenGate>
  );
}

function Progress() {
  const { caseId = '' } = useParams();
  const navigate = useNavigate();
  const application = useMyApplication(caseId);
  if (application.isPending) return <PageLoading />;
  if (application.isError)
    return <LoadError error={application.error} onRetry={() => application.refetch()} />;
  const a = application.data;
  const current = a.steps.findIndex((s) => s.status === 'current');
  return (
    <>
      <section className="portal-card" aria-labelledby="la-progress-title">
        <h2 id="la-progress-title" className="portal-card__title">
          {a.matterSummary}
        </h2>
        <p className={styles.saved}>申请编号 {a.caseNo ?? '编号生成中'}</p>
        <p className={styles.saved}>
          {a.competentUnitName} · 提交于 {formatDate(a.submittedAt)}
        </p>
        <Tag color={toneColor[a.tone]} style={{ marginTop: 8 }}>
          {a.statusLabel}
        </Tag>
      </section>
      {a.actionNeeded && (
        <Alert
          type="warning"
          showIcon
          title={a.actionNeeded}
          description={
            a.correctionItems.length > 0 ? (
              <>
                <ul className={styles.list}>
                  {a.correctionItems.map((item) => (
                    <li key={item}>{item}</li>
                  ))}
                </ul>
                {a.correctionDueOn && (
                  <p className={styles.warning}>请在 {a.correctionDueOn} 前补充，逾期视为撤回申请。</p>
                )}
              </>
            ) : undefined
          }
        />
      )}
      <section className="portal-card" aria-label="办理步骤">
        <Steps
          orientation="vertical"
          current={current < 0 ? a.steps.length : current}
          items={a.steps.map((s) => ({
            title: s.label,
            status: s.status === 'done' ? 'finish' : s.status === 'current' ? 'process' : 'wait',
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
        <Button size="large" block onClick={() => navigate('/legal-aid/mine')}>
          我的申请
        </Button>
      </div>
    </>
  );
}
