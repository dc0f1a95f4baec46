// 区域统筹 on paper: the district's 汇总报告 (A4 landscape, one row per school, the schools that need
// attention, the issuer and date) and one school's 检查表 for 巡察/督导 (its indicators with a blank
// column for the findings, and the key fingerprint, 存证码 and bundle fingerprints the inspector
// checks against the school's own ledger). Same GB/T 9704 page as the school's documents. Pure.
import type { IndicatorKey } from '../terms';
import { BLOCK_CSS, blocksHtml, run, type Block } from './blocks';
import { GRID, cnDate, esc, htmlDocument, outlineNumber } from './page';

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
      : doc.attention.map((a, i): Block => ({ kind: 'p', runs: [run(`${outlineNumber(2, i + 1)}${a.name}：${a.reasons.join('；')}。`)] }))),
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

// One A4 page at the largest realistic content (a school name longer than a title line, all
// eleven indicators, years of bundles): the particulars and the check are 小四 tables like the
// indicators; the findings rows leave one handwritten line; the bundles are one row for all of
// them and one for the newest (the chain head the district holds covers every earlier one).
const INSPECTION_CSS = `
${SHEET_CSS}
table.sheet { font-size: 12pt; table-layout: fixed; margin-top: 3pt; }
table.sheet th, table.sheet td { padding: 2pt 3pt; }
table.sheet col.n { width: 7%; }
table.sheet col.label { width: 41%; }
table.sheet col.value { width: 13%; }
table.sheet td.finding { height: 7mm; }
table.sheet td.label { text-align: left; }
table.info th, table.check th { width: 18%; }
table.info td, table.check td { text-align: left; }
h1.title { margin-bottom: 6pt; }
p.how { font-size: 12pt; line-height: 1.5; letter-spacing: 0; text-indent: 0; margin-top: 4pt; }
.signs { margin-top: 4pt; text-indent: 0; line-height: 1.7; }
.signs + .signs { margin-top: 0; }
`;

export function inspectionHtml(doc: InspectionDoc): string {
  const title = inspectionTitle(doc);
  const indicators = doc.indicators
    .map((x, i) => `<tr><td>${i + 1}</td><td class="label">${esc(x.label)}</td><td${x.flagged ? ' class="warn"' : ''}>${esc(x.value)}</td><td class="finding"></td></tr>`)
    .join('\n');
  const newest = doc.bundles.at(-1);
  const check: [string, string][] = [
    ['学校密钥指纹', doc.fingerprint],
    ['存证码', doc.chain ? `${doc.chain.code}（存证链末端，共${doc.chain.count}条）` : '尚未报送'],
    ['完整哈希', doc.chain?.hash ?? '—'],
    ...(newest
      ? ([['报送包', `共${doc.bundles.length}个，签名和存证链均已核验；最近一个${newest.madeAt}制作，指纹 ${newest.hash}`]] as [string, string][])
      : []),
  ];
  const body = `${blocksHtml([{ kind: 'title', text: title, names: [doc.school] }])}
<table class="sheet info"><tbody>
<tr><th class="hei">被检查学校</th><td>${esc(doc.school)}</td></tr>
<tr><th class="hei">检查期间</th><td>${esc(doc.period)}（数据来自${esc(doc.district)}区域台账中该校的有效报送包，${esc(cnDate(doc.madeOn))}制表）</td></tr>
</tbody></table>
<table class="sheet"><colgroup><col class="n"><col class="label"><col class="value"><col></colgroup><thead><tr class="hei"><th>序号</th><th>检查指标</th><th>报送数据</th><th>检查发现（检查人填写）</th></tr></thead><tbody>
${indicators}
</tbody></table>
<p class="how"><span class="hei">核验：</span>在该校台账「设置」核对密钥指纹，在「安全→核验」输入存证码。</p>
<table class="sheet check"><tbody>
${check.map(([k, v]) => `<tr><th class="hei">${esc(k)}</th><td>${esc(v)}</td></tr>`).join('\n')}
</tbody></table>
<p class="signs">检查人（签名）：　　　　　　　　学校负责人（签名）：</p>
<p class="signs">检查日期：　　　　年　　月　　日</p>`;
  return htmlDocument({ title, css: BLOCK_CSS + INSPECTION_CSS, body });
}
