import type { PortalHome, StoredFile } from '@zhucheng/contracts';
import { Alert, Button, Result } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { FileUpload } from '../../../../components/file-upload/index.ts';
import { errorMessage } from '../../../../lib/api.ts';
import { newIdempotencyKey, usePortalHome, usePortalReportIn } from '../api/use-supervision.ts';
import styles from '../components/portal.module.css';
import {
  LocationField,
  PortalQueryState,
  SuperviseeGate,
  useGeolocation,
} from '../components/portal-shared.tsx';

/** 网上报到 (第二十一条): a photo of the supervisee (camera) and the phone's location, both required. */
export default function PortalReportInPage() {
  return (
    <SuperviseeGate>
      <ReportIn />
    </SuperviseeGate>
  );
}

function ReportIn() {
  const home = usePortalHome();
  const geo = useGeolocation();
  const reportIn = usePortalReportIn();
  const navigate = useNavigate();
  const [photos, setPhotos] = useState<StoredFile[]>([]);
  const [note, setNote] = useState('');
  const [key] = useState(newIdempotencyKey);
  // The answer of the report-in: the home as it is now (the cached one is refetched meanwhile).
  const [reported, setReported] = useState<PortalHome | null>(null);
  if (!home.data) return <PortalQueryState query={home} />;
  const h = reported ?? home.data;
  if (reported || h.status !== 'awaitingReportIn') {
    return (
      <section className="portal-card" aria-live="polite">
        <Result
          status="success"
          title={reported ? '报到成功' : '您已经报到'}
          subTitle={`报到日期 ${h.reportedInOn ?? ''}。请按时打卡、每月提交思想汇报，遵守监督管理规定。`}
          extra={
            <Button type="primary" size="large" block onClick={() => navigate('/corrections')}>
              返回我的矫正
            </Button>
          }
        />
      </section>
    );
  }
  const photo = photos.at(-1);
  const ready = Boolean(photo && geo.location);
  const submit = () => {
    if (!photo || !geo.location) return;
    reportIn.mutate(
      {
        input: { photoFileId: photo.id, location: geo.location, note: note.trim() || null },
        idempotencyKey: key,
      },
      { onSuccess: (after) => setReported(after) },
    );
  };
  return (
    <section className="portal-card">
      <h2 className="portal-card__title">网上报到</h2>
      <p className={styles.lead} style={{ marginBottom: 12 }}>
        请在{h.reportInDueOn ? ` ${h.reportInDueOn} 前` : '规定期限内'}
        完成报到。拍摄一张本人正面照片，并允许获取位置，司法所会核实您的身份和所在地。
      </p>
      <div className={styles.field}>
        <span className={styles.label}>本人照片（必填）</span>
        <FileUpload
          category="photo"
          camera
          files={photos}
          onUploaded={(f) => setPhotos((list) => [...list, f])}
          buttonText="从相册选择"
        />
        <span className={styles.help}>请正对镜头，光线充足，不戴帽子和口罩。</span>
      </div>
      <LocationField geo={geo} />
      <div className={styles.field}>
        <label className={styles.label} htmlFor="report-in-note">
          说明（可选）
        </label>
        <textarea
          id="report-in-note"
          className={styles.textarea}
          rows={2}
          maxLength={500}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
      </div>
      {reportIn.isError ? (
        <Alert type="error" showIcon message={errorMessage(reportIn.error)} style={{ marginBottom: 12 }} />
      ) : null}
      <div className={styles.actions}>
        <Button
          type="primary"
          size="large"
          block
          disabled={!ready}
          loading={reportIn.isPending}
          onClick={submit}
        >
          {ready ? '确认报到' : !photo ? '请先拍摄本人照片' : '请先获取当前位置'}
        </Button>
      </div>
    </section>
  );
}
