// 督办通知单 / 催办单 (R17): one follow-up, sent to its department, in the GB/T 9704 page of the
// other forms: the organisation's name, the decision it comes from, owner, deadline, progress so
// far, and by when to report back.
import { BLOCK_CSS, blocksHtml, run, type Block } from './blocks';
import type { SupervisionDoc } from './model';
import { GRID, cnDate, cnNumber, esc, htmlDocument } from './page';

const SUPERVISION_CSS = `
table.facts { width: 100%; border-collapse: collapse; margin-top: 8pt; font-size: 14pt; line-height: 1.4; }
table.facts th, table.facts td { border: 0.75pt solid #000; padding: 4pt 6pt; vertical-align: top; text-align: left; }
table.facts th { width: 24%; font-weight: normal; text-align: center; vertical-align: middle; }
table.facts tr { break-inside: avoid; }
.issuer { margin-top: ${GRID.line}; text-align: right; padding-right: calc(4 * ${GRID.ch}); }
.issuer div { text-align: center; display: inline-block; }
.closing { break-inside: avoid; page-break-inside: avoid; }
.receipt { margin-top: 12pt; border-top: 0.75pt dashed #000; padding-top: 6pt; text-indent: 0; }
`;

/** What the notice says, built once for the PDF and the Word copy: the opening blocks, the facts table, the closing. */
export function supervisionParts(doc: SupervisionDoc) {
  const to = `${doc.ownerDept}${doc.ownerName ? `（${doc.ownerName}同志）` : ''}：`;
  const late = doc.overdueDays > 0;
  const blocks: Block[] = [
    { kind: 'title', text: doc.title, names: [doc.orgName] },
    { kind: 'p', indent: false, runs: [run(to)] },
    {
      kind: 'p',
      runs: [
        run(
          `${cnDate(doc.decidedOn)}召开的${doc.meetingLabel}作出的第${cnNumber(doc.decisionNumber)}项决定事项，由你部门负责落实，完成时限为${cnDate(doc.deadline)}。` +
            (late ? `现已超过完成时限${doc.overdueDays}天，尚未办结。` : '现将督办事项通知如下。') +
            `请抓紧落实，并于${cnDate(doc.replyBy)}前将办理情况书面报送${doc.issuer}。`,
        ),
      ],
    },
  ];
  const rows: [string, string][] = [
    ['决定事项', doc.decisionText],
    ['督办任务', doc.task],
    ['承办部门', doc.ownerDept],
    ['责任人', doc.ownerName ?? '（未指定）'],
    ['分管领导', doc.leaderName ?? '（未指定）'],
    ['完成时限', cnDate(doc.deadline) + (late ? `（已超过${doc.overdueDays}天）` : '')],
    ['办理进展', doc.progress.length === 0 ? '尚未报送办理进展。' : doc.progress.map((p) => `${cnDate(p.at)}　${p.kind}：${p.text}`).join('\n')],
  ];
  return { blocks, rows, issuer: doc.issuer, issuedOn: cnDate(doc.issuedOn), receipt: '签收人：　　　　　　签收日期：　　年　月　日' };
}

export function supervisionHtml(doc: SupervisionDoc): string {
  const { blocks, rows, issuer, issuedOn, receipt } = supervisionParts(doc);
  const table = `<table class="facts"><tbody>
${rows.map(([k, v]) => `<tr><th class="hei">${esc(k)}</th><td>${esc(v).replace(/\n/g, '<br>')}</td></tr>`).join('\n')}
</tbody></table>`;
  const body = `${blocksHtml(blocks)}
${table}
<div class="closing">
<div class="issuer"><div>${esc(issuer)}<br>${esc(issuedOn)}</div></div>
<p class="receipt">${esc(receipt)}</p>
</div>`;
  return htmlDocument({ title: doc.title, css: BLOCK_CSS + SUPERVISION_CSS, body });
}
