import type { HandlersFor } from '../channel';
import { cnLocalDateTime } from '../calendar';
import { auditPage } from '../trust/audit';
import { scopedOrgList } from '../scope';
import type { journalContract } from './contract';
import { describe, namesOf } from './sentences';

export const journalHandlers = {
  'journal.list': (ledger, input) => {
    const page = auditPage(ledger, input, scopedOrgList(ledger));
    const names = namesOf(ledger);
    return {
      ...page,
      rows: page.rows.map((r) => {
        const what = describe(r.channel, r.summary, names);
        // channel stays for tests and filtering; the page shows the sentence.
        return { id: r.id, at: r.at, operator: r.operator, channel: r.channel, when: cnLocalDateTime(r.at), what, sentence: `${cnLocalDateTime(r.at)} ${r.operator} ${what}` };
      }),
    };
  },
} satisfies HandlersFor<typeof journalContract>;
