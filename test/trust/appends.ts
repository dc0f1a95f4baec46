// "No false positives": sign meeting after meeting (every kind of locked record, varied text:
// quotes, emoji, JSON-looking and long strings), verify the whole chain after each signing.
import { verifyChain } from '../../db/trust/verify';
import { freshAt, setupSchool, signedMeeting } from './fixture';
import { rng } from './tamper';

const ODD = ['“引号”与\'单引号\'', '{"a":1}', '😀🏫', '\\n不是换行', '  前后空格  ', '零\u200b宽', 'A'.repeat(900), '<b>加粗</b>', '１２３全角', '\t制表'];
const MATTERS = ['D1', 'D2', 'D3', 'D4'];

export interface AppendSummary {
  appends: number;
  meetings: number;
  verifies: number;
  falsePositives: number;
  problems: string[];
}

export function appendAndVerify(target: number, seed = 3): AppendSummary {
  const r = rng(seed);
  const t = freshAt();
  // Durability is tested elsewhere; here only the hashing is, so skip the fsync per commit.
  t.ledger.sqlite.pragma('synchronous = OFF');
  const school = setupSchool(t);
  const s: AppendSummary = { appends: 0, meetings: 0, verifies: 0, falsePositives: 0, problems: [] };
  try {
    for (let n = 1; s.appends < target; n++) {
      const topics = Array.from({ length: 1 + Math.floor(r() * 3) }, (_, i) => {
        const odd = ODD[Math.floor(r() * ODD.length)]!;
        return { title: `第${n}次会议议题${i + 1}：${odd.slice(0, 60)}`, matter: MATTERS[Math.floor(r() * MATTERS.length)]!, text: `决定：${odd}（${n}-${i}）` };
      });
      signedMeeting(t, school, n, topics);
      s.meetings++;
      s.appends = (t.ledger.sqlite.prepare('SELECT COUNT(*) AS n FROM seals').get() as { n: number }).n;
      const v = verifyChain(t.ledger);
      s.verifies++;
      if (!v.ok) {
        s.falsePositives++;
        if (s.problems.length < 5) s.problems.push(v.message);
      }
    }
  } finally {
    t.dispose();
  }
  return s;
}
