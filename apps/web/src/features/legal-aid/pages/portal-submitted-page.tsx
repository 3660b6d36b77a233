import { CheckCircleFilled } from '@ant-design/icons';
import { Button } from 'antd';
import { useNavigate, useParams } from 'react-router';
import { LoadError } from '../../../components/load-error.tsx';
import { PageLoading } from '../../../components/page-loading.tsx';
import { formatDate } from '../../../lib/format.ts';
import { useMyApplication } from '../api/legal-aid-api.ts';
import { CitizenGate } from '../components/citizen-gate.tsx';
import styles from '../components/portal.module.css';

/** After 提交申请: the number, what happens next and by when, and the way to 办理进度. */
export default function PortalSubmittedPage() {
  return (
    <CitizenGate why="查看申请结果">
      <Submitted />
    </CitizenGate>
  );
}

function addDays(iso: string, days: number): string {
  const d = new Date(iso);
  d.setDate(d.getDate() + days);
  return d.toISOString();
}

function Submitted() {
  const { caseId = '' } = useParams();
  const navigate = useNavigate();
  const application = useMyApplication(caseId);
  if (application.isPending) return <PageLoading />;
  if (application.isError)
    return <LoadError error={application.error} onRetry={() => application.refetch()} />;
  const a = application.data;
  return (
    <>
      <section className="portal-card" style={{ textAlign: 'center' }} aria-labelledby="la-done">
        <CheckCircleFilled style={{ fontSize: 56, color: '#2e8b57' }} />
        <h2 id="la-done" className="portal-card__title" style={{ marginTop: 8 }}>
          申请已提交
        </h2>
        <p className={styles.lead}>申请编号</p>
        <p className={styles.number} data-testid="application-number">
          {a.caseNo ?? '编号生成中'}
        </p>
        <p className={styles.saved}>
          {a.competentUnitName} · 提交于 {formatDate(a.submittedAt)}
        </p>
      </section>
      <section className="portal-card" aria-labelledby="la-next">
        <h2 id="la-next" className="portal-card__title">
          接下来
        </h2>
        <ol className={styles.list}>
          <li>
            {a.competentUnitName}审查您的申请，在 <strong>{formatDate(addDays(a.submittedAt, 7))}</strong>{' '}
            前作出是否给予法律援助的决定（7 日内，《法律援助法》第四十三条）。
          </li>
          <li>材料不全的，中心会一次性告诉您需要补充什么，补充期间不计入 7 日。</li>
          <li>决定给予法律援助的，3 日内为您指派律师，律师会主动联系您。</li>
          <li>每一步都会通过短信和“我的消息”通知您。</li>
        </ol>
      </section>
      <div className={styles.actions}>
        <Button
          type="primary"
          size="large"
          block
          onClick={() => navigate(`/legal-aid/applications/${a.caseId}`)}
        >
          查看办理进度
        </Button>
        <Button size="large" block onClick={() => navigate('/')}>
          返回首页
        </Button>
      </div>
    </>
  );
}
