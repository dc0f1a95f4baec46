// npm run samples -- <folder>: one of each document (纪要 draft and signed, the 校长办公会议's
// 纪要, 记录, 通知, 签到表, 表决票 secret and named, DOCX, XLSX 台账) from the harder meeting made
// through the real commands (test/support/samples.ts), the HTML ones printed to PDF by Debian's
// Chromium exactly as the tests do. For looking at the documents by eye.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium, printPdf } from '../test/support/chromium';
import { sampleDocuments } from '../test/support/samples';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

async function main(): Promise<void> {
  const out = path.resolve(process.argv[2] ?? path.join(ROOT, '.data', 'samples'));
  fs.mkdirSync(out, { recursive: true });
  const { html, bytes } = await sampleDocuments();
  const browser = await launchChromium();
  try {
    for (const [name, doc] of Object.entries(html)) fs.writeFileSync(path.join(out, `${name}.pdf`), await printPdf(browser, doc.html));
  } finally {
    await browser.close();
  }
  for (const [name, doc] of Object.entries(bytes)) {
    fs.writeFileSync(path.join(out, `${name}${path.extname(doc.fileName)}`), Buffer.from(doc.base64, 'base64'));
  }
  console.log(`示例文书已写入 ${out}：`);
  for (const f of fs.readdirSync(out).sort()) console.log(`  ${f}`);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.stack : e);
  process.exit(1);
});
