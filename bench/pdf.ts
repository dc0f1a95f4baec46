// 20-decision 会议纪要 to PDF: the app's way (db/documents minutesHtml printed by the harness's
// printer: fonts served from /__fonts/, one page reused, as Electron's print window) next to
// LibreOffice converting the app's own Word copy of the same minutes (db/documents minutesDocx,
// what 导出 Word gives the secretary).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { chromium } from 'playwright-core';
import { minutesDocx } from '../db/documents/docx';
import { minutesHtml } from '../db/documents/minutes';
import type { MinutesDoc } from '../db/documents/model';
import { CHROMIUM_ARGS, documentPrinter } from '../test/support/chromium';
import { summarize, timeAsync, type Row, type Timing } from './measure';


/** 20 decisions of the first school's last year, as signed minutes. */
function minutesOf(file: string): MinutesDoc {
  const db = new Database(file, { readonly: true });
  try {
    const org = db.prepare('SELECT id, name FROM organizations ORDER BY id LIMIT 1').get() as { id: number; name: string };
    const rows = db
      .prepare(
        `SELECT d.id, d.text, i.title, f.owner_dept, p.name AS owner, l.name AS leader, f.deadline
         FROM decisions d JOIN agenda_items i ON i.id = d.item_id
         LEFT JOIN follow_ups f ON f.id = (SELECT min(id) FROM follow_ups WHERE decision_id = d.id)
         LEFT JOIN persons p ON p.id = f.owner_id LEFT JOIN persons l ON l.id = f.leader_id
         WHERE i.org_id = ? ORDER BY d.id DESC LIMIT 20`,
      )
      .all(org.id) as { id: number; text: string; title: string; owner_dept: string | null; owner: string | null; leader: string | null; deadline: string | null }[];
    const people = (db.prepare('SELECT name FROM persons WHERE org_id = ? ORDER BY id LIMIT 9').all(org.id) as { name: string }[]).map((p) => p.name);
    const topics = rows.map((r) => r.title);
    return {
      orgName: org.name,
      bodyName: '党委会议',
      bodyKind: 'party_committee',
      meetingLabel: '2025年第24次党委会议',
      startsAt: '2025-12-22T15:00',
      endsAt: '2025-12-22T18:00',
      place: '学校第一会议室',
      host: people[0]!,
      recorder: people[7]!,
      topics,
      kind: 'minutes',
      title: `${org.name}党委会议纪要`,
      docNumber: '〔2025〕24号',
      opening: `2025年12月22日下午，${people[0]}同志主持召开2025年第24次党委会议。会议研究了${topics.map((t) => `“${t}”`).join('')}等${topics.length}项议题，现将议定事项纪要如下：`,
      decisions: rows.map((r, i) => ({
        number: i + 1,
        itemTitle: r.title,
        text: r.text,
        owners: r.owner_dept ? [{ ownerDept: r.owner_dept, ownerName: r.owner, leaderName: r.leader, deadline: r.deadline!, task: null }] : [],
        noFollowUpReason: r.owner_dept ? null : '属日常事务，会后即办结',
      })),
      attendance: { present: people.slice(0, 6), onLeave: [{ name: people[6]!, reason: '外出培训' }], absent: [], observers: [people[7]!] },
      state: 'signed',
      signedBy: people[0]!,
      signedAt: '2025-12-23T10:00',
      revision: 1,
      revisionReason: null,
      chainAnchor: '3f9a0c1b7e24',
      warnings: [],
    };
  } finally {
    db.close();
  }
}

function pdfPages(file: string): number {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0);
}

export async function pdfRows(file: string, runs: number, log: (s: string) => void = () => {}): Promise<Row[]> {
  if (!fs.existsSync('/usr/bin/chromium')) return [];
  log('minutes PDF …');
  const doc = minutesOf(file);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yishi-bench-pdf-'));
  try {
    const launchStart = performance.now();
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
    const launchMs = performance.now() - launchStart;
    let bytes: Buffer = Buffer.alloc(0);
    let chromiumT: Timing | undefined;
    const printer = await documentPrinter(browser);
    try {
      chromiumT = await timeAsync(async () => {
        bytes = await printer.pdf(minutesHtml(doc));
      }, runs);
    } finally {
      await printer.close();
      await browser.close();
    }
    const chromePdf = path.join(dir, 'chromium.pdf');
    fs.writeFileSync(chromePdf, bytes);
    const rows: Row[] = [];
    let peer: Row['peer'];
    let note = `${pdfPages(chromePdf)} pages, ${(bytes.length / 1024).toFixed(0)} KB; Chromium launch ${launchMs.toFixed(0)} ms not included`;
    const soffice = ['/usr/bin/libreoffice', '/usr/bin/soffice'].find((f) => fs.existsSync(f));
    if (soffice) {
      const docx = path.join(dir, 'minutes.docx');
      fs.writeFileSync(docx, await minutesDocx(doc));
      // Own profile folder: other LibreOffice processes on the machine must not share its lock.
      const profile = `-env:UserInstallation=file://${path.join(dir, 'lo-profile')}`;
      const ms: number[] = [];
      const loRuns = Math.max(2, Math.min(runs, 5));
      for (let i = 0; i <= loRuns; i++) {
        const t0 = performance.now();
        execFileSync(soffice, [profile, '--headless', '--convert-to', 'pdf', '--outdir', dir, docx], { stdio: 'ignore', timeout: 120_000 });
        // The first run creates the profile: treat it as warm-up.
        if (i > 0) ms.push(performance.now() - t0);
      }
      const loPdf = path.join(dir, 'minutes.pdf');
      peer = { name: 'libreoffice --convert-to pdf (DOCX)', t: summarize(ms) };
      note += `; LibreOffice ${pdfPages(loPdf)} pages`;
    }
    rows.push({ group: 'documents', name: '20-decision 纪要 → PDF, Chromium', note, t: chromiumT!, peer });
    return rows;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
