// Timing and the printed table. Benchmarks print; they never fail on timing.

export interface Timing {
  median: number;
  p95: number;
  runs: number;
}

/** Run `fn` `warmup` times unmeasured, then `runs` times; milliseconds. */
export function time(fn: () => unknown, runs: number, warmup = Math.min(3, runs)): Timing {
  for (let i = 0; i < warmup; i++) fn();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    ms.push(performance.now() - t0);
  }
  return summarize(ms);
}

export async function timeAsync(fn: () => Promise<unknown>, runs: number, warmup = 1): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await fn();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    ms.push(performance.now() - t0);
  }
  return summarize(ms);
}

export function summarize(ms: number[]): Timing {
  const s = [...ms].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))]!;
  return { median: at(0.5), p95: at(0.95), runs: s.length };
}

/** One line of the table: a measurement, its peer in the same run, and the target. */
export interface Row {
  group: string;
  name: string;
  t: Timing;
  peer?: { name: string; t: Timing };
  /** Both sides gave the same answer (checked, not assumed). */
  same?: boolean;
  target?: string;
  /** null when the target is not a timing (or there is none). */
  met?: boolean | null;
  note?: string;
  /** 'KB' for sizes (bench/renderer.ts): t holds kilobytes, not milliseconds. */
  unit?: 'ms' | 'KB';
}

/** Terminal width of a string: CJK characters take two columns. */
function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{20000}-\u{3fffd}]/u.test(ch) ? 2 : 1;
  return w;
}
const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - width(s)));
const ms = (v: number) => (v >= 1000 ? `${(v / 1000).toFixed(2)} s` : v >= 10 ? `${v.toFixed(1)} ms` : `${v.toFixed(2)} ms`);

export function ratio(row: Row): string {
  if (!row.peer) return '';
  const r = row.peer.t.median / row.t.median;
  return r >= 1 ? `${r.toFixed(1)}× faster` : `${(1 / r).toFixed(2)}× slower`;
}

/** The table as Markdown (printed as is, and pasted into docs/performance.md). */
export function table(rows: Row[]): string {
  const head = ['group', 'measurement', 'median', 'p95', 'peer (same run)', 'peer median', 'peer p95', 'ratio', 'same answer', 'target', 'met'];
  const body = rows.map((r) => [
    r.group,
    r.name + (r.note ? ` (${r.note})` : ''),
    r.unit === 'KB' ? `${r.t.median.toFixed(1)} KB` : ms(r.t.median),
    r.unit === 'KB' ? (r.t.runs > 1 ? `${r.t.p95.toFixed(1)} KB` : '') : ms(r.t.p95),
    r.peer?.name ?? '',
    r.peer ? ms(r.peer.t.median) : '',
    r.peer ? ms(r.peer.t.p95) : '',
    ratio(r),
    r.same === undefined ? '' : r.same ? 'yes' : 'NO',
    r.target ?? '',
    r.met === undefined || r.met === null ? '' : r.met ? 'yes' : 'NO',
  ]);
  const widths = head.map((h, i) => Math.max(width(h), ...body.map((b) => width(b[i]!))));
  const line = (cells: string[]) => `| ${cells.map((c, i) => pad(c, widths[i]!)).join(' | ')} |`;
  return [line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...body.map(line)].join('\n');
}
