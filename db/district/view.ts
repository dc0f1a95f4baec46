// The district's view: per school, the indicators summed over its current bundles (a bundle
// replaced by a corrected one no longer counts), and one school's months for the drill-down.
import { cnDate, cnLocalDateTime } from '../calendar';
import type { DistrictSummaryDoc, InspectionDoc } from '../documents';
import { localDate } from '../ledger';
import { attentionKeys, FACT_KEYS, indicatorsOf, monthsCovered, type FactKey, type IndicatorValues } from '../rules/indicators';
import { INDICATOR_LABELS, INDICATOR_UNITS, REPORT_TABLE_LABELS, type IndicatorKey } from '../terms';
import { shortAnchor } from '../trust/chain';
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
    columns: (Object.keys(INDICATOR_LABELS) as IndicatorKey[]).map((key) => ({ key, label: INDICATOR_LABELS[key], unit: INDICATOR_UNITS[key] })),
    schools: rows,
  };
}

/** What a bundle holds, as its manifest counts it: 会议3条，决定5条. */
export function contentsText(counts: Record<string, number>): string {
  return Object.entries(counts)
    .filter(([t, n]) => n > 0 && t !== 'organizations')
    .map(([t, n]) => `${REPORT_TABLE_LABELS[t] ?? t}${n}条`)
    .join('，');
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
    contents: contentsText(JSON.parse(b.counts) as Record<string, number>),
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

const COLUMNS = Object.entries(INDICATOR_LABELS).map(([key, label]) => ({ key: key as IndicatorKey, label }));

/** A hash as printed for the inspector: upper case, groups of four (as the key fingerprint). */
const grouped = (hex: string) => hex.toUpperCase().match(/.{1,4}/g)?.join(' ') ?? '';

interface SourceRow {
  id: number;
  s: number;
  school: string;
  label: string;
  f: string;
  t: string;
  madeAt: string;
  importedAt: string;
  cf: number;
  ch: number;
  chHash: string | null;
  hash: string;
}

/** The bundles the district's figures come from now (a replaced bundle no longer counts). */
function currentBundles(d: Reader, schoolId?: number): SourceRow[] {
  return d.sqlite
    .prepare(
      `SELECT b.id, b.school_id AS s, s.name AS school, b.period_label AS label, b.period_from AS f, b.period_to AS t, b.made_at AS madeAt,
              b.imported_at AS importedAt, b.chain_from AS cf, b.chain_head AS ch, b.chain_head_hash AS chHash, b.hash
         FROM bundles b JOIN schools s ON s.id = b.school_id
        WHERE b.superseded_by IS NULL ${schoolId === undefined ? '' : 'AND b.school_id = ?'}
        ORDER BY s.name, b.period_from, b.id`,
    )
    .all(...(schoolId === undefined ? [] : [schoolId])) as SourceRow[];
}

const spanOf = (rows: { f: string; t: string }[]) =>
  rows.length ? `${cnDate(rows.reduce((a, r) => (a < r.f ? a : r.f), rows[0]!.f))}至${cnDate(rows.reduce((a, r) => (a > r.t ? a : r.t), rows[0]!.t))}` : '尚无报送';

/** What a flagged indicator says on paper: 督办逾期2项, 会前沟通在先占比80%. */
const reasonsOf = (row: SchoolIndicators) => attentionKeys(row.values).map((k) => `${INDICATOR_LABELS[k]}${row.text[k]}`);

/** The district summary (汇总表 and 汇总报告): every school's indicators, who needs attention, and the sources. */
export function districtSummary(d: Reader & Pick<District, 'now'>): DistrictSummaryDoc {
  const view = districtView(d);
  const sources = currentBundles(d);
  return {
    district: view.district,
    period: spanOf(sources),
    madeOn: localDate(d.now()),
    columns: COLUMNS,
    rows: view.schools.map((r) => ({ name: r.name, covered: r.covered, bundles: r.bundles, values: r.values, text: r.text })),
    attention: view.schools.flatMap((r) => {
      if (r.bundles === 0) return [{ name: r.name, reasons: ['尚未报送'] }];
      const reasons = reasonsOf(r);
      return reasons.length ? [{ name: r.name, reasons }] : [];
    }),
    sources: sources.map((b) => ({
      school: b.school,
      period: b.label,
      range: `${cnDate(b.f)}至${cnDate(b.t)}`,
      madeAt: cnLocalDateTime(b.madeAt),
      importedAt: cnLocalDateTime(b.importedAt),
      chain: `第${b.cf + 1}至${b.ch}条`,
      code: b.chHash ? shortAnchor({ count: b.ch, hash: b.chHash }) : '—',
    })),
  };
}

/** One school's 检查表 for the inspector: its indicators, blank findings, and what to check the bundle against. */
export function inspectionSheet(d: Reader & Pick<District, 'now'>, schoolId: number): InspectionDoc | null {
  const view = districtView(d);
  const row = view.schools.find((s) => s.schoolId === schoolId);
  if (!row) return null;
  const head = d.sqlite.prepare('SELECT head_count AS n, head_hash AS h FROM schools WHERE id = ?').get(schoolId) as { n: number; h: string | null };
  const flagged = new Set(attentionKeys(row.values));
  const bundles = currentBundles(d, schoolId);
  return {
    district: view.district,
    school: row.name,
    fingerprint: row.fingerprint,
    period: spanOf(bundles),
    madeOn: localDate(d.now()),
    indicators: COLUMNS.map((c) => ({ label: c.label, value: row.bundles ? row.text[c.key] : '尚未报送', flagged: flagged.has(c.key) })),
    chain: head.h ? { count: head.n, code: shortAnchor({ count: head.n, hash: head.h }), hash: grouped(head.h) } : null,
    bundles: bundles.map((b) => ({ period: b.label, range: `${cnDate(b.f)}至${cnDate(b.t)}`, madeAt: cnLocalDateTime(b.madeAt), chain: `第${b.cf + 1}至${b.ch}条`, hash: grouped(b.hash.slice(0, 32)) })),
  };
}

/**
 * Every school's indicators month by month (the district's trend chart): the same indicator
 * function as the table, over one month's summed facts. Months with no facts are gaps (null).
 */
export function districtTrend(d: Reader) {
  const schools = d.sqlite.prepare('SELECT id, name FROM schools ORDER BY name').all() as { id: number; name: string }[];
  const facts = d.sqlite
    .prepare(
      'SELECT f.school_id AS s, f.month AS m, f.key AS k, SUM(f.n) AS n FROM facts f JOIN bundles b ON b.id = f.bundle_id WHERE b.superseded_by IS NULL GROUP BY f.school_id, f.month, f.key',
    )
    .all() as { s: number; m: string; k: FactKey; n: number }[];
  const months = [...new Set(facts.map((f) => f.m))].sort();
  const at = new Map(months.map((m, i) => [m, i]));
  const sums = new Map<number, Partial<Record<FactKey, number>>[]>();
  for (const f of facts) {
    const row = sums.get(f.s) ?? months.map((): Partial<Record<FactKey, number>> => ({}));
    row[at.get(f.m)!]![f.k] = f.n;
    sums.set(f.s, row);
  }
  return {
    months: months.map((m) => `${Number(m.slice(0, 4))}年${Number(m.slice(5, 7))}月`),
    columns: COLUMNS,
    schools: schools
      .filter((s) => sums.has(s.id))
      .map((s) => {
        const perMonth = sums.get(s.id)!.map((sum) => (Object.keys(sum).length ? indicatorsOf(sum, 1) : null));
        return {
          name: s.name,
          values: Object.fromEntries(COLUMNS.map((c) => [c.key, perMonth.map((v) => (v ? v[c.key] : null))])) as Record<IndicatorKey, (number | null)[]>,
        };
      }),
  };
}
