// npm run preview: the built renderer in a real (headed) Chromium window, with window.ledger
// wired to a real SQLite file in .data/preview/ — for a person at a machine without Electron.
// PDFs and saved files go to .data/preview/exports/.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startHarness } from '../test/support/harness';

const root = fileURLToPath(new URL('..', import.meta.url));
const folder = path.join(root, '.data', 'preview');

if (!process.env.DISPLAY && process.platform === 'linux') {
  console.error('没有图形界面（DISPLAY 未设置）。请这样运行：xvfb-run -a npm run preview');
  process.exit(1);
}

const harness = await startHarness({
  ledgerFile: path.join(folder, 'ledger.sqlite'),
  exportsDir: path.join(folder, 'exports'),
  headed: true,
  viewport: { width: 1366, height: 768 },
});
console.log(`议事台账预览已打开：${harness.url}`);
console.log(`台账文件：${path.join(folder, 'ledger.sqlite')}`);
console.log(`区域台账（区域统筹 → 打开）：${path.join(folder, 'district')}`);
console.log('关闭浏览器窗口或按 Ctrl+C 结束。');

let closing = false;
const stop = async () => {
  if (closing) return;
  closing = true;
  await harness.close();
  process.exit(0);
};
harness.page.on('close', () => void stop());
harness.browser.on('disconnected', () => void stop());
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
