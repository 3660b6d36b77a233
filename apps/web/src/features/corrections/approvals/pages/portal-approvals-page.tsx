import {
  type ApprovalKind,
  type ApprovalView,
  approvalKindLabels,
  approvalLevelLabels,
} from '@zhucheng/contracts';
import { Button, Empty, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { errorMessage } from '../../../../lib/api.ts';
import { PortalQueryState, SuperviseeGate } from '../../supervision/components/portal-shared.tsx';
import { newIdempotencyKey, usePortalApplications, usePortalApply } from '../api/use-approvals.ts';
import { approvalStatusColor, period } from '../components/approval-parts.tsx';
import styles from '../components/portal.module.css';

/** 请假申请 + 我的审批 (portal): apply for leave (or a visitor, a move); see my applications and their state. */
export default function PortalApprovalsPage() {
  return (
    <SuperviseeGate
      signInHint="请假申请需要先用您在司法所登记的手机号和短信验证码登录。登录后自动回到这里。"
      staffHint="您已用工作人员账号登录。审批请到工作台的“社区矫正 → 审批”办理。"
    >
      <Approvals />
    </SuperviseeGate>
  );
}

function Approvals() {
  const data = usePortalApplications();
  const [applying, setApplying] = useState(false);
  const [done, setDone] = useState<ApprovalView | null>(null);
  if (!data.data) return <PortalQueryState query={data} />;
  if (applying) {
    return (
      <ApplyForm
        onCancel={() => setApplying(false)}
        onDone={(a) => {
          setDone(a);
          setApplying(false);
        }}
      />
    );
  }
  const items = data.data.items;
  return (
    <>
      {done ? (
        <section className="portal-card" aria-live="polite">
          <h2 className="portal-card__title">申请已提交</h2>
          <p className={styles.lead}>
            您的{approvalKindLabels[done.kind]}申请（{period(done)}）已提交，由
            {approvalLevelLabels[done.requiredLevel]}
            审批。结果会以短信和站内消息通知您。<strong>未获批准前请不要离开所居住的市、县。</strong>
          </p>
        </section>
      ) : null}
      <section className="portal-card">
        <h2 className="portal-card__title">请假须知</h2>
        <p className={styles.lead}>
          因就医、家庭重大变故等正当理由需要离开所居住的市、县，请提前申请。7
          天以内由司法所审批，更长的由县（区）司法局或上级审批。按期返回后请到司法所销假。
        </p>
      </section>
      <div className={styles.actions}>
        <Button type="primary" size="large" block onClick={() => setApplying(true)}>
          新的申请
        </Button>
      </div>
      <h2 className="portal-card__title" style={{ margin: '16px 0 8px' }}>
        我的审批
      </h2>
      {items.length === 0 ? (
        <section className="portal-card">
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="还没有申请" />
        </section>
      ) : (
        items.map((a) => (
          <section key={a.id} className={`portal-card ${styles.item}`}>
            <h3 className={styles.itemTitle}>
              {approvalKindLabels[a.kind]} <Tag color={approvalStatusColor[a.status]}>{a.statusLabel}</Tag>
              {a.overdue && !a.returnedOn ? <Tag color="red">已超期，请尽快销假</Tag> : null}
            </h3>
            <p className={styles.meta}>{period(a)}</p>
            <p className={styles.meta}>
              {a.kind === 'visitor' ? '来访人员' : a.kind === 'leave' ? '目的地' : '地址'}：{a.destination}
            </p>
            <p className={styles.meta}>审批：{approvalLevelLabels[a.requiredLevel]}</p>
            {a.opinion ? <p className={styles.meta}>审批意见：{a.opinion}</p> : null}
          </section>
        ))
      )}
    </>
  );
}

const portalKinds: ApprovalKind[] = ['leave', 'visitor', 'residenceChange'];
const placeLabel: Record<ApprovalKind, string> = {
  leave: '外出目的地',
  residenceChange: '新居住地址',
  placeChange: '新执行地',
  visitor: '来访人员（姓名、与您的关系）',
};

function ApplyForm({ onCancel, onDone }: { onCancel: () => void; onDone: (a: ApprovalView) => void }) {
  const apply = usePortalApply();
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [kind, setKind] = useState<ApprovalKind>('leave');
  const [destination, setDestination] = useState('');
  const [reason, setReason] = useState('');
  const [fromDate, setFromDate] = useState(dayjs().add(1, 'day').format('YYYY-MM-DD'));
  const [toDate, setToDate] = useState(dayjs().add(3, 'day').format('YYYY-MM-DD'));
  const [problem, setProblem] = useState<string | null>(null);
  const days = kind === 'leave' && fromDate && toDate ? dayjs(toDate).diff(dayjs(fromDate), 'day') + 1 : null;

  const submit = () => {
    if (!destination.trim()) return setProblem(`请填写${placeLabel[kind]}`);
    if (!reason.trim()) return setProblem('请填写事由');
    if (!fromDate || (kind === 'leave' && !toDate)) return setProblem('请填写日期');
    setProblem(null);
    apply.mutate(
      {
        idempotencyKey,
        body: {
          kind,
          destination: destination.trim(),
          reason: reason.trim(),
          fromDate,
          toDate: kind === 'leave' ? toDate : null,
        },
      },
      { onSuccess: onDone, onError: (e) => setProblem(errorMessage(e)) },
    );
  };

  return (
    <section className="portal-card" aria-labelledby="apply-title">
      <h2 id="apply-title" className="portal-card__title">
        新的申请
      </h2>
      <label className={styles.field}>
        <span className={styles.label}>申请事项</span>
        <select
          className={styles.input}
          value={kind}
          onChange={(e) => setKind(e.target.value as ApprovalKind)}
        >
          {portalKinds.map((k) => (
            <option key={k} value={k}>
              {approvalKindLabels[k]}
            </option>
          ))}
        </select>
      </label>
      <label className={styles.field}>
        <span className={styles.label}>{placeLabel[kind]}</span>
        <input
          className={styles.input}
          value={destination}
          maxLength={200}
          onChange={(e) => setDestination(e.target.value)}
        />
      </label>
      <label className={styles.field}>
        <span className={styles.label}>事由</span>
        <textarea
          className={styles.input}
          rows={3}
          value={reason}
          maxLength={500}
          onChange={(e) => setReason(e.target.value)}
        />
      </label>
      <label className={styles.field}>
        <span className={styles.label}>
          {kind === 'leave' ? '外出日期' : kind === 'visitor' ? '会客日期' : '迁居日期'}
        </span>
        <input
          className={styles.input}
          type="date"
          value={fromDate}
          onChange={(e) => setFromDate(e.target.value)}
        />
      </label>
      {kind === 'leave' ? (
        <label className={styles.field}>
          <span className={styles.label}>返回日期{days && days > 0 ? `（共 ${days} 天）` : ''}</span>
          <input
            className={styles.input}
            type="date"
            value={toDate}
            onChange={(e) => setToDate(e.target.value)}
          />
        </label>
      ) : null}
      {problem ? (
        <p className={styles.error} role="alert">
          {problem}
        </p>
      ) : null}
      <div className={styles.actions} style={{ marginTop: 12 }}>
        <Button type="primary" size="large" block loading={apply.isPending} onClick={submit}>
          提交申请
        </Button>
        <Button size="large" block onClick={onCancel}>
          返回
        </Button>
      </div>
    </section>
  );
}
