import type { ReactNode } from 'react';
import styles from './key-value-list.module.css';

export interface KeyValueRow {
  label: string;
  value: ReactNode;
}

/** Label-left, value-right rows for narrow screens; long values wrap instead of overflowing. */
export function KeyValueList({ rows }: { rows: KeyValueRow[] }) {
  return (
    <dl className={styles.list}>
      {rows.map((row) => (
        <div key={row.label} className={styles.row}>
          <dt className={styles.label}>{row.label}</dt>
          <dd className={styles.value}>{row.value}</dd>
        </div>
      ))}
    </dl>
  );
}
