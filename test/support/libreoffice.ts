// LibreOffice as the outside reader of our Word and Excel files: it opens them and prints a PDF,
// whose text and page size the tests then read (poppler). A private profile per output folder, so
// several test files may convert at once.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const LIBREOFFICE = ['/usr/bin/libreoffice', '/usr/bin/soffice'].find((f) => fs.existsSync(f));

/** Convert `file` to PDF in `outDir`; returns the PDF's path. */
export function libreOfficePdf(file: string, outDir: string): string {
  execFileSync(LIBREOFFICE ?? 'libreoffice', [`-env:UserInstallation=file://${path.join(outDir, 'lo-profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', outDir, file], {
    stdio: 'pipe',
    timeout: 120_000,
  });
  const pdf = path.join(outDir, path.basename(file).replace(/\.[a-z]+$/, '.pdf'));
  if (!fs.existsSync(pdf)) throw new Error(`LibreOffice made no PDF of ${file}`);
  return pdf;
}
