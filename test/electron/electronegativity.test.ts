// Electronegativity (Doyensec's static checker for Electron) over electron/: no HIGH finding,
// and every MEDIUM left is one we reviewed. An insecure fixture is scanned in the same run, to
// prove the scan works. We call its runner in a child process and take the findings as JSON:
// its CLI writes the CSV header and the rows with two racing async writes, and on a loaded
// machine the header can land last and truncate the rows (seen in CI: a header-only report).
//
// MEDIUM findings accepted, with reasons:
// - PRELOAD_JS_CHECK (window.ts, "review the use of preload scripts"): reviewed. The preload
//   exposes only window.ledger.call (contract channels; others refused without IPC) and
//   window.host (HostApi; inputs re-validated in main) via contextBridge; see preload.test.ts.
// LOW: CSP_GLOBAL_CHECK cannot read a CSP passed as a constant; window.test.ts checks its content.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const require = createRequire(import.meta.url);
const ACCEPTED_MEDIUM = new Set(['PRELOAD_JS_CHECK']);

interface Finding {
  issue: string;
  severity: string;
  confidence: string;
  filename: string;
  location: string;
  sample: string;
}

let dir: string;
let findings: Finding[];
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yishi-eneg-'));
  fs.cpSync(path.join(root, 'electron'), path.join(dir, 'app', 'electron'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'fixture'));
  fs.writeFileSync(
    path.join(dir, 'fixture', 'insecure.js'),
    "const { BrowserWindow } = require('electron');\nnew BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false } });\n",
  );
  const electron = (require('electron/package.json') as { version: string }).version;
  const out = path.join(dir, 'findings.json');
  // The runner prints progress on stdout, so the findings go to a file of their own.
  const script = `
    const run = require('@doyensec/electronegativity');
    const [input, version, out] = process.argv.slice(1);
    run({ input, isRelative: true, electronVersionOverride: version }, false).then((r) => {
      require('node:fs').writeFileSync(out, JSON.stringify(r.issues.map((i) => ({
        issue: i.id, severity: i.severity.name, confidence: i.confidence.name, filename: i.file,
        location: i.location.line + ':' + i.location.column, sample: i.sample,
      }))));
    });`;
  // It tries to fetch Electron's release list and gives up offline; that costs seconds, not a failure.
  execFileSync(process.execPath, ['-e', script, dir, electron, out], { cwd: root, stdio: 'pipe', timeout: 90_000 });
  findings = (JSON.parse(fs.readFileSync(out, 'utf8')) as Finding[]).map((f) => ({ ...f, filename: f.filename.replace(/\\/g, '/') }));
  expect(findings.length).toBeGreaterThan(0);
}, 120_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('Electronegativity', () => {
  it('really scans: the insecure fixture is reported HIGH', () => {
    const fixture = findings.filter((f) => f.filename.startsWith('fixture/'));
    expect(fixture.some((f) => f.issue === 'CONTEXT_ISOLATION_JS_CHECK' && f.severity === 'HIGH')).toBe(true);
  });

  it('really scans electron/: the reviewed preload finding is there', () => {
    expect(findings.some((f) => f.filename.startsWith('app/electron/') && f.issue === 'PRELOAD_JS_CHECK')).toBe(true);
  });

  it('electron/ has no HIGH finding', () => {
    const high = findings.filter((f) => f.filename.startsWith('app/') && f.severity === 'HIGH');
    expect(high).toEqual([]);
  });

  it('every MEDIUM finding in electron/ is one reviewed above', () => {
    const medium = findings.filter((f) => f.filename.startsWith('app/') && f.severity === 'MEDIUM');
    expect(medium.filter((f) => !ACCEPTED_MEDIUM.has(f.issue))).toEqual([]);
  });
});
