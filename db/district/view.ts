// The district's view: per school, the indicators summed over its current bundles (a bundle
// replaced by a corrected one no longer counts), and one school's months for the drill-down.
import { cnDate, cnLocalDateTime } from '../calendar';
import { FACT_KEYS, indicatorsOf, monthsCovered, type FactKey, type IndicatorValues } from '../rules/indicators';
import { INDICATOR_LABELS, REPORT_TABLE_LABELS } from '../terms';
import { districtName, type District } from './store';

type Reader = Pick<District, 'sqlite' | 'key'>;

export interface SchoolIndicators {
  schoolId: number;
  name: string;
  fingerprint: string;
  bundles: number;
  covered: string;
  lastImported: string;
  values: IndicatorValues & { correctionsClosed: number };
  /** The values as the table prints them (百分比, 次/月, 天). */
  text: Record<keyof typeof INDICATOR_LABELS, string>;
}

const pct = (v: number | null) => (v === null ? '—' : `${v}%`);

export function indicatorText(v: IndicatorValues & { correctionsClosed: number }): SchoolIndicators['text'] {
  return {
    consultedShare: pct(v.consultedShare),
    majorRoutedShare: pct(v.majorRoutedShare),
    meetingsPerMonth: v.meetingsPerMonth === null ? '—' : `${v.meetingsPerMonth}次`,
    firstTopicShare: pct(v.firstTopicShare),
    quorumProblems: `${v.quorumProblems ?? 0}次`,
    noFollowUp: `${v.noFollowUp ?? 0}项`,
    overdueFollowUps: `${v.overdueFollowUps ?? 0}项`,
    corrections: `${v.corrections ?? 0}/${v.correctionsClosed}`,
    emergencyInTime: pct(v.emergencyInTime),
    minutesDays: v.minutesDays === null ? '—' : `${v.minutesDays}天`,
    minutesLate: `${v.minutesLate ?? 0}次`,
  };
}

export function districtView(d: Reader) {
  const schools = d.sqlite.prepare('SELECT id, name, fingerprint FROM schools ORDER BY name').all() as { id: number; name: string; fingerprint: string }[];
  const periods = d.sqlite
    .prepare('SELECT school_id AS s, period_from AS f, period_to AS t, imported_at AS at FROM bundles WHERE superseded_by IS NULL')
    .all() as { s: number; f: string; t: string; at: string }[];
  const sums = d.sqlite
    .prepare(
      'SELECT f.school_id AS s, f.key AS k, SUM(f.n) AS n FROM facts f JOIN bundles b ON b.id = f.bundle_id WHERE b.superseded_by IS NULL GROUP BY f.school_id, f.key',
    )
    .all() as { s: number; k: FactKey; n: number }[];
  const bySchool = new Map<number, Partial<Record<FactKey, number>>>();
  for (const r of sums) {
    const m = bySchool.get(r.s) ?? {};
    m[r.k] = r.n;
    bySchool.set(r.s, m);
  }
  const periodsOf = new Map<number, { from: string; to: string; at: string }[]>();
  for (const p of periods) periodsOf.set(p.s, [...(periodsOf.get(p.s) ?? []), { from: p.f, to: p.t, at: p.at }]);
  const rows: SchoolIndicators[] = schools.map((s) => {
    const ps = periodsOf.get(s.id) ?? [];
    const values = indicatorsOf(bySchool.get(s.id) ?? {}, monthsCovered(ps));
    const first = ps.reduce((a, p) => (a && a < p.from ? a : p.from), '');
    const last = ps.reduce((a, p) => (a > p.to ? a : p.to), '');
    const imported = ps.reduce((a, p) => (a > p.at ? a : p.at), '');
    return {
      schoolId: s.id,
      name: s.name,
      fingerprint: s.fingerprint,
      bundles: ps.length,
      covered: ps.length ? `${cnDate(first)}至${cnDate(last)}` : '尚未报送',
      lastImported: imported ? cnLocalDateTime(imported) : '—',
      values,
      text: indicatorText(values),
    };
  });
  return {
    district: districtName(d),
    columns: Object.entries(INDICATOR_LABELS).map(([key, label]) => ({ key: key as keyof typeof INDICATOR_LABELS, label })),
    schools: rows,
  };
}

/** One school: its bundles and the facts by month (for the trend chart), read-only. */
export function schoolDetail(d: Reader, schoolId: number) {
  const school = d.sqlite.prepare('SELECT id, name, fingerprint, head_count AS head FROM schools WHERE id = ?').get(schoolId) as
    | { id: number; name: string; fingerprint: string; head: number }
    | undefined;
  if (!school) return null;
  const bundles = (
    d.sqlite
      .prepare(
        `SELECT id, period_label AS label, period_from AS f, period_to AS t, made_at AS madeAt, imported_at AS importedAt, chain_from AS cf, chain_head AS ch,
                sealed, counts, superseded_by AS supersededBy, supersede_reason AS reason FROM bundles WHERE school_id = ? ORDER BY period_from, id`,
      )
      .all(schoolId) as { id: number; label: string; f: string; t: string; madeAt: string; importedAt: string; cf: number; ch: number; sealed: number; counts: string; supersededBy: number | null; reason: string | null }[]
  ).map((b) => ({
    id: b.id,
    period: b.label,
    range: `${cnDate(b.f)}至${cnDate(b.t)}`,
    madeAt: cnLocalDateTime(b.madeAt),
    importedAt: cnLocalDateTime(b.importedAt),
    chain: `存证链第${b.cf + 1}至${b.ch}条`,
    sealed: b.sealed ? '已加密' : '未加密',
    state: b.supersededBy ? '已被更正包替换' : '有效',
    contents: Object.entries(JSON.parse(b.counts) as Record<string, number>)
      .filter(([t, n]) => n > 0 && t !== 'organizations')
      .map(([t, n]) => `${REPORT_TABLE_LABELS[t] ?? t}${n}条`)
      .join('，'),
  }));
  const facts = d.sqlite
    .prepare('SELECT f.month AS m, f.key AS k, SUM(f.n) AS n FROM facts f JOIN bundles b ON b.id = f.bundle_id WHERE f.school_id = ? AND b.superseded_by IS NULL GROUP BY f.month, f.key ORDER BY f.month')
    .all(schoolId) as { m: string; k: FactKey; n: number }[];
  const months = [...new Set(facts.map((f) => f.m))].sort();
  const series = Object.fromEntries(FACT_KEYS.map((k) => [k, months.map((m) => facts.find((f) => f.m === m && f.k === k)?.n ?? 0)])) as Record<FactKey, number[]>;
  return {
    school: { id: school.id, name: school.name, fingerprint: school.fingerprint, chain: `存证链共${school.head}条` },
    bundles,
    months: months.map((m) => `${Number(m.slice(0, 4))}年${Number(m.slice(5, 7))}月`),
    meetings: series.meetings,
    decisions: series.decisions,
    overdue: series.overdue,
  };
}
