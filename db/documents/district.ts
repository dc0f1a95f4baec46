// 区域统筹 on paper: the district's 汇总报告 (A4 landscape, one row per school, the schools that need
// attention, the issuer and date) and one school's 检查表 for 巡察/督导 (its indicators with a blank
// column for the findings, and the key fingerprint, 存证码 and bundle fingerprints the inspector
// checks against the school's own ledger). Same GB/T 9704 page as the school's documents. Pure.
import type { IndicatorKey } from '../terms';
import { BLOCK_CSS, blocksHtml, run, type Block } from './blocks';
import { GRID, cnDate, esc, htmlDocument } from './page';

export interface DistrictSummaryDoc {
  district: string;
  /** 2026年3月1日至2026年4月19日, or 尚无报送 */
  period: string;
  /** YYYY-MM-DD */
  madeOn: string;
  columns: { key: IndicatorKey; label: string }[];
  rows: { name: string; covered: string; bundles: number; values: Record<IndicatorKey, number | null> & { correctionsClosed: number }; text: Record<IndicatorKey, string> }[];
  /** Schools with a broken rule (db/rules/indicators.ts attentionKeys) or no bundle yet, with why. */
  attention: { name: string; reasons: string[] }[];
  /** The bundles the figures come from. */
  sources: { school: string; period: string; range: string; madeAt: string; importedAt: string; chain: string; code: string }[];
}

export interface InspectionDoc {
  district: string;
  school: string;
  fingerprint: string;
  period: string;
  /** YYYY-MM-DD */
  madeOn: string;
  indicators: { label: string; value: string; flagged: boolean }[];
  /** The head of the school's chain as the district last imported it. */
  chain: { count: number; code: string; hash: string } | null;
  bundles: { period: string; range: string; madeAt: string; chain: string; hash: string }[];
}

export const districtSummaryTitle = (doc: Pick<DistrictSummaryDoc, 'district'>) => `${doc.district}各校议事决策情况汇总报告`;
export const inspectionTitle = (doc: Pick<InspectionDoc, 'school'>) => `${doc.school}议事决策情况检查表`;

const SHEET_CSS = `
table.sheet { margin-top: 6pt; width: calc(100% - 1pt); border-collapse: collapse; font-size: 10.5pt; line-height: 1.3; letter-spacing: 0; }
table.sheet th, table.sheet td { border: 0.75pt solid #000; padding: 3pt 3pt; text-align: center; vertical-align: middle; }
table.sheet th { font-weight: normal; }
table.sheet td.name { text-align: left; }
table.sheet td.warn { font-weight: bold; }
table.sheet tr { break-inside: avoid; page-break-inside: avoid; }
table.sheet thead { display: table-header-group; }
.issuer { margin-top: ${GRID.line}; text-align: right; padding-right: calc(4 * ${GRID.ch}); break-inside: avoid; }
.issuer div { text-align: center; display: inline-block; }
`;

// Landscape for the eleven indicators; the margins a little smaller than portrait's so a small
// district's table and its attention list fit one page.
const SUMMARY_CSS = `
@page { size: A4 landscape; margin: 25mm 26mm 25mm 28mm; }
${SHEET_CSS}
table.sheet { font-size: 10pt; }
table.sheet td.name { width: 8em; }
table.sheet td.covered { width: 9em; }
p.explain { font-size: 12pt; line-height: 1.5; letter-spacing: 0; margin-top: 4pt; }
.issuer { margin-top: 4pt; }
/* The date never stands alone on a page: the note goes with it. */
.closing { break-inside: avoid; page-break-inside: avoid; }
`;

export function districtSummaryHtml(doc: DistrictSummaryDoc): string {
  const title = districtSummaryTitle(doc);
  const reported = doc.rows.filter((r) => r.bundles > 0).length;
  const blocks: Block[] = [
    { kind: 'title', text: title, names: [doc.district] },
    { kind: 'p', runs: [run(`统计期间：${doc.period}。本区登记学校${doc.rows.length}所，已报送${reported}所；数据来自各校签名报送包${doc.sources.length}个，均已核验签名和存证链。`)] },
    { kind: 'h2', text: '一、各校指标' },
  ];
  const head = ['学校', '报送期间', ...doc.columns.map((c) => c.label)].map((h) => `<th>${esc(h)}</th>`).join('');
  const flagged = new Map(doc.attention.map((a) => [a.name, a.reasons]));
  const rows = doc.rows
    .map((r) => {
      const reasons = flagged.get(r.name) ?? [];
      const warn = (label: string) => reasons.some((x) => x.startsWith(label));
      return `<tr><td class="name">${esc(r.name)}</td><td class="covered">${esc(r.covered)}</td>${doc.columns
        .map((c) => `<td${warn(c.label) ? ' class="warn"' : ''}>${esc(r.bundles ? r.text[c.key] : '—')}</td>`)
        .join('')}</tr>`;
    })
    .join('\n');
  const attention: Block[] = [
    { kind: 'h2', text: '二、需要关注的学校' },
    ...(doc.attention.length === 0
      ? [{ kind: 'p' as const, runs: [run('各校报送的数据中没有需要关注的情况。')] }]
      : doc.attention.map((a, i): Block => ({ kind: 'p', runs: [run(`${i + 1}．${a.name}：${a.reasons.join('；')}。`)] }))),
  ];
  const body = `${blocksHtml(blocks)}
<table class="sheet"><thead><tr class="hei">${head}</tr></thead><tbody>
${rows}
</tbody></table>
${blocksHtml(attention)}
<div class="closing">
<p class="explain">说明：三重一大事项未经党组织会议决定、会前沟通在后、到会人数不足、决定未安排督办、督办逾期、临时处置未按时报告、第一议题未学习、纪要会后超过7天签发的，列为需要关注；表中加粗的数值即需要关注的指标。</p>
<div class="issuer"><div>${esc(doc.district)}<br>${esc(cnDate(doc.madeOn))}</div></div>
</div>`;
  return htmlDocument({ title, css: BLOCK_CSS + SUMMARY_CSS, body });
}

const INSPECTION_CSS = `
${SHEET_CSS}
table.sheet { font-size: 12pt; table-layout: fixed; }
table.sheet col.n { width: 8%; }
table.sheet col.label { width: 32%; }
table.sheet col.value { width: 16%; }
table.sheet td.finding { height: 12mm; }
table.sheet td.label { text-align: left; }
table.check th { width: 28%; }
table.check td { text-align: left; }
.signs { margin-top: 10pt; text-indent: 0; }
.signs + .signs { margin-top: 0; }
`;

export function inspectionHtml(doc: InspectionDoc): string {
  const title = inspectionTitle(doc);
  const blocks: Block[] = [
    { kind: 'title', text: title, names: [doc.school] },
    { kind: 'p', indent: false, runs: [run(`被检查学校：${doc.school}　　检查期间：${doc.period}`)] },
    { kind: 'p', indent: false, runs: [run(`数据来源：${doc.district}区域台账中该校的有效报送包（${cnDate(doc.madeOn)}制表）。`)] },
  ];
  const indicators = doc.indicators
    .map((x, i) => `<tr><td>${i + 1}</td><td class="label">${esc(x.label)}</td><td${x.flagged ? ' class="warn"' : ''}>${esc(x.value)}</td><td class="finding"></td></tr>`)
    .join('\n');
  const check: [string, string][] = [
    ['学校密钥指纹', doc.fingerprint],
    ['存证链末端（存证码）', doc.chain ? `共${doc.chain.count}条，存证码 ${doc.chain.code}` : '尚未报送'],
    ['存证链末端完整哈希', doc.chain?.hash ?? '—'],
    ...doc.bundles.flatMap((b): [string, string][] => [
      [`报送包：${b.period}`, `${b.range}，${b.madeAt}制作，存证链${b.chain}`],
      ['报送包指纹', b.hash],
    ]),
  ];
  const body = `${blocksHtml(blocks)}
<table class="sheet"><colgroup><col class="n"><col class="label"><col class="value"><col></colgroup><thead><tr class="hei"><th>序号</th><th>检查指标</th><th>报送数据</th><th>检查发现（检查人填写）</th></tr></thead><tbody>
${indicators}
</tbody></table>
${blocksHtml([{ kind: 'h2', text: '报送包核验' }, { kind: 'p', runs: [run('请在该校台账「设置」中核对密钥指纹，在「设置→安全→核验」中输入下列存证码，确认该校台账的存证链包含报送时的末端、其后没有改写。')] }])}
<table class="sheet check"><tbody>
${check.map(([k, v]) => `<tr><th class="hei">${esc(k)}</th><td>${esc(v)}</td></tr>`).join('\n')}
</tbody></table>
<p class="signs">检查人（签名）：　　　　　　　　学校负责人（签名）：</p>
<p class="signs">检查日期：　　　　年　　月　　日</p>`;
  return htmlDocument({ title, css: BLOCK_CSS + INSPECTION_CSS, body });
}
