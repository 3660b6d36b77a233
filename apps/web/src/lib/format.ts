import dayjs from 'dayjs';

/** 2026年11月27日 — the style of official documents and greetings. */
export function formatChineseDate(date: dayjs.ConfigType): string {
  return dayjs(date).format('YYYY年M月D日');
}

/** 2026年11月27日 星期五 (needs the zh-cn dayjs locale loaded). */
export function formatChineseDateWithWeekday(date: dayjs.ConfigType): string {
  return dayjs(date).format('YYYY年M月D日 dddd');
}

/** 2026-11-27 14:03:05 as the wall clock of `timeZone` shows it. */
export function formatDateTimeInZone(iso: string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('zh-CN', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(iso));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}:${part('second')}`;
}

/** 3天 4小时 12分钟; under a minute: 不足1分钟. */
export function formatDuration(totalSeconds: number): string {
  const minutes = Math.floor(totalSeconds / 60);
  if (minutes < 1) return '不足1分钟';
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  const pieces = [
    days > 0 ? `${days}天` : '',
    hours > 0 ? `${hours}小时` : '',
    rest > 0 ? `${rest}分钟` : '',
  ];
  return pieces.filter(Boolean).join(' ');
}

const timeZoneNames: Record<string, string> = {
  'Asia/Shanghai': '北京时间',
  'Asia/Chongqing': '北京时间',
  'Asia/Urumqi': '乌鲁木齐时间',
  'Asia/Hong_Kong': '香港时间',
  'Asia/Macau': '澳门时间',
  'Asia/Taipei': '台北时间',
  UTC: '协调世界时',
};

/** Asia/Shanghai → 北京时间（Asia/Shanghai） */
export function formatTimeZone(timeZone: string): string {
  const name = timeZoneNames[timeZone];
  return name ? `${name}（${timeZone}）` : timeZone;
}

/** 2026-11-27 — dates in tables. */
export function formatDate(value: dayjs.ConfigType): string {
  return dayjs(value).format('YYYY-MM-DD');
}

/** 2026-11-27 14:03 — times in tables. */
export function formatDateTime(value: dayjs.ConfigType): string {
  return dayjs(value).format('YYYY-MM-DD HH:mm');
}

/** 2026-11-27 14:03:05 — times in detail views. */
export function formatDateTimeSeconds(value: dayjs.ConfigType): string {
  return dayjs(value).format('YYYY-MM-DD HH:mm:ss');
}
