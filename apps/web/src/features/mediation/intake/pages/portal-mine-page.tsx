import { disputeKindLabels } from '@zhucheng/contracts';
import { Button, Empty, Tag } from 'antd';
import { Link, useNavigate } from 'react-router';
import { LoadError } from '../../../../components/load-error.tsx';
import { PageLoading } from '../../../../components/page-loading.tsx';
import { formatDate } from '../../../../lib/format.ts';
import { useMyApplications } from '../api/intake-api.ts';
import { CitizenGate } from '../components/citizen-gate.tsx';
import { toneColor } from '../components/format.ts';
import styles from '../components/portal.module.css';

/** 我的调解申请: one row per application with its status; each opens its progress. */
export default function PortalMinePage() {
  return (
    <CitizenGate why="查看我的调解申请">
      <Mine />
    </CitizenGate>
  );
}

function Mine() {
  const navigate = useNavigate();
  const mine = useMyApplications();
  if (mine.isPending) return <PageLoading />;
  if (mine.isError) return <LoadError error={mine.error} onRetry={() => mine.refetch()} />;
  const items = mine.data.items;
  return (
    <>
      {items.length === 0 ? (
        <section className="portal-card">
          <Empty description="您还没有申请过人民调解。遇到纠纷可以点下面的按钮申请，免费。" />
        </section>
      ) : (
        <ul className={styles.rows} aria-label="我的调解申请">
          {items.map((a) => (
            <li key={a.caseId}>
              <Link className={styles.row} to={`/mediation/disputes/${a.caseId}`}>
                <span className={styles.rowTitle}>
                  {disputeKindLabels[a.kind]}
                  {a.respondentName ? `（对方：${a.respondentName}）` : ''}
                </span>
                <span className={styles.rowMeta}>
                  <Tag color={toneColor[a.tone]}>{a.statusLabel}</Tag>
                  <span>{a.caseNo ?? '编号生成中'}</span>
                  <span>{formatDate(a.submittedAt)}</span>
                  <span>{a.committeeName}</span>
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
      <div className={styles.actions}>
        <Button type="primary" size="large" block onClick={() => navigate('/mediation/apply')}>
          申请调解
        </Button>
      </div>
    </>
  );
}
