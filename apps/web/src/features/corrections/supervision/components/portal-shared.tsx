import { AimOutlined, LockOutlined } from '@ant-design/icons';
import type { CheckInWindowState, GeoLocation } from '@zhucheng/contracts';
import { Button, Empty, Tag } from 'antd';
import { type ReactNode, useCallback, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { LoadError } from '../../../../components/load-error.tsx';
import { PageLoading } from '../../../../components/page-loading.tsx';
import { ApiRequestError } from '../../../../lib/api.ts';
import { useSessionState } from '../../../../lib/session.ts';
import styles from './portal.module.css';

// Pieces the supervisee's portal pages share: the sign-in gate, "no record" for a 404, the phone's
// location with its accuracy, and Beijing-time formats.

/**
 * The supervisee's pages need the portal's SMS sign-in with the phone recorded at registration. A page
 * may say what it is for (`signInHint`) and where staff do the same work in the console (`staffHint`).
 */
export function SuperviseeGate({
  children,
  signInHint = '请用您在司法所登记的手机号和短信验证码登录（首次登录自动开通）。登录后自动回到这里。',
  staffHint = '您已用工作人员账号登录。社区矫正对象的日常监管请到工作台的“社区矫正”办理。',
}: {
  children: ReactNode;
  signInHint?: string;
  staffHint?: string;
}) {
  const session = useSessionState();
  const navigate = useNavigate();
  const location = useLocation();
  if (session.isPending) return <PageLoading label="正在读取登录状态…" />;
  const signedIn = session.data?.status === 'signedIn' ? session.data.session : null;
  if (signedIn && signedIn.user.kind !== 'citizen') {
    return (
      <section className="portal-card">
        <Empty description={staffHint} />
      </section>
    );
  }
  if (!signedIn) {
    return (
      <section className="portal-card">
        <Empty
          image={<LockOutlined style={{ fontSize: 48, color: 'var(--portal-blue)' }} />}
          styles={{ image: { height: 56 } }}
          description={signInHint}
        >
          <Button
            type="primary"
            size="large"
            block
            onClick={() => navigate(`/me?next=${encodeURIComponent(location.pathname)}`)}
          >
            去登录
          </Button>
        </Empty>
      </section>
    );
  }
  return children;
}

/** A query's loading and error states; a 404 says there is no record for this phone. */
export function PortalQueryState({
  query,
}: {
  query: { isPending: boolean; error: unknown; refetch: () => unknown };
}) {
  if (query.isPending) return <PageLoading />;
  if (query.error instanceof ApiRequestError && query.error.status === 404) {
    return (
      <section className="portal-card">
        <Empty description="未找到您的社区矫正档案。请确认使用的是在司法所登记的手机号，或联系您的司法所。" />
      </section>
    );
  }
  return <LoadError error={query.error} onRetry={() => query.refetch()} />;
}

/** The phone's location (navigator.geolocation) with its accuracy, and why it failed in plain Chinese. */
export function useGeolocation() {
  const [locating, setLocating] = useState(false);
  const [location, setLocation] = useState<GeoLocation | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const locate = useCallback(() => {
    setProblem(null);
    if (!('geolocation' in navigator) || !navigator.geolocation) {
      setProblem('这台手机或浏览器不能定位。请用手机自带浏览器或微信打开本页后重试。');
      return;
    }
    setLocating(true);
    navigator.geolocation.getCurrentPosition(
      (position) => {
        setLocating(false);
        setLocation({
          latitude: Number(position.coords.latitude.toFixed(6)),
          longitude: Number(position.coords.longitude.toFixed(6)),
          accuracy: Math.round(position.coords.accuracy),
        });
      },
      (error) => {
        setLocating(false);
        setLocation(null);
        setProblem(
          error.code === error.PERMISSION_DENIED
            ? '没有定位权限，无法提交。请在手机“设置”中允许浏览器（或微信）使用位置信息，并打开手机的定位服务，然后点“重新定位”。'
            : error.code === error.TIMEOUT
              ? '定位超时。请到室外或窗边信号较好的地方，再点“重新定位”。'
              : '暂时无法获取位置。请打开手机的定位服务（GPS），到室外或窗边后再点“重新定位”。',
        );
      },
      { enableHighAccuracy: true, timeout: 20_000, maximumAge: 30_000 },
    );
  }, []);
  return { locating, location, problem, locate };
}

/** 当前位置: the button, the place found with its accuracy, or the problem. */
export function LocationField({ geo }: { geo: ReturnType<typeof useGeolocation> }) {
  const { locating, location, problem, locate } = geo;
  return (
    <div className={styles.field}>
      <span className={styles.label}>当前位置（必填）</span>
      <Button size="large" block icon={<AimOutlined />} loading={locating} onClick={locate}>
        {location || problem ? '重新定位' : '获取当前位置'}
      </Button>
      {location ? (
        <p className={styles.located} role="status">
          已定位：{coordinates(location)}，精度约 {location.accuracy} 米
          {location.accuracy > 500 ? '（精度较低，建议到室外重新定位）' : ''}
        </p>
      ) : null}
      {problem ? (
        <p className={styles.problem} role="alert">
          {problem}
        </p>
      ) : null}
      <span className={styles.help}>位置只用于核实您的所在地，司法所依法保密。</span>
    </div>
  );
}

function coordinates(l: GeoLocation): string {
  return `北纬 ${l.latitude.toFixed(4)}°，东经 ${l.longitude.toFixed(4)}°`;
}

const beijing = (options: Intl.DateTimeFormatOptions) =>
  new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false, ...options });
const timeFormat = beijing({ hour: '2-digit', minute: '2-digit' });
const dateTimeFormat = beijing({ month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit' });

/** 08:30 in Beijing time. */
export const clockTime = (iso: string) => timeFormat.format(new Date(iso));
/** 11/26 08:30 in Beijing time. */
export const dateTime = (iso: string) => dateTimeFormat.format(new Date(iso));

const windowColors: Record<CheckInWindowState, string> = {
  upcoming: 'default',
  open: 'processing',
  done: 'success',
  missed: 'error',
};

export function WindowStateTag({ state, label }: { state: CheckInWindowState; label: string }) {
  return <Tag color={windowColors[state]}>{label}</Tag>;
}
