// The org switcher's list (renderer/stores/orgs.ts) follows the organisations as they change: a
// campus added, a school renamed, a school's file merged in — without a reload of the window.
// The store runs against a real ledger file through the same dispatch the shell calls.
import { beforeAll, describe, expect, it } from 'vitest';
import { dispatchAsync } from '../../db/api';
import { freshLedger } from '../support/ledger';
import { DEMO_SCHOOL } from '../support/school';

const t = freshLedger();
let calls: string[] = [];
let reloads = 0;
// What the preload and the page give the renderer: window.ledger, localStorage, location.
Object.assign(globalThis, {
  window: {
    ledger: { call: (channel: string, input: unknown) => (calls.push(channel), dispatchAsync(t.ledger, channel, input)) },
    addEventListener: () => {},
  },
  localStorage: new Map<string, string>([]) as unknown as Storage,
  location: { hash: '', reload: () => (reloads += 1) },
});
(globalThis.localStorage as unknown as { getItem(k: string): string | null }).getItem = () => null;

let client: typeof import('../../renderer/ledger-client');
let store: typeof import('../../renderer/stores/orgs');
beforeAll(async () => {
  client = await import('../../renderer/ledger-client');
  store = await import('../../renderer/stores/orgs');
});

/** The store's refresh runs after the command answered: wait for the calls it made to settle. */
const settled = () => new Promise((r) => setTimeout(r, 20));
const names = () => store.useOrgs.getState().orgs.map((o) => o.name);

describe('org switcher list', () => {
  it('shows a campus added, a renamed school, and nothing new after a refused command or a read', async () => {
    const { orgId: groupId } = await client.call('org.setup', { ...DEMO_SCHOOL, name: '青山县第一中学教育集团' });
    await settled();
    expect(names()).toEqual(['青山县第一中学教育集团']);

    await client.call('orgs.createCampus', { ...DEMO_SCHOOL, name: '东校区', partyKind: '党支部', parentId: groupId });
    await settled();
    expect(names()).toEqual(['青山县第一中学教育集团', '东校区']);
    expect(store.useOrgs.getState().currentOrgId).toBe(groupId);

    await client.call('org.update', { orgId: groupId, name: '青山县第一中学教育集团党委', partyKind: '党委' });
    await settled();
    expect(names()).toEqual(['青山县第一中学教育集团党委', '东校区']);

    // A refused command and a read change nothing, and ask the core for no list.
    calls = [];
    await expect(client.call('orgs.createCampus', { ...DEMO_SCHOOL, name: '', partyKind: '党支部', parentId: groupId })).rejects.toThrow();
    await client.call('org.get', {});
    await settled();
    expect(calls).toEqual(['orgs.createCampus', 'org.get']);
    // The list came without reloading the window.
    expect(reloads).toBe(0);
  });

  it('every command named as changing the organisations exists in the contract', async () => {
    const { contract } = await import('../../db/contract');
    for (const channel of store.ORGS_CHANGED_BY) expect(Object.keys(contract)).toContain(channel);
  });
});
