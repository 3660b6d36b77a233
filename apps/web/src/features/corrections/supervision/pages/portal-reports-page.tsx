import type { StoredFile } from '@zhucheng/contracts';
import { Alert, Button, Empty, Result } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { FileUpload } from '../../../../components/file-upload/index.ts';
import { errorMessage } from '../../../../lib/api.ts';
import {
  newIdempotencyKey,
  usePortalHome,
  usePortalRecords,
  useSubmitReport,
} from '../api/use-supervision.ts';
import styles from '../components/portal.module.css';
import { dateTime, PortalQueryState, SuperviseeGate } from '../components/portal-shared.tsx';

/** 思想汇报: this month's report (text, an optional photo) and the ones before. */
export default function PortalReportsPage() {
  return (
    <SuperviseeGate>
      <Reports />
    </SuperviseeGate>
  );
}

function Reports() {
  const home = usePortalHome();
  const records = usePortalRecords();
  if (!home.data) return <PortalQueryState query={home} />;
  if (!records.data) return <PortalQueryState query={records} />;
  const h = home.data;
  return (
    <>
      {h.status !== 'underSupervision' ? (
        <section className="portal-card">
          <Empty description="报到后每月提交一次思想汇报。" />
        </section>
      ) : h.reportSubmittedThisMonth ? (
        <section className="portal-card">
          <Result status="success" title="本月思想汇报已提交" subTitle="下月再来提交。" />
        </section>
      ) : (
        <ReportForm />
      )}
      <section className="portal-card">
        <h2 className="portal-card__title">以往的思想汇报</h2>
        {records.data.reports.length === 0 ? (
          <p className={styles.meta}>还没有提交过思想汇报。</p>
        ) : (
          records.data.reports.map((r) => (
            <div key={r.id} className={styles.item}>
              <span
                className={styles.itemTitle}
              >{`${r.month.slice(0, 4)}年${Number(r.month.slice(5))}月`}</span>
              <p className={styles.meta}>{r.content}</p>
              <p className={styles.meta}>
                提交于 {dateTime(r.submittedAt)}
                {r.photoFileId ? '，附照片' : ''}
              </p>
            </div>
          ))
        )}
      </section>
    </>
  );
}

function ReportForm() {
  const submit = useSubmitReport();
  const navigate = useNavigate();
  const [content, setContent] = useState('');
  const [photos, setPhotos] = useState<StoredFile[]>([]);
  const [key] = useState(newIdempotencyKey);
  const send = () =>
    submit.mutate(
      { input: { content: content.trim(), photoFileId: photos.at(-1)?.id ?? null }, idempotencyKey: key },
      { onSuccess: () => navigate('/corrections') },
    );
  return (
    <section className="portal-card">
      <h2 className="portal-card__title">本月思想汇报</h2>
      <p className={styles.lead} style={{ marginBottom: 12 }}>
        写一写本月的思想、工作和生活情况，遵守规定的情况，以及遇到的困难。
      </p>
      <div className={styles.field}>
        <label className={styles.label} htmlFor="report-content">
          汇报内容（必填）
        </label>
        <textarea
          id="report-content"
          className={styles.textarea}
          rows={8}
          maxLength={5000}
          value={content}
          onChange={(e) => setContent(e.target.value)}
        />
        <span className={styles.help}>{content.length} / 5000 字</span>
      </div>
      <div className={styles.field}>
        <span className={styles.label}>照片（可选，如手写的汇报）</span>
        <FileUpload
          category="photo"
          camera
          files={photos}
          onUploaded={(f) => setPhotos((list) => [...list, f])}
          buttonText="从相册选择"
        />
      </div>
      {submit.isError ? (
        <Alert type="error" showIcon message={errorMessage(submit.error)} style={{ marginBottom: 12 }} />
      ) : null}
      <div className={styles.actions}>
        <Button
          type="primary"
          size="large"
          block
          disabled={content.trim() === ''}
          loading={submit.isPending}
          onClick={send}
        >
          提交思想汇报
        </Button>
      </div>
    </section>
  );
}
