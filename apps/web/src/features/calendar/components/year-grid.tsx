import type { CalendarDay } from '@zhucheng/contracts';
import { Tooltip } from 'antd';
import { dayKindLabels, shortHolidayName, weekdayLabels } from '../labels/day-kinds.ts';
import styles from './year-grid.module.css';

interface YearGridProps {
  year: number;
  days: readonly CalendarDay[];
  today: string | undefined;
  /** Set when the user may edit: clicking a day opens its override form. */
  onPick?: ((day: CalendarDay) => void) | undefined;
}

function kindClass(day: CalendarDay): string {
  if (day.kind === null) return styles.unknown ?? '';
  if (day.kind === 'holiday') return styles.holiday ?? '';
  if (day.kind === 'makeUpWorkday') return styles.makeUp ?? '';
  if (day.kind === 'weekend') return styles.weekend ?? '';
  return '';
}

function dayNote(day: CalendarDay): string {
  if (day.kind === 'holiday') return day.name ? shortHolidayName(day.name) : '休';
  if (day.kind === 'makeUpWorkday') return '班';
  return '';
}

function dayTitle(day: CalendarDay): string {
  const kind = day.kind === null ? '该年度节假日安排未录入' : dayKindLabels[day.kind];
  const name = day.name && day.kind !== 'workday' ? `（${day.name}）` : '';
  const source =
    day.source === 'override'
      ? '来源：人工设置'
      : day.source === 'package'
        ? '来源：国务院节假日安排'
        : day.source === 'default'
          ? '来源：按星期'
          : '';
  return [`${day.date} 星期${weekdayLabels[day.weekday - 1] ?? ''}`, `${kind}${name}`, source]
    .filter(Boolean)
    .join('\n');
}

function DayCell({
  day,
  today,
  onPick,
}: {
  day: CalendarDay;
  today: string | undefined;
  onPick?: YearGridProps['onPick'];
}) {
  const className = [
    styles.day,
    kindClass(day),
    day.source === 'override' ? styles.override : '',
    day.date === today ? styles.today : '',
  ]
    .filter(Boolean)
    .join(' ');
  const title = dayTitle(day);
  const note = dayNote(day);
  const content = (
    <>
      <span className={styles.number}>{Number(day.date.slice(8))}</span>
      <span className={styles.note}>{note || '\u00a0'}</span>
    </>
  );
  return (
    <Tooltip title={<span style={{ whiteSpace: 'pre-line' }}>{title}</span>} mouseEnterDelay={0.3}>
      {onPick ? (
        <button
          type="button"
          className={className}
          aria-label={title.replaceAll('\n', '，')}
          onClick={() => onPick(day)}
        >
          {content}
        </button>
      ) : (
        <div className={className}>{content}</div>
      )}
    </Tooltip>
  );
}

/** Twelve months of one year, each day coloured by its kind. */
export function YearGrid({ year, days, today, onPick }: YearGridProps) {
  const months = Array.from({ length: 12 }, (_, i) => ({
    month: i + 1,
    days: days.filter((d) => Number(d.date.slice(5, 7)) === i + 1),
  }));
  return (
    <div className={styles.grid}>
      {months.map(({ month, days: monthDays }) => {
        const first = monthDays[0];
        const lead = first ? first.weekday - 1 : 0;
        return (
          <section key={`${year}-${month}`} className={styles.month} aria-label={`${year}年${month}月`}>
            <h3 className={styles.monthTitle}>{month}月</h3>
            <div className={styles.week}>
              {weekdayLabels.map((w) => (
                <div key={w} className={styles.weekday}>
                  {w}
                </div>
              ))}
              {lead > 0 && <div style={{ gridColumn: `span ${lead}` }} />}
              {monthDays.map((day) => (
                <DayCell key={day.date} day={day} today={today} onPick={onPick} />
              ))}
            </div>
          </section>
        );
      })}
    </div>
  );
}

/** What the colours mean. */
export function YearGridLegend() {
  return (
    <div className={styles.legend}>
      <span>
        <span className={`${styles.swatch} ${styles.swatchWorkday}`} />
        工作日
      </span>
      <span>
        <span className={`${styles.swatch} ${styles.weekend}`} />
        休息日
      </span>
      <span>
        <span className={`${styles.swatch} ${styles.holiday}`} />
        节假日（放假）
      </span>
      <span>
        <span className={`${styles.swatch} ${styles.makeUp}`} />
        调休上班（班）
      </span>
      <span>
        <span className={`${styles.swatch} ${styles.override}`} style={{ position: 'relative' }} />
        来源：人工设置
      </span>
      <span>
        <span className={`${styles.swatch} ${styles.unknown}`} />
        未录入
      </span>
    </div>
  );
}
