// Every channel of the contract, ~2,000 hostile payloads (npm run trust sends 10,000).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNEL_NAMES } from '../../db/contract';
import { decidedMeeting } from '../support/decided';
import { freshAt, setupSchool, signedMeeting, type Opened } from './fixture';
import { fuzzChannels } from './fuzz';

let t: Opened;
beforeAll(() => {
  t = freshAt();
  const school = setupSchool(t);
  signedMeeting(t, school, 1);
  decidedMeeting(t, school, { startsAt: '2026-03-20T15:00', state: 'in_progress' });
});
afterAll(() => t.dispose());

describe('fuzzing every channel', () => {
  it('2,000 malformed payloads: dispatch never throws, no unexpected failure, typed Chinese refusals that change nothing', async () => {
    const s = await fuzzChannels(t.ledger, 2000, 11);
    expect(s.problems).toEqual([]);
    expect(s).toMatchObject({ calls: 2000, crashes: 0, internal: 0, untyped: 0, notChinese: 0, changedOnRefusal: 0, polluted: false });
    expect(s.channels).toBe(CHANNEL_NAMES.length);
    expect(s.refused).toBeGreaterThan(1500);
    // The payloads reach past validation too, not only the zod wall.
    expect(Object.keys(s.byCode).length).toBeGreaterThanOrEqual(4);
  });
});
