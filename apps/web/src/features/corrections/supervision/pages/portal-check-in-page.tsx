import {
  type CheckInView,
  checkInStatusLabels,
  checkInWindowStateLabels,
  type StoredFile,
} from '@zhucheng/contracts';
import { Alert, Button, Result } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { FileUpload } from '../../../../components/file-upload/index.ts';
import { errorMessage } from '../../../../lib/api.ts';
import { newIdempotencyKey, useCheckIn, usePortalHome } from '../api/use-supervision.ts';
import styles from '../components/portal.module.css';
import {
  clockTime,
  LocationField,
  PortalQueryState,
  SuperviseeGate,
  useGeolocation,
  WindowStateTag,
} from '../components/portal-shared.tsx';

/** 打卡: location (required), a photo from the camera and a few words; outside a window it counts as late. */
export default function PortalCheckInPage() {
  return (
    <SuperviseeGate>
      <CheckIn />
    </SuperviseeGate>
  );
}

function CheckIn() {
  const home = usePortalHome();
  const geo = useGeolocation();
  const checkIn = useCheckIn();
  const navigate = useNavigate();
  const [photos, setPhotos] = useState<StoredFile[]>([]);
  const [note, setNote] = useState('');
  // One key per check-in: a retry after a lost answer records it once.
  const [key, setKey] = useState(newIdempotencyKey);
  const [done, setDone] = useState<CheckInView | null>(null);
  if (!home.data) return <PortalQueryState query={home} />;
  const h = home.data;
  if (h.status === 'awaitingReportIn') {
    return (
      <section className="portal-card">
        <Result
          status="info"
          title="请先报到"
          subTitle="报到后才能打卡。"
          extra={
            <Button type="primary" size="large" onClick={() => navigate('/corrections/report-in')}>
              去报到
            </Button>
          }
        />
      </section>
    );
  }
  if (done) {
    return (
      <section className="portal-card" aria-live="polite">
        <Result
          status={done.status === 'onTime' ? 'success' : 'warning'}
          title={done.status === 'onTime' ? '打卡成功' : '已记录，但不在打卡时间内'}
          subTitle={
            done.status === 'onTime'
              ? `${clockTime(done.at)} 按时打卡（${done.windowLabel ?? ''}）`
              : `${clockTime(done.at)} 的打卡已记录为“${checkInStatusLabels.late}”。请按规定时间打卡，如有特殊情况请联系司法所。`
          }
          extra={
            <Button type="primary" size="large" block onClick={() => navigate('/corrections')}>
              返回我的矫正
            </Button>
          }
        />
      </section>
    );
  }
  const open = h.today.find((w) => w.state === 'open');
  const submit = () => {
    if (!geo.location) return;
    checkIn.mutate(
      {
        input: { location: geo.location, photoFileId: photos.at(-1)?.id ?? null, note: note.trim() || null },
        idempotencyKey: key,
      },
      {
        onSuccess: (view) => {
          setDone(view);
          setKey(newIdempotencyKey());
        },
      },
    );
  };
  return (
    <section className="portal-card">
      <h2 className="portal-card__title">打卡</h2>
      {open ? (
        <p className={styles.lead}>
          现在是打卡时间 <WindowStateTag state="open" label={open.label} />
        </p>
      ) : (
        <Alert
          type="warning"
          showIcon
          message="现在不在打卡时间内"
          description={`仍可以打卡，但会记录为“迟到”。${h.scheduleLabel ?? ''}`}
          style={{ marginBottom: 12 }}
        />
      )}
      <ul className={styles.windows} style={{ margin: '8px 0 16px' }}>
        {h.today.map((w) => (
          <li key={w.key} className={styles.window}>
            <span>{w.label}</span>
            <WindowStateTag state={w.state} label={checkInWindowStateLabels[w.state]} />
          </li>
        ))}
      </ul>
      <LocationField geo={geo} />
      <div className={styles.field}>
        <span className={styles.label}>现场照片（可选）</span>
        <FileUpload
          category="photo"
          camera
          files={photos}
          onUploaded={(f) => setPhotos((list) => [...list, f])}
          buttonText="从相册选择"
        />
      </div>
      <div className={styles.field}>
        <label className={styles.label} htmlFor="check-in-note">
          说明（可选）
        </label>
        <textarea
          id="check-in-note"
          className={styles.textarea}
          rows={3}
          maxLength={500}
          placeholder="例如：在家 / 在单位上班"
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
      </div>
      {checkIn.isError ? (
        <Alert type="error" showIcon message={errorMessage(checkIn.error)} style={{ marginBottom: 12 }} />
      ) : null}
      <div className={styles.actions}>
        <Button
          type="primary"
          size="large"
          block
          disabled={!geo.location}
          loading={checkIn.isPending}
          onClick={submit}
        >
          {geo.location ? '提交打卡' : '请先获取当前位置'}
        </Button>
      </div>
    </section>
  );
}
