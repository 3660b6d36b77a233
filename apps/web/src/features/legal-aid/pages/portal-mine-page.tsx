import { FileSearchOutlined } from '@ant-design/icons';
import { Button, Empty, Tag } from 'antd';
import { Link, useNavigate } from 'react-router';
import { LoadError } from '../../../components/load-error.tsx';
import { PageLoading } from '../../../components/page-loading.tsx';
import { formatDate } from '../../../lib/format.ts';
import { useMyApplications, useOpenDraft } from '../api/legal-aid-api.ts';
import { CitizenGate } from '../components/citizen-gate.tsx';
import styles from '../components/portal.module.css';
import { toneColor } from '../components/tone.ts';

/** 我的申请: the unfinished draft first, then the submitted applications with their status. */
export default function PortalMinePage() {
  return (
    <CitizenGate why="查看我的申请">
      <Mine />
    </CitizenGate>
  );
}

function Mine() {
  const navigate = useNavigate();
  const list = useMyApplications();
  const draft = useOpenDraft(true);
  if (list.isPending) return <PageLoading />;
  if (list.isError) return <LoadError error={list.error} onRetry={() => list.refetch()} />;
  const items = list.data.items;
  return (
    <>
      {draft.data && (
        <section className="portal-card">
          <h2 className="portal-card__title">有一份未提交的申请</h2>
          <p className={styles.saved}>上次保存于 {formatDate(draft.data.updatedAt)}，可以接着填写。</p>
          <Button
            type="primary"
            size="large"
            block
            style={{ marginTop: 12 }}
            onClick={() => navigate('/legal-aid/apply')}
          >
            继续填写
          </Button>
        </section>
      )}
      {items.length === 0 ? (
        <section className="portal-card">
          <Empty
            image={<FileSearchOutlined style={{ fontSize: 48, color: 'var(--portal-blue)' }} />}
            styles={{ image: { height: 56 } }}
            description="还没有提交过法律援助申请"
          >
            <Button type="primary" size="large" onClick={() => navigate('/legal-aid')}>
              申请法律援助
            </Button>
          </Empty>
        </section>
      ) : (
        <ul className={styles.rows}>
          {items.map((a) => (
            <li key={a.caseId}>
              <Link to={`/legal-aid/applications/${a.caseId}`} className={styles.row}>
                <span className={styles.rowTitle}>{a.matterSummary}</span>
                <span className={styles.rowMeta}>
                  <Tag color={toneColor[a.tone]} style={{ marginInlineEnd: 0 }}>
                    {a.statusLabel}
                  </Tag>
                  <span>{a.caseNo ?? '编号生成中'}</span>
                  <span>提交于 {formatDate(a.submittedAt)}</span>
                </span>
                {a.actionNeeded && (
                  <span className={styles.rowMeta} style={{ color: '#d46b08' }}>
                    {a.actionNeeded}
                  </span>
                )}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
