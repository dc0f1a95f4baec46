// Fuzzing every channel of the contract (db/contract.ts) through dispatchAsync(), shared by vitest
// and `npm run trust`. Payloads: wrong types, huge strings, NaN and invalid dates, negative
// counts, unknown ids, SQL and HTML fragments, prototype-pollution keys, non-objects. Pass:
// dispatch never throws, no handler fails unexpectedly ('internal'), every refusal is a typed
// error with a Chinese message, and a refused call changes no row.
import { createHash } from 'node:crypto';
import { dispatchAsync, type Result } from '../../db/api';
import { CHANNEL_NAMES, contract } from '../../db/contract';
import type { Ledger } from '../../db/ledger';
import { rng } from './tamper';

const CODES = new Set(['invalid_input', 'not_found', 'rule_violation', 'conflict', 'locked', 'unknown_channel', 'internal']);
const CJK = /[\u4e00-\u9fff]/;

type Rng = () => number;
const pick = <T>(r: Rng, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

const HUGE = '议'.repeat(1_000_000);
const BAD: unknown[] = [
  null, undefined, NaN, Infinity, -Infinity, -1, -999999, 0, 1.5, 2 ** 53 + 1, 1e308, 10n, true, false, '', ' ', '   \n\t',
  HUGE, 'x'.repeat(5001), 'A'.repeat(100_001),
  '2026-02-30', '2026-13-01', '2026-03-25T25:61', 'not a date', '0000-00-00', '9999-12-31T23:59:59Z', new Date('invalid'), new Date(0),
  "'; DROP TABLE meetings; --", '1 OR 1=1', "\" OR \"\"=\"", 'Robert\'); DELETE FROM audit_log; --',
  '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '{{constructor.constructor("return process")()}}',
  '\u0000', '\uFFFF\uD800', '😀'.repeat(50), '../../etc/passwd', 'C:\\Windows\\System32', '\\\\server\\share\\x.sqlite',
  '/no/such/folder/备份', '/no/such/file.sqlite',
  [], [null], [1, 2, 3], new Array(1000).fill({}), {}, { id: 1 }, { length: -1 }, [[[[[[[[]]]]]]]],
  JSON.parse('{"__proto__": {"polluted": "yes"}}'), { constructor: { prototype: { polluted: 'yes' } } },
  999_999, 2_147_483_648, -0,
];
const PLAUSIBLE: unknown[] = [1, 2, 3, 4, 5, 7, 9, '2026-03-25', '2026-03-25T15:00', '同意', '关于食堂的议题', '王建国', '1234', '出席', '举手', 'party_committee'];

interface Def {
  type: string;
  shape?: Record<string, unknown>;
  innerType?: unknown;
  in?: unknown;
  element?: unknown;
}
const defOf = (s: unknown): Def => (s as { def: Def }).def;

/** Keys of the input object (through default/optional/pipe wrappers). */
function keysOf(schema: unknown): string[] {
  let s = schema;
  for (let i = 0; i < 10; i++) {
    const d = defOf(s);
    if (d.type === 'object') return Object.keys(d.shape ?? {});
    s = d.innerType ?? d.in;
    if (!s) return [];
  }
  return [];
}

function valueFor(r: Rng, badShare: number): unknown {
  const roll = r();
  if (roll < badShare) return pick(r, BAD);
  if (roll < badShare + 0.3) return pick(r, PLAUSIBLE);
  // A nested object or list built from the same pools.
  return r() < 0.5 ? [pick(r, PLAUSIBLE), pick(r, BAD)] : { personId: pick(r, PLAUSIBLE), status: pick(r, BAD), name: pick(r, BAD) };
}

/**
 * A payload shaped like the schema (enums from their options, ids small, dates by field name),
 * so it passes validation often and reaches the handler, where most refusals happen.
 */
function shaped(r: Rng, schema: unknown, key: string, depth = 0): unknown {
  const d = defOf(schema) as Def & { entries?: Record<string, string>; values?: unknown[]; options?: unknown[]; element?: unknown };
  switch (d.type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      if (depth > 4) return out;
      for (const [k, v] of Object.entries(d.shape ?? {})) if (r() < 0.9) out[k] = shaped(r, v, k, depth + 1);
      return out;
    }
    case 'optional':
    case 'nullable':
    case 'default':
      return r() < 0.15 ? undefined : shaped(r, d.innerType, key, depth);
    case 'pipe':
      return shaped(r, d.in, key, depth);
    case 'enum':
      return pick(r, Object.values(d.entries ?? { x: 'x' }));
    case 'literal':
      return pick(r, d.values ?? [null]);
    case 'union':
      return shaped(r, pick(r, d.options ?? []), key, depth);
    case 'array':
      return depth > 4 ? [] : Array.from({ length: 1 + Math.floor(r() * 3) }, () => shaped(r, d.element, key, depth + 1));
    case 'boolean':
      return r() < 0.5;
    case 'number':
      return /Id$|^id$/.test(key) ? 1 + Math.floor(r() * 8) : Math.floor(r() * 10);
    case 'string':
      if (/date|Date|deadline|Deadline|Until|From/.test(key)) return pick(r, ['2026-03-25', '2026-04-30', '2025-12-31']);
      if (/At$|time|Time/.test(key)) return pick(r, ['2026-03-25T15:00', '2026-03-28T09:30']);
      if (/pin|Pin/.test(key)) return '1234';
      if (/folder|file/.test(key)) return '/no/such/folder/备份.sqlite';
      return pick(r, ['同意', '关于食堂设备更新的议题', '总务处', '王建国', '第一会议室', '因公出差']);
    default:
      return pick(r, PLAUSIBLE);
  }
}

export function payloadFor(r: Rng, channel: string): unknown {
  const roll = r();
  if (roll > 0.6) {
    // Shaped like the schema, then (mostly) one field spoiled.
    const p = shaped(r, contract[channel as keyof typeof contract].input, '') as Record<string, unknown> | undefined;
    const keys = p && typeof p === 'object' ? Object.keys(p) : [];
    if (keys.length && r() < 0.7) p![pick(r, keys)] = pick(r, BAD);
    return p;
  }
  if (roll < 0.1) return pick(r, [null, undefined, 42, 'x', [], true, NaN, HUGE, JSON.parse('{"__proto__":{"polluted":1}}')]);
  const keys = keysOf(contract[channel as keyof typeof contract].input);
  const out: Record<string, unknown> = roll < 0.3 ? JSON.parse('{"__proto__": {"polluted": "yes"}, "constructor": {"prototype": {"polluted": "yes"}}}') : {};
  // A third of the calls are nearly valid (one bad field at most), so they reach the handlers.
  const badShare = r() < 0.33 ? 0.1 : 0.55;
  for (const k of keys) if (badShare < 0.5 || r() < 0.8) out[k] = valueFor(r, badShare);
  if (r() < 0.2) out[pick(r, ['extra', '__proto__', 'toString', 'hasOwnProperty'])] = pick(r, BAD);
  return out;
}

/** Every row of every table (search index shadows aside), hashed: any INSERT, UPDATE or DELETE shows. */
export function fingerprint(ledger: Ledger): string {
  const h = createHash('sha1');
  const tables = ledger.sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%_fts%' ORDER BY name")
    .all() as { name: string }[];
  for (const { name } of tables) {
    h.update(name);
    for (const row of ledger.sqlite.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).raw().iterate()) h.update(JSON.stringify(row, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v)));
  }
  return h.digest('hex');
}

export interface FuzzSummary {
  calls: number;
  channels: number;
  refused: number;
  accepted: number;
  crashes: number;
  internal: number;
  untyped: number;
  notChinese: number;
  changedOnRefusal: number;
  polluted: boolean;
  byCode: Record<string, number>;
  problems: string[];
}

/** Through dispatchAsync, as both transports call it (DOCX/XLSX channels finish after the commit). */
export async function fuzzChannels(ledger: Ledger, calls: number, seed = 1): Promise<FuzzSummary> {
  const r = rng(seed);
  const s: FuzzSummary = {
    calls: 0, channels: CHANNEL_NAMES.length, refused: 0, accepted: 0, crashes: 0, internal: 0, untyped: 0, notChinese: 0, changedOnRefusal: 0, polluted: false, byCode: {}, problems: [],
  };
  const note = (msg: string) => s.problems.length < 20 && s.problems.push(msg);
  const errorLog = console.error;
  console.error = (...args: unknown[]) => note(`console.error: ${args.map(String).join(' ').slice(0, 200)}`);
  const unknown = ['nope', '__proto__', 'constructor', 'toString', 'items.create ', 'ITEMS.CREATE', ''];
  let before = fingerprint(ledger);
  try {
    for (let i = 0; i < calls; i++) {
      const channel = i % 50 === 49 ? pick(r, unknown) : CHANNEL_NAMES[i % CHANNEL_NAMES.length]!;
      const payload = unknown.includes(channel) ? {} : payloadFor(r, channel);
      s.calls++;
      let result: Result<unknown>;
      try {
        result = await dispatchAsync(ledger, channel, payload);
      } catch (e) {
        s.crashes++;
        note(`${channel} threw ${String(e).slice(0, 120)}`);
        continue;
      }
      const after = fingerprint(ledger);
      if (result.ok) {
        s.accepted++;
      } else {
        s.refused++;
        const e = result.error;
        s.byCode[e.code] = (s.byCode[e.code] ?? 0) + 1;
        if (!CODES.has(e.code) || typeof e.message !== 'string') s.untyped++;
        if (!CJK.test(e.message)) {
          s.notChinese++;
          note(`${channel}: not Chinese: ${e.message.slice(0, 80)}`);
        }
        if (e.code === 'internal') {
          s.internal++;
          note(`${channel}: internal with ${safeJson(payload)}`);
        }
        if (after !== before) {
          s.changedOnRefusal++;
          note(`${channel}: refused but rows changed (${e.code}: ${e.message.slice(0, 60)})`);
        }
      }
      before = after;
    }
  } finally {
    console.error = errorLog;
  }
  s.polluted = ({} as Record<string, unknown>).polluted !== undefined || Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted');
  return s;
}

function safeJson(v: unknown): string {
  try {
    return (JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? `${x}n` : typeof x === 'string' && x.length > 40 ? `${x.slice(0, 40)}…(${x.length})` : x)) ?? String(v)).slice(0, 300);
  } catch {
    return String(v);
  }
}
