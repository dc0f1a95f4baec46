// Dates as a Chinese school office writes them: 2026年3月25日, 2026年3月25日 14:30.
import dayjs from 'dayjs';

export function formatDate(value: string | null | undefined): string {
  if (!value) return '—';
  const d = dayjs(value);
  return d.isValid() ? d.format('YYYY年M月D日') : value;
}

export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '—';
  const d = dayjs(value);
  return d.isValid() ? d.format('YYYY年M月D日 HH:mm') : value;
}

/** Today as YYYY-MM-DD (local), the value of <input type="date">. */
export function todayInput(): string {
  return dayjs().format('YYYY-MM-DD');
}

export function addDaysInput(days: number, from?: string): string {
  return dayjs(from).add(days, 'day').format('YYYY-MM-DD');
}

/** <input type="datetime-local"> value (YYYY-MM-DDTHH:mm) for a day and time. */
export function dateTimeInput(date: string, time = '14:30'): string {
  return `${date}T${time}`;
}

export function formatAmount(yuan: number | null | undefined): string {
  if (yuan === null || yuan === undefined) return '—';
  return `${yuan.toLocaleString('zh-CN')} 元`;
}
