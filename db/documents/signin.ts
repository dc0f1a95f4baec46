// 签到表: one row per person called (出席 then 列席), with room to sign, plus blank rows. Members the
// attendance already records as 请假 or 缺席 are printed as such, with the reason as a note. The
// blank rows fill the last page and never start a new one.
import type { SignInDoc } from './model';
import { cnDateTime, esc, htmlDocument, titleHtml } from './page';

const SIGNIN_CSS = `
.facts { text-indent: 0; }
table.sheet { margin-top: 8pt; font-size: 14pt; line-height: 1.3; }
table.sheet th, table.sheet td { border: 0.75pt solid #000; height: 11.5mm; padding: 0 4pt; text-align: center; }
table.sheet th { font-family: inherit; font-weight: normal; height: 9mm; }
table.sheet tr { break-inside: avoid; }
table.sheet thead { display: table-header-group; }
table.sheet td.note { font-size: 9pt; line-height: 1.15; letter-spacing: 0; }
`;

/**
 * Rows a page holds: the first below the title and the three lines of facts (12 rows of 11.5 mm
 * in the 225 mm type area), the next ones below the repeated header (18).
 */
const FIRST_PAGE_ROWS = 12;
const NEXT_PAGE_ROWS = 18;

/** Blank rows for people who come unannounced: the rest of the last page, never a page of their own. */
export function blankRowsFor(people: number): number {
  const total = people <= FIRST_PAGE_ROWS ? FIRST_PAGE_ROWS : FIRST_PAGE_ROWS + Math.ceil((people - FIRST_PAGE_ROWS) / NEXT_PAGE_ROWS) * NEXT_PAGE_ROWS;
  return total - people;
}

export function signInHtml(doc: SignInDoc): string {
  const title = `${doc.meetingLabel}签到表`;
  const rows = [
    // Someone already recorded as 请假 or 缺席 does not sign: the cell says so.
    ...doc.rows.map((r, i) => {
      const away = r.role === '请假' || r.role === '缺席';
      return `<tr><td>${i + 1}</td><td>${esc(r.name)}</td><td>${esc(r.post)}</td><td>${esc(r.role)}</td><td>${away ? esc(r.role) : ''}</td><td class="note">${esc(r.note ?? '')}</td></tr>`;
    }),
    ...Array.from({ length: blankRowsFor(doc.rows.length) }, (_, i) => `<tr><td>${doc.rows.length + i + 1}</td><td></td><td></td><td></td><td></td><td></td></tr>`),
  ].join('\n');
  const body = `<h1 class="title">${titleHtml(doc.orgName, [doc.orgName])}<br>${titleHtml(title, [doc.meetingLabel])}</h1>
<p class="facts"><span class="hei">时间：</span>${esc(cnDateTime(doc.startsAt))}</p>
<p class="facts"><span class="hei">地点：</span>${esc(doc.place)}</p>
<p class="facts"><span class="hei">主持人：</span>${esc(doc.host)}　<span class="hei">记录人：</span>${esc(doc.recorder)}</p>
<table class="sheet">
<colgroup><col style="width:10%"><col style="width:17%"><col style="width:22%"><col style="width:11%"><col style="width:25%"><col style="width:15%"></colgroup>
<thead><tr class="hei"><th>序号</th><th>姓名</th><th>职务</th><th>类别</th><th>本人签名</th><th>备注</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>`;
  return htmlDocument({
    title,
    css: SIGNIN_CSS,
    body,
  });
}
