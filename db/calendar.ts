// Dates as a Chinese reader expects them: 2026年3月25日. The ledger stores ISO text; every
// user-facing sentence (refusals, documents, backups) formats through here, never by hand.

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

function parts(iso: string): { y: number; m: number; d: number; time: string | null } | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?/.exec(iso);
  if (!m) return null;
  return { y: +m[1]!, m: +m[2]!, d: +m[3]!, time: m[4] ? `${m[4]}:${m[5]}` : null };
}

/** Calendar date text '2026-03-25…' → 2026年3月25日 (read as written, no time-zone shift). */
export function cnDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const p = parts(iso);
  return p ? `${p.y}年${p.m}月${p.d}日` : iso;
}

/** Local date-time text '2026-03-25T15:00' → 2026年3月25日（星期三）15:00 */
export function cnDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const p = parts(iso);
  if (!p) return iso;
  const wd = WEEKDAYS[new Date(Date.UTC(p.y, p.m - 1, p.d)).getUTCDay()];
  return `${p.y}年${p.m}月${p.d}日（星期${wd}）${p.time ?? ''}`;
}

/** An instant (ISO with zone, e.g. a backup's time) → "2026年3月25日 14:30" in this PC's local time. */
export function cnLocalDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日 ${p(d.getHours())}:${p(d.getMinutes())}`;
}
