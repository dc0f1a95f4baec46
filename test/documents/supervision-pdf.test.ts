// 督办通知单 / 催办单 (R17) from a real ledger through dispatch, printed by Chromium (the same print
// path as the other forms) and read back: the school, the decision, owner, deadline, progress.
// The Word copy says the same words (one home: supervisionParts); LibreOffice reads it back.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatchAsync } from '../../db/api';
import { PT_PER_MM, flowText, launchChromium, pdfFonts, pdfInfo, pdfText, printPdf, tempDir } from '../support/chromium';
import { LIBREOFFICE, libreOfficePdf } from '../support/libreoffice';
import { decidedMeeting } from '../support/decided';
import { freshLedger } from '../support/ledger';
import { setupSchool } from '../support/school';

let browser: Browser;
let dir: string;
const flat = (s: string) => s.replace(/\s+/g, '');

beforeAll(async () => {
  browser = await launchChromium();
  dir = tempDir();
});
afterAll(async () => {
  await browser?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/** A decision of 2026年3月25日 with a follow-up due 2026年4月10日 and one progress report. */
function followUpWithProgress() {
  const t = freshLedger();
  const s = setupSchool(t);
  const party = decidedMeeting(t, s, { startsAt: '2026-03-25T15:00' });
  t.setNow('2026-03-26T09:00:00');
  const fu = t.ok('followups.create', { decisionId: party.decided[0]!.decisionId, task: '完成校园安全隐患整改', ownerDept: '总务处', ownerId: s.person('陈志强'), deadline: '2026-04-10' }).followUp;
  t.ok('followups.report', { followUpId: fu.id, kind: 'progress', text: '已完成教学楼排查，正在整改消防通道。' });
  return { t, fu };
}

describe('documents.supervisionHtml', () => {
  it('督办通知单 before the deadline, 催办单 after it, A4 with every font embedded; refused once done', async () => {
    const { t, fu } = followUpWithProgress();
    const before = t.ok('documents.supervisionHtml', { followUpId: fu.id });
    expect(before.title).toBe('督办通知单');
    t.setNow('2026-04-13T09:00:00');
    const late = t.ok('documents.supervisionHtml', { followUpId: fu.id });
    expect(late.title).toBe('催办单');
    expect(late.fileName).toBe('催办单（总务处·完成校园安全隐患整改）.pdf');
    const file = path.join(dir, 'late.pdf');
    fs.writeFileSync(file, await printPdf(browser, late.html));
    expect(pdfFonts(file).filter((f) => !f.emb)).toEqual([]);
    const info = pdfInfo(file);
    expect(info.widthPt).toBeCloseTo(210 * PT_PER_MM, -1);
    expect(info.pages).toBe(1);
    const text = flowText(file);
    for (const x of ['催办单', '总务处（陈志强同志）：', '2026年3月25日召开的2026年第1次', '完成时限为2026年4月10日。现已超过完成时限3天，尚未办结。', '于2026年4月16日前将办理情况书面报送', '完成校园安全隐患整改', '2026年4月10日（已超过3天）', '2026年3月26日进展：已完成教学楼排查，正在整改消防通道。', '2026年4月13日', '签收人']) {
      expect(text, x).toContain(flat(x));
    }
    expect(text).not.toMatch(/[A-Za-z]{3,}|R17|\{"/);
    t.ok('followups.complete', { followUpId: fu.id, note: '已全部整改完成。' });
    expect(t.call('documents.supervisionHtml', { followUpId: fu.id })).toMatchObject({ ok: false, error: { field: 'followUpId', message: '督办事项「完成校园安全隐患整改」已经办结，不需要督办通知单。' } });
    expect(t.call('documents.supervisionHtml', { followUpId: 0 } as never)).toMatchObject({ ok: false, error: { field: 'followUpId' } });
  }, 120_000);
});

describe('documents.supervisionDocx', () => {
  it.skipIf(!LIBREOFFICE)('the Word copy of the 催办单 says what the PDF says, A4 on one page, a ruled table; named like the PDF; refused once done', async () => {
    const { t, fu } = followUpWithProgress();
    t.setNow('2026-04-13T09:00:00');
    const r = await dispatchAsync(t.ledger, 'documents.supervisionDocx', { followUpId: fu.id });
    if (!r.ok) throw new Error(r.error.message);
    const made = r.value as { base64: string; fileName: string };
    expect(made.fileName).toBe('催办单（总务处·完成校园安全隐患整改）.docx');
    const file = path.join(dir, 'late.docx');
    fs.writeFileSync(file, Buffer.from(made.base64, 'base64'));
    expect(fs.readFileSync(file).subarray(0, 2).toString()).toBe('PK');
    const pdf = libreOfficePdf(file, dir);
    // Kept for looking at as PNG (pdftoppm).
    fs.mkdirSync(path.resolve('artifacts/exports'), { recursive: true });
    fs.copyFileSync(pdf, path.resolve('artifacts/exports/催办单-word.pdf'));
    const info = pdfInfo(pdf);
    expect(info.widthPt).toBeCloseTo(210 * PT_PER_MM, -1);
    expect(info.heightPt).toBeCloseTo(297 * PT_PER_MM, -1);
    expect(info.pages).toBe(1);
    const text = flat(pdfText(pdf));
    for (const x of ['催办单', '总务处（陈志强同志）：', '2026年3月25日召开的2026年第1次', '完成时限为2026年4月10日。现已超过完成时限3天，尚未办结。', '于2026年4月16日前将办理情况书面报送', '决定事项', '督办任务', '完成校园安全隐患整改', '2026年4月10日（已超过3天）', '2026年4月13日', '签收人']) {
      expect(text, x).toContain(flat(x));
    }
    // A wrapped cell: pdftotext reads its lines in LibreOffice's order, so the progress is checked in pieces.
    for (const x of ['2026年3月26日', '进展：已完成教学楼排查', '在整改消防通道。']) expect(text, x).toContain(x);
    expect(text).not.toMatch(/[A-Za-z]{3,}|R17|\{"/);
    t.ok('followups.complete', { followUpId: fu.id, note: '已全部整改完成。' });
    expect(await dispatchAsync(t.ledger, 'documents.supervisionDocx', { followUpId: fu.id })).toMatchObject({ ok: false, error: { field: 'followUpId', message: '督办事项「完成校园安全隐患整改」已经办结，不需要督办通知单。' } });
  }, 180_000);
});
