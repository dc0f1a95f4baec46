// The 集团工作台 on paper: a one-page A4 summary (PDF through the shell's printer, like every
// document) and an Excel sheet, one row per organisation of the 集团 (集团本级 first). Pure: data in.
import { GROUP_FIGURES, GROUP_FIGURE_LABELS, GROUP_LEVEL_LABELS, type GroupFigure } from '../terms';
import { cnDate, esc, htmlDocument } from './page';

export interface GroupSheet {
  groupName: string;
  year: number;
  month: number;
  /** YYYY-MM-DD */
  exportedOn: string;
  rows: ({ name: string; level: 'group' | 'campus'; escalated: number } & Record<GroupFigure, number>)[];
}

export function groupTitle(data: Pick<GroupSheet, 'groupName' | 'year'>): string {
  return `${data.groupName}${data.year}年集团议事决策情况`;
}

const GROUP_CSS = `
@page { size: A4 landscape; }
.facts { text-indent: 0; }
table.sheet { margin-top: 6pt; width: 100%; border-collapse: collapse; font-size: 11pt; line-height: 1.3; letter-spacing: 0; }
table.sheet th, table.sheet td { border: 0.75pt solid #000; padding: 3pt 4pt; text-align: center; }
table.sheet th { font-weight: normal; }
table.sheet td.name { text-align: left; }
table.sheet td.warn { font-weight: bold; }
`;

export function groupHtml(data: GroupSheet): string {
  const title = groupTitle(data);
  const head = ['组织', '层级', ...GROUP_FIGURES.map((f) => GROUP_FIGURE_LABELS[f]), '上报集团议题'].map((h) => `<th>${esc(h)}</th>`).join('');
  const warn: readonly GroupFigure[] = ['overdueFollowUps', 'openEmergencies', 'decisionsWithoutFollowUp'];
  const rows = data.rows
    .map(
      (r) =>
        `<tr><td class="name">${esc(r.name)}</td><td>${esc(GROUP_LEVEL_LABELS[r.level])}</td>${GROUP_FIGURES.map(
          (f) => `<td${warn.includes(f) && r[f] > 0 ? ' class="warn"' : ''}>${r[f]}</td>`,
        ).join('')}<td>${r.escalated}</td></tr>`,
    )
    .join('\n');
  const body = `<h1 class="title">${esc(title)}</h1>
<p class="facts">统计截至${esc(cnDate(data.exportedOn))}；“本月”为${data.year}年${data.month}月。</p>
<table class="sheet"><thead><tr class="hei">${head}</tr></thead><tbody>
${rows}
</tbody></table>`;
  return htmlDocument({ title, css: GROUP_CSS, body, pageNumbers: false });
}
