// Reads and writes get different handles (db/ledger.ts): a read channel's handler receives a
// ReadLedger, which has no way to insert, update or delete through drizzle, and dispatch runs read
// channels with PRAGMA query_only, so a raw write from a read fails and changes nothing.
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { HandlersFor } from '../../db/channel';
import { read, write } from '../../db/channel';
import type { Ledger, ReadLedger } from '../../db/ledger';
import { dispatch } from '../../db/api';
import { z } from 'zod';
import { freshLedger } from '../support/ledger';
import { setupSchool } from '../support/school';

describe('read and write handles', () => {
  it('a read handler is typed with a ReadLedger that cannot write through drizzle', () => {
    const contract = { 'x.read': read(z.object({})), 'x.write': write(z.object({})) };
    type H = HandlersFor<typeof contract>;
    expectTypeOf<Parameters<H['x.read']>[0]>().toEqualTypeOf<ReadLedger>();
    expectTypeOf<Parameters<H['x.write']>[0]>().toEqualTypeOf<Ledger>();
    expectTypeOf<ReadLedger['db']>().not.toHaveProperty('insert');
    expectTypeOf<ReadLedger['db']>().not.toHaveProperty('update');
    expectTypeOf<ReadLedger['db']>().not.toHaveProperty('delete');
    expectTypeOf<ReadLedger['db']>().not.toHaveProperty('run');
    // A handler that needs the write handle is not accepted for a read channel.
    const writer = (_ledger: Ledger) => null;
    // @ts-expect-error a read channel's handler gets a ReadLedger, not a Ledger
    const handlers: H = { 'x.read': writer, 'x.write': writer };
    expect(handlers).toBeDefined();
  });

  it('a read channel runs query_only: a raw write through it fails, and the connection writes again afterwards', () => {
    const t = freshLedger();
    const s = setupSchool(t);
    const sqlite = t.ledger.sqlite;
    const original = sqlite.prepare.bind(sqlite);
    let tried: unknown = null;
    // Simulate a read helper that slips in a raw write while org.get runs.
    sqlite.prepare = ((source: string) => {
      if (tried === null && /from "organizations"/i.test(source)) {
        try {
          original("UPDATE organizations SET name = '篡改' WHERE id = ?").run(s.orgId);
          tried = 'wrote';
        } catch (e) {
          tried = (e as { code?: string }).code ?? String(e);
        }
      }
      return original(source);
    }) as typeof sqlite.prepare;
    try {
      expect(dispatch(t.ledger, 'org.get', {})).toMatchObject({ ok: true });
    } finally {
      sqlite.prepare = original;
    }
    expect(tried).toBe('SQLITE_READONLY');
    expect(t.ok('org.get', {})!.org.name).not.toBe('篡改');
    expect(t.call('org.update', { orgId: s.orgId, name: '新名称学校' })).toMatchObject({ ok: true });
  });
});
