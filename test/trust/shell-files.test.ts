// Issue H, class 9: the shell writes and opens only the document types the app produces. Written
// as a compromised page would try it: ask saveFile for an executable under a harmless-looking
// name, then ask openPath to run it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('../electron/electron-mock'));

import { dialog, resetElectronMock, shell } from '../electron/electron-mock';
import { electronHost } from '../../electron/host';
import { printDocuments } from '../../electron/protocol';

let dir: string;
beforeEach(() => {
  resetElectronMock();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yishi-shell-files-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const makeHost = () =>
  electronHost({ parent: () => null, print: printDocuments(), dataFolder: () => path.join(dir, 'data'), version: '0.1.0', documentsFolder: () => dir, restore: () => { throw new Error('not here'); }, verify: () => { throw new Error('not here'); } });

const payload = Buffer.from('@echo off\r\nformat c:\r\n').toString('base64');

describe('H9: saveFile and openPath are limited to pdf, docx and xlsx', () => {
  for (const fileName of ['会议纪要.bat', '台账.exe', '纪要.pdf.exe', '纪要.PDF.cmd', '脚本.ps1', '快捷方式.lnk', '无扩展名', '台账.constructor', '台账.__proto__', '备份.sqlite']) {
    it(`refuses to save "${fileName}" in Chinese, before any dialog, writing nothing`, async () => {
      dialog.showSaveDialog.mockResolvedValue({ canceled: false, filePath: path.join(dir, fileName) });
      await expect(makeHost().saveFile({ base64: payload, fileName })).rejects.toThrow(/只能保存 PDF、Word 或 Excel 文件/);
      expect(dialog.showSaveDialog).not.toHaveBeenCalled();
      expect(fs.readdirSync(dir)).toEqual([]);
    });
  }

  it('a different name typed into the save dialog keeps the kind the file really is', async () => {
    const host = makeHost();
    dialog.showSaveDialog.mockResolvedValue({ canceled: false, filePath: path.join(dir, 'run.bat') });
    const saved = await host.saveFile({ base64: payload, fileName: '督办台账.xlsx' });
    expect(saved).toEqual({ path: path.join(dir, 'run.bat.xlsx') });
    expect(fs.readdirSync(dir)).toEqual(['run.bat.xlsx']);
    // The file that exists is opened; the name the page might guess is not.
    await expect(host.openPath(path.join(dir, 'run.bat'))).rejects.toThrow(/只能打开/);
    await host.openPath(path.join(dir, 'sub', '..', 'run.bat.xlsx'));
    expect(shell.openPath.mock.calls).toEqual([[path.join(dir, 'run.bat.xlsx')]]);
  });

  it('savePdf cannot be talked into another kind either', async () => {
    dialog.showSaveDialog.mockResolvedValue({ canceled: false, filePath: path.join(dir, '纪要.exe') });
    const saved = await makeHost().savePdf({ html: '<p>纪要</p>', fileName: '纪要.exe' });
    expect(saved).toEqual({ path: path.join(dir, '纪要.exe.pdf') });
    const options = dialog.showSaveDialog.mock.calls[0]![0] as { filters: { extensions: string[] }[] };
    expect(options.filters[0]!.extensions).toEqual(['pdf']);
  });

  it('openPath runs nothing the session did not save as a document, even inside the data folder', async () => {
    const host = makeHost();
    fs.mkdirSync(path.join(dir, 'data'));
    fs.writeFileSync(path.join(dir, 'data', 'evil.bat'), 'x');
    for (const target of [path.join(dir, 'data', 'evil.bat'), '/bin/sh', 'C:\\Windows\\System32\\cmd.exe', `${path.join(dir, 'data')}/../data/evil.bat`]) {
      await expect(host.openPath(target)).rejects.toThrow(/只能打开本次保存的 PDF、Word、Excel 文件或数据文件夹/);
    }
    expect(shell.openPath).not.toHaveBeenCalled();
    await host.openPath(path.join(dir, 'data'));
    expect(shell.openPath.mock.calls).toEqual([[path.join(dir, 'data')]]);
  });
});
