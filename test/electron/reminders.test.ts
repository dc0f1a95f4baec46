// 今日待办 as desktop notifications (electron/reminders.ts) with a mocked Electron: the core's
// reminders, each at most once a day, none when switched off in 设置.
import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('./electron-mock'));

import { Notification, resetElectronMock } from './electron-mock';
import { notifyDue } from '../../electron/reminders';
import { freshLedger } from '../support/ledger';
import { setupSchool } from '../support/school';

beforeEach(() => resetElectronMock());

function overdueSchool() {
  const t = freshLedger('2026-03-02T09:00:00');
  const s = setupSchool(t);
  for (const title of ['关于修订教师绩效考核办法的议题', '关于调整作息时间的议题']) {
    const { id } = t.ok('items.create', { orgId: s.orgId, title, matterId: s.matter('A1'), proposerId: s.person('王建国') });
    t.ok('items.submit', { itemId: id });
  }
  t.setNow('2026-03-12T09:00:00');
  const open = vi.fn();
  const shell = { ledger: () => t.ledger, stateFile: path.join(path.dirname(t.file), 'reminders-shown.json'), open };
  return { t, s, shell, open };
}

describe('desktop notifications of 今日待办', () => {
  it('shows the due reminders once, and not again the same day; clicking opens the window', () => {
    const { t, shell, open } = overdueSchool();
    expect(notifyDue(shell).map((r) => r.title)).toEqual(['关于修订教师绩效考核办法的议题', '关于调整作息时间的议题']);
    expect(Notification.made).toHaveLength(1);
    const n = Notification.made[0]!;
    expect(n.shown).toBe(true);
    expect(n.options.title).toBe('议事台账：今日待办2项');
    expect(n.options.body).toBe('· 关于修订教师绩效考核办法的议题\n· 关于调整作息时间的议题');
    n.emit('click');
    expect(open).toHaveBeenCalledOnce();
    expect(notifyDue(shell)).toEqual([]);
    expect(Notification.made).toHaveLength(1);
    // The next day the same reminders are due again: notified again, once.
    t.setNow('2026-03-13T09:00:00');
    expect(notifyDue(shell)).toHaveLength(2);
    expect(notifyDue(shell)).toHaveLength(0);
    expect(Object.values(JSON.parse(fs.readFileSync(shell.stateFile, 'utf8')) as Record<string, string>)).toEqual(['2026-03-13', '2026-03-13']);
  });

  it('switched off in 设置: nothing is shown', () => {
    const { t, s, shell } = overdueSchool();
    t.ok('reminders.configure', { orgId: s.orgId, notify: false });
    expect(notifyDue(shell)).toEqual([]);
    expect(Notification.made).toHaveLength(0);
  });

  it('a damaged state file is read as nothing shown yet; no ledger or no notification support shows nothing', () => {
    const { shell } = overdueSchool();
    fs.writeFileSync(shell.stateFile, '{not json');
    expect(notifyDue(shell)).toHaveLength(2);
    expect(notifyDue({ ...shell, ledger: () => null })).toEqual([]);
    Notification.supported = false;
    fs.rmSync(shell.stateFile);
    expect(notifyDue(shell)).toEqual([]);
  });
});
