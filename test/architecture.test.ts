// The shape of the code, read from the import graph (see ../shared/design/architecture.md):
// arrows point one way, each rule has one home, and the renderer shows what the core computed.
// Every check below fails with the offending file and import, so a new one says what to move.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '..');

interface Import {
  from: string;
  /** Resolved, relative to the repository (db/terms.ts), or the package name. */
  to: string;
  typeOnly: boolean;
}

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
    const rel = path.posix.join(dir, e.name);
    if (e.isDirectory()) out.push(...filesUnder(rel));
    else if (/\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts')) out.push(rel);
  }
  return out;
}

function resolve(from: string, spec: string): string {
  if (!spec.startsWith('.')) return spec;
  const base = path.posix.normalize(path.posix.join(path.posix.dirname(from), spec));
  for (const c of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`]) {
    if (fs.existsSync(path.join(ROOT, c)) && fs.statSync(path.join(ROOT, c)).isFile()) return c;
  }
  return base;
}

function importsOf(file: string): Import[] {
  const src = fs.readFileSync(path.join(ROOT, file), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const out: Import[] = [];
  for (const m of src.matchAll(/^\s*(import|export)\s+(type\s+)?([\s\S]*?)\s*from\s*['"]([^'"]+)['"]/gm)) {
    const clause = m[3]!;
    // `import { type A, type B }` is as type-only as `import type { A, B }`.
    const members = /^\{([\s\S]*)\}$/.exec(clause.trim())?.[1]?.split(',').map((s) => s.trim()).filter(Boolean);
    const typeOnly = Boolean(m[2]) || (members !== undefined && members.length > 0 && members.every((s) => s.startsWith('type ')));
    out.push({ from: file, to: resolve(file, m[4]!), typeOnly });
  }
  for (const m of src.matchAll(/^\s*import\s+['"]([^'"]+)['"]/gm)) out.push({ from: file, to: resolve(file, m[1]!), typeOnly: false });
  for (const m of src.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) out.push({ from: file, to: resolve(file, m[1]!), typeOnly: false });
  return out;
}

const DB = filesUnder('db');
const RENDERER = filesUnder('renderer');
const all = (files: string[]) => files.flatMap(importsOf);
const show = (list: Import[]) => list.map((i) => `${i.from} → ${i.to}${i.typeOnly ? ' (type)' : ''}`);

/** db/<folder>/… → folder; files directly in db/ are the shared core (ledger, schema, terms …). */
const folderOf = (file: string) => (file.split('/').length > 2 ? file.split('/')[1]! : null);
const DOMAINS = ['district', 'exports', 'followups', 'items', 'journal', 'loop', 'meetings', 'minutes', 'organization', 'report', 'search', 'session', 'trust'];

describe('arrows one way', () => {
  it('the renderer imports at run time nothing from db/ but db/terms.ts, and nothing from electron/', () => {
    const bad = all(RENDERER).filter(
      (i) => (i.to.startsWith('db/') && !i.typeOnly && i.to !== 'db/terms.ts') || i.to.startsWith('electron/') || i.to === 'electron',
    );
    expect(show(bad)).toEqual([]);
  });

  it('db/terms.ts is a leaf: it imports nothing', () => {
    expect(show(importsOf('db/terms.ts'))).toEqual([]);
  });

  it('db/rules imports only db/terms.ts, db/calendar.ts, other rules, and types', () => {
    const bad = all(DB.filter((f) => f.startsWith('db/rules/'))).filter(
      (i) => !i.typeOnly && !(i.to.startsWith('db/rules/') || i.to === 'db/terms.ts' || i.to === 'db/calendar.ts'),
    );
    expect(show(bad)).toEqual([]);
  });

  it('db/documents (pure renderers) imports no domain', () => {
    const bad = all(DB.filter((f) => f.startsWith('db/documents/'))).filter((i) => i.to.startsWith('db/') && DOMAINS.includes(folderOf(i.to) ?? ''));
    expect(show(bad)).toEqual([]);
  });

  it('db/ imports neither electron/ nor renderer/ nor a UI package', () => {
    const bad = all(DB).filter((i) => i.to.startsWith('electron/') || i.to.startsWith('renderer/') || ['electron', 'react', 'react-dom', 'zustand'].includes(i.to));
    expect(show(bad)).toEqual([]);
  });

  it('no import cycle between db/ folders', () => {
    const edges = new Map<string, Set<string>>();
    for (const i of all(DB)) {
      const a = folderOf(i.from);
      const b = i.to.startsWith('db/') ? folderOf(i.to) : null;
      if (i.typeOnly || !a || !b || a === b) continue;
      if (!edges.has(a)) edges.set(a, new Set());
      edges.get(a)!.add(b);
    }
    const cycles: string[] = [];
    const visit = (node: string, trail: string[]) => {
      if (trail.includes(node)) {
        cycles.push([...trail.slice(trail.indexOf(node)), node].join(' → '));
        return;
      }
      for (const next of edges.get(node) ?? []) visit(next, [...trail, node]);
    };
    for (const node of edges.keys()) visit(node, []);
    expect([...new Set(cycles)]).toEqual([]);
  });

  /**
   * Files that both write and read on purpose. db/trust/chain.ts appends seals and reads the chain's
   * head: the hash format has one home.
   */
  const READ_AND_WRITE = ['db/trust/chain.ts'];

  it('reads (queries.ts, read.ts, view.ts) never go through a file that writes', () => {
    const writes = (file: string) => !READ_AND_WRITE.includes(file) && /\.(insert|update|delete)\(|\bmoveItem\(|\bkeepWarnings\(/.test(fs.readFileSync(path.join(ROOT, file), 'utf8'));
    const reads = DB.filter((f) => /\/(queries|read|view)\.ts$/.test(f));
    const bad = all(reads).filter((i) => !i.typeOnly && i.to.startsWith('db/') && folderOf(i.to) !== null && fs.existsSync(path.join(ROOT, i.to)) && writes(i.to));
    expect(show(bad)).toEqual([]);
    // …and the read files themselves do not write.
    expect(reads.filter(writes)).toEqual([]);
  });

  it('the checks above do see an offending import (the parser finds multi-line, inline-type and dynamic imports)', () => {
    const probe = 'renderer/__probe__.ts';
    fs.writeFileSync(path.join(ROOT, probe), "import {\n  a,\n  type B,\n} from '../db/organization/catalogue';\nimport { type C } from '../db/api';\nconst x = import('../electron/host');\n");
    try {
      const found = importsOf(probe);
      expect(found).toEqual([
        { from: probe, to: 'db/organization/catalogue.ts', typeOnly: false },
        { from: probe, to: 'db/api.ts', typeOnly: true },
        { from: probe, to: 'electron/host.ts', typeOnly: false },
      ]);
    } finally {
      fs.rmSync(path.join(ROOT, probe));
    }
  });
});

describe('the renderer decides no rule', () => {
  /** What a screen must not work out for itself: the core sends the answer (meetings.get, org.get …). */
  const DECIDING = [
    { what: 'branching on the kind of body (who leads, which rules apply)', re: /\b(kind|bodyKind|body|decidingBody)\s*[!=]==\s*'(party_committee|principal_office|branch_committee|party_assembly)'/ },
    { what: 'finding who leads by post', re: /\b(holders|includes|find|filter|some)\([^)]*['"](书记|校长)['"]|\bpost\s*[!=]==\s*['"](书记|校长)['"]/ },
    { what: 'quorum or majority arithmetic', re: /\b(votesNeeded|quorumNeeded|due|present)\b[^;\n]*[-+*/]\s*[23]\b|Math\.(floor|ceil)\([^)]*\/\s*[23]\b/ },
    { what: 'comparing amounts with a threshold', re: /\b\w*[tT]hreshold\w*\s*(>=|<=|>|<)\s*[\w.]+|[\w.]+\s*(>=|<=|>|<)\s*\w*[tT]hreshold\b/ },
    { what: 'ordering speakers around the host', re: /\.sort\(.*host/i },
    { what: 'editing a sentence the core wrote', re: /\.replace\(\s*\/[^/]*(需同意票|应到|实到|表决)/ },
    { what: 'counting who is present or due', re: /\.filter\(.*(status\s*===\s*'出席'|\.voting\b).*\)\.length/ },
  ];

  it('no screen computes quorum, thresholds, speaking order or who leads', () => {
    const hits: string[] = [];
    for (const file of RENDERER) {
      const lines = fs.readFileSync(path.join(ROOT, file), 'utf8').split('\n');
      lines.forEach((line, n) => {
        if (/^\s*(\/\/|\*|\/\*)/.test(line)) return;
        for (const d of DECIDING) if (d.re.test(line)) hits.push(`${file}:${n + 1} ${d.what}: ${line.trim().slice(0, 120)}`);
      });
    }
    expect(hits).toEqual([]);
  });

  it('the patterns do catch what they are for', () => {
    const samples = [
      "const host = holders(overview, kind === 'party_committee' ? '书记' : '校长')[0];",
      "const text = live.text.replace(/，需同意票≥\\d+/, '');",
      'const voters = [...v].sort((a, b) => Number(a.personId === hostId) - Number(b.personId === hostId));',
      "const presentNow = view.attendance.filter((a) => a.voting && a.status === '出席').length;",
      'const needed = Math.floor(due / 2) + 1;',
      'if (amount >= threshold) major = true;',
    ];
    for (const s of samples) expect(DECIDING.some((d) => d.re.test(s)), s).toBe(true);
  });
});

describe('one home for each word', () => {
  it('the seed catalogue stays out of the renderer bundle', () => {
    const dist = path.join(ROOT, 'dist-renderer', 'assets');
    expect(fs.existsSync(dist), 'dist-renderer/ is built by `npm test` (vite build) before vitest runs').toBe(true);
    const js = fs.readdirSync(dist).filter((f) => f.endsWith('.js')).map((f) => fs.readFileSync(path.join(dist, f), 'utf8')).join('\n');
    // Entries of db/organization/catalogue.ts that no screen spells out.
    for (const entry of ['贯彻上级决策部署', '后备干部推荐', '部署落实党组织会议的决议']) expect(js.includes(entry), entry).toBe(false);
  });
});
