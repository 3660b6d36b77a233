import { CameraOutlined, EditOutlined, HistoryOutlined } from '@ant-design/icons';
import {
  checkInWindowStateLabels,
  type PortalHome,
  sentenceKindLabels,
  supervisionLevelLabels,
} from '@zhucheng/contracts';
import { Button, Tag } from 'antd';
import { Link, useNavigate } from 'react-router';
import { correctionsParts } from '../../parts.ts';
import { usePortalHome } from '../api/use-supervision.ts';
import styles from '../components/portal.module.css';
import { PortalQueryState, SuperviseeGate, WindowStateTag } from '../components/portal-shared.tsx';

const links = correctionsParts.flatMap((part) => part.portalLinks);

/** 我的矫正: my status, days remaining, level, today's check-ins, this month's report and hours, every part's links. */
export default function PortalHomePage() {
  return (
    <SuperviseeGate>
      <Home />
    </SuperviseeGate>
  );
}

function Home() {
  const home = usePortalHome();
  if (!home.data) return <PortalQueryState query={home} />;
  const h = home.data;
  return (
    <>
      <Status h={h} />
      {h.status === 'awaitingReportIn' ? <ReportInCard h={h} /> : <Today h={h} />}
      {h.status === 'underSupervision' ? <Monthly h={h} /> : null}
      <section className="portal-card">
        <h2 className="portal-card__title">办事</h2>
        <div className={styles.links}>
          {links.map((l) => (
            <Link key={l.key} to={l.path} className={styles.link}>
              <span className={styles.linkTitle}>
                <l.icon /> {l.title}
              </span>
              <span className={styles.linkText}>{l.description}</span>
            </Link>
          ))}
        </div>
      </section>
    </>
  );
}

function Status({ h }: { h: PortalHome }) {
  return (
    <section className="portal-card">
      <h2 className="portal-card__title">
        {h.name} <Tag color={h.status === 'underSupervision' ? 'blue' : 'orange'}>{h.statusLabel}</Tag>
      </h2>
      <dl className={styles.stats}>
        <div className={styles.stat}>
          <dt>剩余天数</dt>
          <dd>{h.daysRemaining} 天</dd>
        </div>
        <div className={styles.stat}>
          <dt>管理等级</dt>
          <dd>{h.supervisionLevel ? supervisionLevelLabels[h.supervisionLevel] : '待评定'}</dd>
        </div>
        <div className={styles.stat}>
          <dt>矫正类别</dt>
          <dd>{sentenceKindLabels[h.sentenceKind]}</dd>
        </div>
        <div className={styles.stat}>
          <dt>执行地</dt>
          <dd>{h.officeName}</dd>
        </div>
      </dl>
      <p className={styles.meta} style={{ marginTop: 10 }}>
        矫正期 {h.periodStart} 至 {h.periodEnd}
        {h.caseNo ? `　编号 ${h.caseNo}` : ''}
      </p>
    </section>
  );
}

function ReportInCard({ h }: { h: PortalHome }) {
  const navigate = useNavigate();
  return (
    <section className="portal-card">
      <h2 className="portal-card__title">请按时报到</h2>
      <p className={styles.lead}>
        依照《社区矫正法》第二十一条，您应当自判决、裁定生效之日起十日内报到
        {h.reportInDueOn ? `，最迟 ${h.reportInDueOn}` : ''}。可以在这里网上报到（拍摄本人照片并提供位置），
        也可以到{h.officeName}当面报到。
      </p>
      <div className={styles.actions} style={{ marginTop: 12 }}>
        <Button
          type="primary"
          size="large"
          block
          icon={<CameraOutlined />}
          onClick={() => navigate('/corrections/report-in')}
        >
          网上报到
        </Button>
      </div>
    </section>
  );
}

function Today({ h }: { h: PortalHome }) {
  const navigate = useNavigate();
  const open = h.today.some((w) => w.state === 'open');
  return (
    <section className="portal-card">
      <h2 className="portal-card__title">今日打卡</h2>
      {h.scheduleLabel ? <p className={styles.meta}>{h.scheduleLabel}</p> : null}
      {h.today.length === 0 ? (
        <p className={styles.lead} style={{ marginTop: 8 }}>
          今天无需打卡（报到当天不计），明天起请按上述时间打卡。
        </p>
      ) : null}
      <ul className={styles.windows} style={{ marginTop: 8 }}>
        {h.today.map((w) => (
          <li key={w.key} className={styles.window}>
            <span>{w.label}</span>
            <WindowStateTag state={w.state} label={checkInWindowStateLabels[w.state]} />
          </li>
        ))}
      </ul>
      <div className={styles.actions} style={{ marginTop: 12 }}>
        <Button
          type={open ? 'primary' : 'default'}
          size="large"
          block
          icon={<CameraOutlined />}
          onClick={() => navigate('/corrections/check-in')}
        >
          {open ? '现在打卡' : '打卡'}
        </Button>
        <Button
          size="large"
          block
          icon={<HistoryOutlined />}
          onClick={() => navigate('/corrections/records')}
        >
          我的记录
        </Button>
      </div>
    </section>
  );
}

function Monthly({ h }: { h: PortalHome }) {
  const navigate = useNavigate();
  const p = h.progress;
  const line = (done: number, target: number | null) =>
    target === null ? `${done} 小时` : `${done} / ${target} 小时`;
  return (
    <section className="portal-card">
      <h2 className="portal-card__title">本月</h2>
      <dl className={styles.stats}>
        <div className={styles.stat}>
          <dt>教育学习</dt>
          <dd>{line(p.education.done, p.education.target)}</dd>
        </div>
        <div className={styles.stat}>
          <dt>公益活动</dt>
          <dd>{line(p.publicService.done, p.publicService.target)}</dd>
        </div>
      </dl>
      <p className={styles.lead} style={{ marginTop: 10 }}>
        思想汇报：{h.reportSubmittedThisMonth ? '本月已提交' : '本月尚未提交'}
      </p>
      {!h.reportSubmittedThisMonth ? (
        <div className={styles.actions} style={{ marginTop: 12 }}>
          <Button size="large" block icon={<EditOutlined />} onClick={() => navigate('/corrections/reports')}>
            写思想汇报
          </Button>
        </div>
      ) : null}
    </section>
  );
}
