import {
  aboardRoleLabels,
  gearTypeLabels,
  type PortalSeaTripsView,
  type SeaTripView,
} from '@zhucheng/contracts';
import { Alert, Button, Empty, Input, Radio, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { errorMessage } from '../../../../lib/api.ts';
import { PortalQueryState, SuperviseeGate } from '../../supervision/components/portal-shared.tsx';
import {
  newIdempotencyKey,
  usePortalFileTrip,
  usePortalSeaTrips,
  usePortalTripAction,
} from '../api/use-vessels.ts';
import { dateTime, monthDayTime, seaTripStatusColor } from '../components/format.ts';
import styles from '../components/portal.module.css';

/** 出海报备 (portal): file before going to sea, my trips with their state, log at sea, return report. */
export default function PortalSeaTripsPage() {
  return (
    <SuperviseeGate
      signInHint="出海报备需要先用您在司法所登记的手机号和短信验证码登录。登录后自动回到这里。"
      staffHint="您已用工作人员账号登录。出海报备的审批请到工作台的“社区矫正 → 出海报备”办理。"
    >
      <SeaTrips />
    </SuperviseeGate>
  );
}

function SeaTrips() {
  const data = usePortalSeaTrips();
  const [filing, setFiling] = useState(false);
  const [filed, setFiled] = useState<SeaTripView | null>(null);
  if (!data.data) return <PortalQueryState query={data} />;
  const v = data.data;
  const m = v.settings.moratorium;
  if (filing) {
    return (
      <FileForm
        v={v}
        onCancel={() => setFiling(false)}
        onFiled={(t) => {
          setFiled(t);
          setFiling(false);
        }}
      />
    );
  }
  return (
    <>
      {filed ? (
        <section className="portal-card" aria-live="polite">
          <h2 className="portal-card__title">报备已提交</h2>
          <p className={styles.lead}>
            “{filed.vessel.name}”{dateTime(filed.plannedDepartureAt)}{' '}
            出海的报备已交司法所审批。审批结果会以站内消息通知您，也可在下面查看。
            <strong>未获同意前请不要出海。</strong>
          </p>
        </section>
      ) : null}
      <section className="portal-card">
        <h2 className="portal-card__title">出海报备须知</h2>
        <p className={styles.lead}>
          出海前报备 → 司法所同意后出海 → 在海上记录日志 → 返港后报告。休渔期每年{monthDayTime(m.start)}至
          {monthDayTime(m.end)}
          {m.exemptGearTypes.length > 0
            ? `（${m.exemptGearTypes.map((g) => gearTypeLabels[g]).join('、')}作业除外）`
            : ''}
          ，期间不能报备出海。
        </p>
      </section>
      <div className={styles.actions}>
        <Button
          type="primary"
          size="large"
          block
          disabled={v.vessels.length === 0}
          onClick={() => setFiling(true)}
        >
          新的出海报备
        </Button>
        {v.vessels.length === 0 ? (
          <p className={styles.meta}>司法所还没有登记您在哪艘船上，暂时不能报备。请联系司法所登记。</p>
        ) : null}
      </div>
      <h2 className="portal-card__title" style={{ margin: '16px 0 8px' }}>
        我的出海报备
      </h2>
      {v.trips.length === 0 ? (
        <section className="portal-card">
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="还没有出海报备" />
        </section>
      ) : (
        v.trips.map((t) => <TripCard key={t.id} trip={t} />)
      )}
    </>
  );
}

const toIso = (local: string) => (local ? dayjs(local).toISOString() : '');
const localInput = (d: dayjs.Dayjs) => d.format('YYYY-MM-DDTHH:mm');

function FileForm({
  v,
  onCancel,
  onFiled,
}: {
  v: PortalSeaTripsView;
  onCancel: () => void;
  onFiled: (t: SeaTripView) => void;
}) {
  const file = usePortalFileTrip();
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [vesselId, setVesselId] = useState(v.vessels.length === 1 ? (v.vessels[0]?.id ?? '') : '');
  const [seaArea, setSeaArea] = useState('');
  const [departure, setDeparture] = useState(localInput(dayjs().add(1, 'day').hour(6).minute(0)));
  const [ret, setRet] = useState(localInput(dayjs().add(3, 'day').hour(18).minute(0)));
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  const submit = () => {
    if (!vesselId) return setProblem('请选择出海的船舶');
    if (!seaArea.trim()) return setProblem('请填写作业海域');
    if (!departure || !ret) return setProblem('请填写计划出海和返港时间');
    setProblem(null);
    file.mutate(
      {
        idempotencyKey,
        body: {
          vesselId,
          seaArea: seaArea.trim(),
          plannedDepartureAt: toIso(departure),
          plannedReturnAt: toIso(ret),
          note: note.trim() || null,
        },
      },
      { onSuccess: onFiled, onError: (e) => setProblem(errorMessage(e)) },
    );
  };

  return (
    <section className="portal-card" aria-labelledby="trip-form-title">
      <h2 id="trip-form-title" className="portal-card__title">
        新的出海报备
      </h2>
      <div className={styles.field}>
        <span className={styles.label} id="trip-vessel">
          船舶
        </span>
        <span className={styles.help}>只能选择司法所登记您在船上的船舶</span>
        <Radio.Group
          aria-labelledby="trip-vessel"
          className={styles.choice}
          value={vesselId}
          onChange={(e) => setVesselId(e.target.value)}
        >
          {v.vessels.map((x) => (
            <Radio key={x.id} value={x.id} className={styles.option}>
              <strong>{x.name}</strong>
              <span className={styles.meta}>
                {' '}
                {gearTypeLabels[x.gearType]} · {aboardRoleLabels[x.role]}
              </span>
            </Radio>
          ))}
        </Radio.Group>
      </div>
      <div className={styles.field}>
        <label className={styles.label} htmlFor="trip-sea-area">
          作业海域
        </label>
        <span className={styles.help}>司法所据此核对您的航迹，请写清楚</span>
        <Input.TextArea
          id="trip-sea-area"
          maxLength={200}
          autoSize={{ minRows: 2, maxRows: 4 }}
          placeholder="如：北部湾涠洲岛以南 20 海里"
          value={seaArea}
          onChange={(e) => setSeaArea(e.target.value)}
          style={{ fontSize: 16 }}
        />
      </div>
      <label className={styles.field}>
        <span className={styles.label}>计划出海时间</span>
        <input
          className={styles.input}
          type="datetime-local"
          value={departure}
          onChange={(e) => setDeparture(e.target.value)}
        />
      </label>
      <label className={styles.field}>
        <span className={styles.label}>计划返港时间</span>
        <span className={styles.help}>超过返港时间未报告返港的，司法所会联系您</span>
        <input
          className={styles.input}
          type="datetime-local"
          value={ret}
          onChange={(e) => setRet(e.target.value)}
        />
      </label>
      <div className={styles.field}>
        <label className={styles.label} htmlFor="trip-note">
          备注（选填）
        </label>
        <Input
          id="trip-note"
          maxLength={500}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          style={{ fontSize: 16 }}
        />
      </div>
      {problem ? <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} /> : null}
      <div className={styles.actions}>
        <Button type="primary" size="large" block loading={file.isPending} onClick={submit}>
          提交报备
        </Button>
        <Button size="large" block onClick={onCancel} disabled={file.isPending}>
          返回
        </Button>
      </div>
    </section>
  );
}

function TripCard({ trip }: { trip: SeaTripView }) {
  const act = usePortalTripAction();
  const [mode, setMode] = useState<null | 'log' | 'return' | 'cancel'>(null);
  const [text, setText] = useState('');
  const [returnedAt, setReturnedAt] = useState(localInput(dayjs()));
  const [problem, setProblem] = useState<string | null>(null);
  const run = (action: 'depart' | 'return' | 'cancel' | 'logs', body: unknown) => {
    setProblem(null);
    act.mutate(
      { id: trip.id, action, body },
      {
        onSuccess: () => {
          setMode(null);
          setText('');
        },
        onError: (e) => setProblem(errorMessage(e)),
      },
    );
  };
  return (
    <section className={`portal-card ${styles.trip}`}>
      <p className={styles.tripTitle}>
        {trip.vessel.name}{' '}
        <Tag color={seaTripStatusColor[trip.status]} style={{ marginLeft: 4 }}>
          {trip.statusLabel}
        </Tag>
        {trip.overdue ? <Tag color="red">已超过返港时间</Tag> : null}
      </p>
      <p className={styles.meta}>
        出海 {dateTime(trip.plannedDepartureAt)}，返港 {dateTime(trip.plannedReturnAt)}
      </p>
      <p className={styles.meta}>海域：{trip.seaArea}</p>
      {trip.decisionReason ? (
        <p className={styles.meta}>
          {trip.status === 'rejected' ? '不同意的理由' : '司法所意见'}：{trip.decisionReason}
        </p>
      ) : null}
      {trip.logs.length > 0 ? (
        <p className={styles.meta}>
          海上日志 {trip.logs.length} 条，最近：{trip.logs.at(-1)?.note}
        </p>
      ) : null}
      {trip.returnedAt ? <p className={styles.meta}>已于 {dateTime(trip.returnedAt)} 返港</p> : null}
      {problem ? <p className={styles.error}>{problem}</p> : null}
      {mode === 'cancel' ? (
        <div className={styles.actions}>
          <p className={styles.meta}>撤回后这次报备作废，如仍要出海需重新报备。确定撤回吗？</p>
          <Button
            danger
            type="primary"
            size="large"
            block
            loading={act.isPending}
            onClick={() => run('cancel', { version: trip.version })}
          >
            确定撤回
          </Button>
          <Button size="large" block onClick={() => setMode(null)}>
            不撤回
          </Button>
        </div>
      ) : mode === 'log' ? (
        <div className={styles.actions}>
          <Input.TextArea
            aria-label="海上日志"
            placeholder="如：抵达作业海域，天气良好"
            maxLength={500}
            autoSize={{ minRows: 2 }}
            value={text}
            onChange={(e) => setText(e.target.value)}
            style={{ fontSize: 16 }}
          />
          <Button
            type="primary"
            size="large"
            block
            loading={act.isPending}
            onClick={() => run('logs', { note: text })}
          >
            保存日志
          </Button>
          <Button size="large" block onClick={() => setMode(null)}>
            取消
          </Button>
        </div>
      ) : mode === 'return' ? (
        <div className={styles.actions}>
          <label className={styles.field}>
            <span className={styles.label}>实际返港时间</span>
            <input
              className={styles.input}
              type="datetime-local"
              value={returnedAt}
              onChange={(e) => setReturnedAt(e.target.value)}
            />
          </label>
          <Input.TextArea
            aria-label="返港情况"
            placeholder="返港情况（选填），如：因风浪推迟返港"
            maxLength={500}
            autoSize={{ minRows: 2 }}
            value={text}
            onChange={(e) => setText(e.target.value)}
            style={{ fontSize: 16 }}
          />
          <Button
            type="primary"
            size="large"
            block
            loading={act.isPending}
            onClick={() =>
              run('return', {
                version: trip.version,
                returnedAt: toIso(returnedAt),
                note: text.trim() || null,
              })
            }
          >
            提交返港报告
          </Button>
          <Button size="large" block onClick={() => setMode(null)}>
            取消
          </Button>
        </div>
      ) : (
        <div className={styles.actions}>
          {trip.status === 'approved' ? (
            <Button
              type="primary"
              size="large"
              block
              loading={act.isPending}
              onClick={() => run('depart', { version: trip.version })}
            >
              我已出海
            </Button>
          ) : null}
          {trip.status === 'atSea' ? (
            <>
              <Button size="large" block onClick={() => setMode('log')}>
                记录海上日志
              </Button>
              <Button
                type="primary"
                size="large"
                block
                onClick={() => {
                  setReturnedAt(localInput(dayjs()));
                  setMode('return');
                }}
              >
                返港报告
              </Button>
            </>
          ) : null}
          {trip.status === 'filed' || trip.status === 'approved' ? (
            <Button size="large" block danger onClick={() => setMode('cancel')}>
              撤回报备
            </Button>
          ) : null}
        </div>
      )}
    </section>
  );
}
