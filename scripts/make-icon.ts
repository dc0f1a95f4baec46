// Renders build/icon.svg to build/icon.png (512×512, transparent corners) with Debian's Chromium,
// the same engine as everywhere else here. electron-builder makes the Windows .ico and the Linux
// icon sizes from that PNG. Run after editing the SVG: `npx tsx scripts/make-icon.ts`; the PNG is
// committed, so packaging never needs a browser.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from '../test/support/chromium';

const build = fileURLToPath(new URL('../build', import.meta.url));
const svg = fs.readFileSync(path.join(build, 'icon.svg'), 'utf8');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage({ viewport: { width: 512, height: 512 } });
  await page.setContent(`<!DOCTYPE html><html><body style="margin:0;background:transparent">${svg}</body></html>`);
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.locator('svg').screenshot({ path: path.join(build, 'icon.png'), omitBackground: true });
} finally {
  await browser.close();
}
console.log('build/icon.png');
