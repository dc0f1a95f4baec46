// The harness's ledger as a TestLedger, so e2e tests can prepare data through the core with the
// same helpers as the ledger tests (setupSchool, decidedMeeting) before the UI takes over.
import { dispatch } from '../../db/api';
import type { Harness } from './harness';
import type { TestLedger } from './ledger';

export function asTestLedger(h: Harness): TestLedger {
  const call = ((channel: string, input: unknown) => JSON.parse(JSON.stringify(dispatch(h.ledger, channel, input)))) as TestLedger['call'];
  return {
    ledger: h.ledger,
    file: '',
    // The ledger's clock moves at once; the page's follows (the promise only syncs Chromium's clock).
    setNow: (iso) => void h.setNow(iso),
    call,
    ok: ((channel: string, input: unknown) => {
      const r = call(channel as never, input as never);
      if (!r.ok) throw new Error(`${channel} refused: ${r.error.message}`);
      return r.value;
    }) as TestLedger['ok'],
    snapshot: () => ({}),
  };
}
