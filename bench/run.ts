// npm run bench [-- --scale 0.01] [--runs 30] [--fresh] [--no-pdf] [--no-renderer] [--no-report] [--city] [--district-multiplier 2|4]
// Generates (or reuses from bench/.cache/) the district ledger and prints one table of
// medians and p95s, each next to its peer measured in the same run. Never fails on timing.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { actionRows } from './actions';
import { startupRows } from './startup';
import { districtLedger, ledgerOfShape, schoolLedger } from './generate';
import { table } from './measure';
import { measureMemory } from './memory';
import { pdfRows } from './pdf';
import { rendererGroup, rendererMissing, staleBuild } from './renderer';
import { reportRows } from './report';
import { dashboardRows, insertRows, runSuites } from './suites';
import { groupRows } from './group';

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: '1' },
    runs: { type: 'string', default: '30' },
    fresh: { type: 'boolean', default: false },
    'no-pdf': { type: 'boolean', default: false },
    'no-renderer': { type: 'boolean', default: false },
    'no-report': { type: 'boolean', default: false },
    city: { type: 'boolean', default: false },
    // The user-action rows again on a district of 2× or 4× the schools, generated now into a
    // temporary folder and deleted afterwards (never cached, so CI never carries it).
    'district-multiplier': { type: 'string', default: '1' },
  },
});
const multiplier = Number(values['district-multiplier']);
if (![1, 2, 4].includes(multiplier)) throw new Error('--district-multiplier 须为 1、2 或 4');
const scale = Number(values.scale);
const runs = Math.max(1, Number(values.runs));
const log = (s: string) => process.stderr.write(`${s}\n`);

log(`规模 ${scale}：生成或读取基准台账 …`);
const d = districtLedger(scale, { fresh: values.fresh, log: (s) => process.stderr.write(`${s}\r`) });
log(d.cached ? `使用缓存 ${d.file}` : `生成用时 ${d.seconds.toFixed(1)} s → ${d.file}`);

const rows = await runSuites({ file: d.file, orgIds: d.orgIds, runs, log, label: `district file, ${d.shape.schools} schools` });
// A real ledger holds one school: its cold start is what a secretary waits for.
const school = schoolLedger(d.shape.years, { fresh: values.fresh });
rows.splice(rows.findIndex((r) => !r.group.startsWith('open + dashboard')), 0, ...dashboardRows(`one school, ${d.shape.years} years`, school.file, school.orgIds[0]!, runs));
log('集团 …');
rows.push(...(await groupRows(runs, log, { fresh: values.fresh, years: d.shape.years })));
log('writes …');
rows.push(...insertRows(school.file, runs));
log('user actions …');
rows.push(...(await actionRows(`one school, ${d.shape.years} years`, school.file)));
rows.push(...(await actionRows(`district file, ${d.shape.schools} schools`, d.file)));
if (multiplier > 1) {
  const shape = { schools: d.shape.schools * multiplier, years: d.shape.years };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yishi-bench-multiplied-'));
  try {
    log(`district ×${multiplier}: generating ${shape.schools} schools × ${shape.years} years …`);
    const big = ledgerOfShape(shape, { dir, log: (s) => process.stderr.write(`${s}\r`) });
    log(`generated in ${big.seconds.toFixed(1)} s, ${(fs.statSync(big.file).size / 2 ** 20).toFixed(0)} MB`);
    rows.push(...(await actionRows(`district ×${multiplier}, ${shape.schools} schools`, big.file)));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
log('start-up as a process …');
// Whole processes, alternating with a raw open: fewer runs, each costs about a second.
const startRuns = Math.max(3, Math.min(10, runs));
rows.push(...(await startupRows(`one school, ${d.shape.years} years`, school.file, startRuns)));
rows.push(...(await startupRows(`district file, ${d.shape.schools} schools`, d.file, startRuns)));
log('memory …');
const memory = measureMemory(d.file, d.orgIds[0]!);
const schoolMemory = measureMemory(school.file, school.orgIds[0]!);
// 报送与区域统筹 (J2): one bundle of a 10-year school and import of 48; a city's 500 (3 years each) with --city.
if (!values['no-report']) {
  log('报送包与区域统筹 …');
  rows.push(...(await reportRows({ runs: Math.min(runs, 10), years: scale >= 1 ? 10 : 3, schools: scale >= 1 ? 48 : Math.max(4, Math.round(48 * scale)), city: values.city ? 500 : undefined, log })));
}
if (!values['no-pdf']) rows.push(...(await pdfRows(d.file, Math.max(3, Math.ceil(runs / 6)), log)));
// The 议题 list needs a school with 10,000+ items: the district's schools hold about 6,400 each
// (10 years), so one school over 16 years (about 10,300 items) is generated and cached for it.
const LIST_YEARS = 16;
let rendererNote = '';
if (!values['no-renderer']) {
  const missing = rendererMissing();
  if (missing) rendererNote = `Renderer group skipped: ${missing}`;
  else {
    if (staleBuild()) rendererNote = 'WARNING: renderer/ has files newer than dist-renderer/: the renderer rows describe an older build.';
    const big = schoolLedger(LIST_YEARS, { fresh: values.fresh });
    log(`renderer (Chromium; waits for ${'/tmp/yishi-vite.lock'}) …`);
    const r = rendererGroup(d.file, big.file, Math.max(3, Math.min(15, Math.ceil(runs / 2))), Math.max(1, Math.min(3, Math.ceil(runs / 10))));
    rows.push(...r.rows);
    const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
    rendererNote +=
      `${rendererNote ? '\n' : ''}Renderer bundle (gzip -9): initial JS ${kb(r.bundle.initialGzip)} = ` +
      `${r.bundle.initial.map((c) => `${c.file} ${kb(c.gzip)}`).join(' + ')}; lazy: ${r.bundle.lazy.map((c) => `${c.file} ${kb(c.gzip)}`).join(', ') || 'none'}; ` +
      `CSS: ${r.bundle.css.map((c) => `${c.file} ${kb(c.gzip)}`).join(', ')}`;
  }
}

const c = d.counts;
const cpu = os.cpus()[0]?.model ?? 'unknown';
console.log(`\n## 议事台账 benchmark, scale ${scale} (${d.shape.schools} schools × ${d.shape.years} years)\n`);
console.log(`Machine: ${os.cpus().length} CPUs (${cpu}), ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, Node ${process.version}, runs ${runs}`);
console.log(
  `Ledger: ${c.agenda_items} items, ${c.item_transitions} transitions, ${c.meetings} meetings, ${c.agenda_entries} entries, ` +
    `${c.statements} statements, ${c.ballots} ballots, ${c.decisions} decisions, ${c.follow_ups} follow-ups, ` +
    `${c.evaluations} evaluations; file ${(fs.statSync(d.file).size / 2 ** 20).toFixed(1)} MB; ` +
    (d.cached ? 'cached' : `generated in ${d.seconds.toFixed(1)} s`),
);
console.log(`One-school ledger for the cold start: ${school.counts.agenda_items} items, file ${(fs.statSync(school.file).size / 2 ** 20).toFixed(1)} MB`);
const memLine = (label: string, m: typeof memory) =>
  `${label}: RSS ${m.rssMb} MB (${m.baselineRssMb} MB with the code loaded, before opening), Node heap used ${m.heapUsedMb} MB of ${m.heapTotalMb} MB`;
console.log('Memory in a fresh process after opening the ledger and showing the dashboard, the items page, the open follow-ups and one search:');
console.log(`- ${memLine(`district file (${memory.fileMb} MB)`, memory)}`);
console.log(`- ${memLine(`one-school file (${schoolMemory.fileMb} MB)`, schoolMemory)}\n`);
if (rendererNote) console.log(`${rendererNote}\n`);
console.log(table(rows));
const missed = rows.filter((r) => r.met === false).map((r) => `${r.group}: ${r.name}`);
const wrong = rows.filter((r) => r.same === false).map((r) => `${r.group}: ${r.name}`);
console.log(`\nTargets not met: ${missed.length ? missed.join('; ') : 'none'}`);
if (wrong.length) console.log(`DIFFERENT ANSWERS from the peer: ${wrong.join('; ')}`);
