// How an item was settled, in the words the 纪要 and the 会议记录 both print (one home for each
// sentence): the vote with 应到/实到 and the result, 校长决定, statements in brief, 回避, 暂缓表决.
// Never a rule code: paper is filed and sent up, rule hits belong on the screen.
import type { ItemVote, RegisterSheet, MinutesItem, RecordItem } from './model';

/** User text used inside a sentence: trimmed, its closing punctuation dropped (the sentence ends it). */
export function clause(text: string | null | undefined): string {
  return (text ?? '').trim().replace(/[。；;.，,]+$/, '');
}

/** The words of the 表决票 (同意 / 不同意 / 弃权) for the ledger's ballot choices. */
export const CHOICE_WORDS: Record<string, string> = { 同意: '同意', 反对: '不同意', 弃权: '弃权' };

const METHOD_WORDS: Record<string, string> = { 口头: '口头表决', 举手: '举手表决', 无记名投票: '无记名投票表决', 记名投票: '记名投票表决' };

/**
 * 经举手表决，应到7人，实到6人，同意5票，不同意1票，通过。
 * 校长决定 (R12): 与会人员充分发表意见后，由校长李明华同志作出决定：同意。
 */
export function voteSentence(v: ItemVote): string {
  if (v.method === '校长决定') {
    const who = v.decidedBy ? `校长${v.decidedBy}同志` : '校长';
    return `与会人员充分发表意见后，由${who}作出决定：${v.passed ? '同意' : '不同意'}。`;
  }
  const counts = [`同意${v.for}票`, `不同意${v.against}票`, ...(v.abstain ? [`弃权${v.abstain}票`] : [])].join('，');
  return `经${METHOD_WORDS[v.method] ?? '表决'}，应到${v.due}人，实到${v.present}人，${counts}，${v.passed ? '通过' : '未通过'}。`;
}

/** 与会同志逐一发表意见：李明华同志同意；…；王建国同志最后表态，同意。 */
export function statementsSentence(statements: MinutesItem['statements']): string {
  if (!statements.length) return '';
  const one = (s: MinutesItem['statements'][number]) => {
    const note = clause(s.note);
    return `${s.name}同志${s.byHost ? '最后表态，' : ''}${s.stance}${note ? `，${note}` : ''}`;
  };
  return `与会同志逐一发表意见：${statements.map(one).join('；')}。`;
}

/** 赵海燕同志回避。 */
export function recusalSentence(names: string[]): string {
  return names.length ? `${names.join('、')}同志回避。` : '';
}

/** The 纪要's paragraph for an item that produced no decision (暂缓表决, 未通过, 前置研究, 听取汇报). */
export function undecidedSentence(item: Pick<MinutesItem, 'title' | 'outcome' | 'reason'>): string {
  const title = `“${item.title}”`;
  const reason = clause(item.reason);
  switch (item.outcome) {
    case 'postponed':
      return `会议对${title}暂缓表决${reason ? `，理由：${reason}` : ''}。`;
    case 'not_passed':
      return `会议对${title}进行了表决，未获通过。`;
    case 'studied':
      return `会议对${title}进行了前置研究${reason ? `，研究意见：${reason}` : ''}。`;
    case 'noted':
      return `会议听取了${title}${reason ? `，${reason}` : ''}。`;
    default:
      return `会议未对${title}作出决定。`;
  }
}

/** The vote of a record item as the documents state it (null before it was voted or decided). */
export function itemVote(i: Pick<RecordItem, 'vote' | 'tally'>): ItemVote | null {
  if (!i.vote || !i.tally) return null;
  return {
    method: i.vote.method,
    due: i.tally.due,
    present: i.tally.present,
    for: i.vote.for,
    against: i.vote.against,
    abstain: i.vote.abstain,
    passed: i.tally.passed,
    decidedBy: i.vote.decidedBy ?? null,
  };
}

/** 青山县第一中学2026年议事决策台账: the first sheet's title and the file's name. */
export function registerTitle(data: Pick<RegisterSheet, 'orgName' | 'year'>): string {
  return `${data.orgName}${data.year}年议事决策台账`;
}
