// Screenshots of the e2e tests, in artifacts/screenshots/ (CI keeps the folder). Each test file
// owns a prefix: at start it clears its own old numbered shots, then numbers the new ones in order
// (<prefix>NN-<name>.png), so the folder always shows the last run of every file.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';

export const SHOTS = fileURLToPath(new URL('../../artifacts/screenshots', import.meta.url));

/** `settleMs` 0 for a state that lasts only a moment (a progress bar). */
export type Shot = (name: string, settleMs?: number) => Promise<void>;

/** `prefix` like 'board-' (or '' for the loop's 01-…18-); `settleMs` lets transitions finish first. */
export function screenshots(prefix: string, page: Page, settleMs = 150): Shot {
  fs.mkdirSync(SHOTS, { recursive: true });
  const own = new RegExp(`^${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\d\\d-.*\\.png$`);
  for (const f of fs.readdirSync(SHOTS)) if (own.test(f)) fs.rmSync(path.join(SHOTS, f));
  let n = 0;
  return async (name, settle = settleMs) => {
    n += 1;
    if (settle > 0) await page.waitForTimeout(settle);
    await page.screenshot({ path: path.join(SHOTS, `${prefix}${String(n).padStart(2, '0')}-${name}.png`) });
  };
}
