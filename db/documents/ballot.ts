// 表决票 (R10): each item voted separately, one row per item with 同意 / 不同意 / 弃权 boxes.
// A 记名投票 sheet carries the voter's name and a signature line; a 无记名投票 sheet has no name
// line at all (secret ballots keep counts only).
import type { BallotDoc } from './model';
import { cnDate, esc, htmlDocument, titleHtml } from './page';

const BALLOT_CSS = `
.sheet { break-after: page; page-break-after: always; }
.sheet:last-child { break-after: auto; page-break-after: auto; }
.method { text-align: center; text-indent: 0; margin-bottom: 8pt; }
.voter { text-indent: 0; margin-bottom: 8pt; }
table.votes { font-size: 14pt; line-height: 1.4; }
table.votes th, table.votes td { border: 0.75pt solid #000; padding: 6pt 4pt; text-align: center; }
table.votes th { font-weight: normal; }
table.votes td.t { text-align: left; }
.box { display: inline-block; width: 7mm; height: 7mm; border: 1pt solid #000; vertical-align: middle; }
.help { margin-top: 12pt; font-size: 12pt; line-height: 1.6; text-indent: 2em; letter-spacing: 0; }
`;

function sheet(doc: BallotDoc, voter: string | null): string {
  const rows = doc.items
    .map((it, i) => `<tr><td>${i + 1}</td><td class="t">${esc(it.title)}</td><td><span class="box"></span></td><td><span class="box"></span></td><td><span class="box"></span></td></tr>`)
    .join('\n');
  const voterLine = voter === null ? '' : `<p class="voter"><span class="hei">表决人：</span>${esc(voter)}　　<span class="hei">签名：</span>＿＿＿＿＿＿</p>`;
  return `<section class="sheet">
<h1 class="title">${titleHtml(doc.orgName, [doc.orgName])}<br>${titleHtml(`${doc.meetingLabel}表决票`, [doc.meetingLabel])}</h1>
<p class="method">（${esc(doc.method)}　${esc(cnDate(doc.startsAt))}）</p>
${voterLine}
<table class="votes">
<colgroup><col style="width:9%"><col style="width:55%"><col style="width:12%"><col style="width:12%"><col style="width:12%"></colgroup>
<thead><tr class="hei"><th>序号</th><th>议题</th><th>同意</th><th>不同意</th><th>弃权</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
<p class="help">说明：请对每个议题分别表决，在“同意”“不同意”“弃权”中选择一项划“√”；不划或多划的，视为弃权。</p>
</section>`;
}

export function ballotHtml(doc: BallotDoc): string {
  const secret = doc.method === '无记名投票';
  // R10: a secret ballot never carries a name, whatever the input says.
  const sheets = secret
    ? Array.from({ length: Math.max(1, doc.copies) }, () => sheet(doc, null))
    : (doc.voters.length ? doc.voters : ['']).map((v) => sheet(doc, v));
  const title = `${doc.meetingLabel}表决票`;
  return htmlDocument({
    title,
    css: BALLOT_CSS,
    body: sheets.join('\n'),
    pageNumbers: false,
  });
}
