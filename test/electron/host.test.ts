// Electron's HostApi: PDFs printed A4 by Chromium in a hidden window, written where the save
// dialog says (atomically); cancelling writes nothing; only saved files may be opened.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { vi } from 'vitest';

vi.mock('electron', () => import('./electron-mock'));

import { BrowserWindow, dialog, resetElectronMock, shell } from './electron-mock';
import { electronHost } from '../../electron/host';
import { printDocuments } from '../../electron/protocol';
import type { BrowserWindow as ElectronWindow } from 'electron';

let dir: string;
beforeEach(() => {
  resetElectronMock();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yishi-host-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const makeHost = (main: BrowserWindow | null = null, warmUpAfterMs?: number) =>
  electronHost({
    parent: () => main as unknown as ElectronWindow | null,
    print: printDocuments(),
    dataFolder: () => dir,
    version: '0.1.0',
    documentsFolder: () => dir,
    verify: () => {
      throw new Error('not in this test');
    },
    restore: () => {
      throw new Error('not in this test');
    },
    warmUpAfterMs,
  });

describe('electron host', () => {
  it('savePdf prints A4 with CSS page size and backgrounds, and writes the bytes where the user chose', async () => {
    const target = path.join(dir, '会议纪要.pdf');
    dialog.showSaveDialog.mockResolvedValue({ canceled: false, filePath: target });
    const saved = await makeHost().savePdf({ html: '<h1>会议纪要</h1>', fileName: '2026年第3次党委会会议纪要' });
    expect(saved).toEqual({ path: target });
    const [win] = BrowserWindow.created;
    expect(win!.webContents.pdfOptions).toEqual({ pageSize: 'A4', preferCSSPageSize: true, printBackground: true });
    expect(win!.webContents.loaded[0]).toMatch(/^app:\/\/ledger\/__print\//);
    expect(fs.readFileSync(target)).toEqual(win!.webContents.pdfBytes);
    expect(fs.readdirSync(dir)).toEqual(['会议纪要.pdf']); // no leftover temporary file
    const options = dialog.showSaveDialog.mock.calls[0]![0] as { title: string; defaultPath: string; filters: { extensions: string[] }[] };
    expect(options.title).toBe('保存 PDF 文件');
    expect(path.basename(options.defaultPath)).toBe('2026年第3次党委会会议纪要.pdf');
    expect(options.filters[0]!.extensions).toEqual(['pdf']);
  });

  it('cancelling the dialog returns null and neither renders nor writes anything', async () => {
    dialog.showSaveDialog.mockResolvedValue({ canceled: true, filePath: '' });
    expect(await makeHost().savePdf({ html: '<p>x</p>', fileName: '纪要' })).toBeNull();
    expect(await makeHost().saveFile({ base64: 'AAAA', fileName: '台账.xlsx' })).toBeNull();
    expect(BrowserWindow.created).toHaveLength(0);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('saveFile decodes base64 and names the kind in Chinese', async () => {
    const target = path.join(dir, '督办台账.xlsx');
    dialog.showSaveDialog.mockResolvedValue({ canceled: false, filePath: target });
    const bytes = Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]);
    await makeHost().saveFile({ base64: bytes.toString('base64'), fileName: '督办台账.xlsx' });
    expect(fs.readFileSync(target)).toEqual(bytes);
    const options = dialog.showSaveDialog.mock.calls[0]![0] as { title: string; filters: { name: string }[] };
    expect(options.title).toBe('保存 Excel 表格');
    expect(options.filters[0]!.name).toBe('Excel 表格');
  });

  it('a write that fails says so in Chinese and leaves no partial file', async () => {
    const target = path.join(dir, 'no-such-folder', 'a.pdf');
    dialog.showSaveDialog.mockResolvedValue({ canceled: false, filePath: target });
    await expect(makeHost().savePdf({ html: '<p>x</p>', fileName: 'a' })).rejects.toThrow(/没有保存|无法写入/);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('openPath and showInFolder only for files saved in this session or the data folder', async () => {
    const host = makeHost();
    await expect(host.openPath('/bin/sh')).rejects.toThrow(/只能打开/);
    await expect(host.showInFolder('C:\\Windows\\System32\\cmd.exe')).rejects.toThrow(/只能打开/);
    expect(shell.openPath).not.toHaveBeenCalled();
    expect(shell.showItemInFolder).not.toHaveBeenCalled();

    const target = path.join(dir, 'b.pdf');
    dialog.showSaveDialog.mockResolvedValue({ canceled: false, filePath: target });
    await host.savePdf({ html: '<p>x</p>', fileName: 'b' });
    await host.openPath(target);
    await host.showInFolder(target);
    await host.openPath(dir);
    expect(shell.openPath.mock.calls).toEqual([[target], [dir]]);
    expect(shell.showItemInFolder).toHaveBeenCalledWith(target);
  });

  it('print uses the system dialog (not silent) in the same hidden window as the PDFs', async () => {
    const main = new BrowserWindow({});
    const host = makeHost(main);
    dialog.showSaveDialog.mockResolvedValue({ canceled: false, filePath: path.join(dir, 'c.pdf') });
    await host.savePdf({ html: '<p>纪要</p>', fileName: 'c' });
    await host.print({ html: '<p>签到表</p>' });
    expect(BrowserWindow.created).toHaveLength(2);
    const [, win] = BrowserWindow.created;
    expect(win!.webContents.printOptions).toMatchObject({ silent: false, printBackground: true });
    expect(win!.webContents.loaded).toHaveLength(2);
  });

  it('warms the print window up after start: the warm-up page is printed once and the window kept', async () => {
    vi.useFakeTimers();
    try {
      const main = new BrowserWindow({});
      makeHost(main, 3000);
      expect(BrowserWindow.created).toHaveLength(1);
      await vi.advanceTimersByTimeAsync(3000);
      const [, win] = BrowserWindow.created;
      expect(win!.webContents.loaded).toHaveLength(1);
      expect(win!.webContents.pdfOptions).toMatchObject({ pageSize: 'A4' });
      expect(win!.destroyed).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });

  it('without a main window the print window is not kept (a hidden window would stop the app quitting)', async () => {
    dialog.showSaveDialog.mockResolvedValue({ canceled: false, filePath: path.join(dir, 'd.pdf') });
    await makeHost(null).savePdf({ html: '<p>纪要</p>', fileName: 'd' });
    expect(BrowserWindow.created[0]!.destroyed).toBe(true);
  });

  it('chooseLedgerFile offers only the app\'s own ledger files: a save gets .sqlite, an open of another kind is refused, nothing is read or written', async () => {
    dialog.showSaveDialog.mockResolvedValue({ canceled: false, filePath: path.join(dir, '东校区台账') });
    await expect(makeHost().chooseLedgerFile({ title: '保存拆分出的台账', mode: 'save', fileName: '东校区台账.sqlite' })).resolves.toBe(path.join(dir, '东校区台账.sqlite'));
    const save = dialog.showSaveDialog.mock.calls[0]![0] as { filters: { name: string; extensions: string[] }[]; defaultPath: string };
    expect(save.filters).toEqual([{ name: '议事台账文件', extensions: ['sqlite'] }]);
    expect(save.defaultPath).toBe(path.join(dir, '东校区台账.sqlite'));
    dialog.showOpenDialog.mockResolvedValue({ canceled: false, filePaths: [path.join(dir, '台账.xlsx')] });
    await expect(makeHost().chooseLedgerFile({ title: '选择学校自己的台账文件', mode: 'open' })).rejects.toThrow('只能选择议事台账文件（.sqlite）');
    dialog.showOpenDialog.mockResolvedValue({ canceled: true, filePaths: [] });
    await expect(makeHost().chooseLedgerFile({ title: '选择学校自己的台账文件', mode: 'open' })).resolves.toBeNull();
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('info reports the electron shell, version and data folder', async () => {
    expect(await makeHost().info()).toEqual({ version: '0.1.0', dataFolder: dir, shell: 'electron' });
  });
});
