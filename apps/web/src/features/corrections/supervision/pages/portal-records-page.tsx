import { checkInStatusLabels, missedCheckInStatusLabels } from '@zhucheng/contracts';
import { Tag } from 'antd';
import { usePortalRecords } from '../api/use-supervision.ts';
import styles from '../components/portal.module.css';
import { dateTime, PortalQueryState, SuperviseeGate } from '../components/portal-shared.tsx';

/** 我的记录: my check-ins (on time or late, with the place), the windows I missed, my reports. */
export default function PortalRecordsPage() {
  return (
    <SuperviseeGate>
      <Records />
    </SuperviseeGate>
  );
}

function Records() {
  const records = usePortalRecords();
  if (!records.data) return <PortalQueryState query={records} />;
  const r = records.data;
  return (
    <>
      <section className="portal-card">
        <h2 className="portal-card__title">未按时打卡</h2>
        {r.missed.length === 0 ? (
          <p className={styles.meta}>没有未按时打卡的记录。</p>
        ) : (
          r.missed.map((m) => (
            <div key={m.id} className={styles.item}>
              <span className={styles.itemTitle}>
                {m.windowLabel}
                <Tag color={m.status === 'open' ? 'error' : 'default'}>
                  {missedCheckInStatusLabels[m.status]}
                </Tag>
              </span>
              {m.resolutionNote ? <p className={styles.meta}>司法所核实：{m.resolutionNote}</p> : null}
            </div>
          ))
        )}
      </section>
      <section className="portal-card">
        <h2 className="portal-card__title">打卡记录</h2>
        {r.checkIns.length === 0 ? (
          <p className={styles.meta}>还没有打卡记录。</p>
        ) : (
          r.checkIns.map((c) => (
            <div key={c.id} className={styles.item}>
              <span className={styles.itemTitle}>
                {dateTime(c.at)}
                <Tag color={c.status === 'onTime' ? 'success' : 'warning'}>
                  {checkInStatusLabels[c.status]}
                </Tag>
              </span>
              <p className={styles.meta}>{c.location.text}</p>
              {c.note ? <p className={styles.meta}>{c.note}</p> : null}
            </div>
          ))
        )}
      </section>
      <section className="portal-card">
        <h2 className="portal-card__title">思想汇报</h2>
        {r.reports.length === 0 ? (
          <p className={styles.meta}>还没有提交过思想汇报。</p>
        ) : (
          r.reports.map((p) => (
            <div key={p.id} className={styles.item}>
              <span
                className={styles.itemTitle}
              >{`${p.month.slice(0, 4)}年${Number(p.month.slice(5))}月`}</span>
              <p className={styles.meta}>提交于 {dateTime(p.submittedAt)}</p>
            </div>
          ))
        )}
      </section>
    </>
  );
}
