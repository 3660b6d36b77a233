import type { ReactNode } from 'react';
import { BrandEmblem } from '../../components/brand-emblem.tsx';
import { usePlatformIdentity } from '../../lib/platform-info.ts';
import { useIsNarrow } from '../../lib/responsive.ts';
import styles from './auth-layout.module.css';

/** The pages outside the console's frame: login, the forced password change, the gate's own messages. */
export function AuthLayout({ children }: { children: ReactNode }) {
  const identity = usePlatformIdentity();
  const narrow = useIsNarrow();
  return (
    <div className={styles.page}>
      <main className={styles.panel}>
        <section className={styles.brand} aria-label="平台名称">
          <BrandEmblem size={narrow ? 44 : 64} color="rgba(255, 255, 255, 0.14)" />
          <div>
            <h1 className={styles.brandName}>{identity.platformName}</h1>
            {identity.bureauName && <p className={styles.brandBureau}>{identity.bureauName}</p>}
            <ul className={styles.brandLines}>
              <li>法律援助 · 人民调解 · 行政复议</li>
              <li>社区矫正 · 公共法律服务 · 法治政府建设</li>
            </ul>
          </div>
        </section>
        <section className={styles.content}>{children}</section>
      </main>
      <p className={styles.footer}>
        {identity.bureauName ? `${identity.bureauName} · ` : ''}
        {identity.platformName} · 仅限授权工作人员使用
      </p>
    </div>
  );
}
