// R7/R8/R9 发言表态: who may state a position on an entry, and the host speaks last. Pure.

export interface Named {
  personId: number;
  name: string;
}

export interface StatementContext {
  personId: number;
  hostId: number;
  /** Present voting members not recused from the entry (R7, R8), in seat order. */
  voters: Named[];
  recusedIds: number[];
  /** Present for this entry but non-voting (列席, or a member without voting rights). */
  attendeeIds: number[];
  /** Who has stated already, in order. */
  statedIds: number[];
  /** R9: reason recorded when the host states before the others. */
  hostOrderOverride?: string;
}

export interface Refusal {
  rule: string;
  message: string;
}

/** People who must still state before a vote (R9: every present voting member states). */
export function missingStatements(voters: Named[], statedIds: number[]): Named[] {
  const stated = new Set(statedIds);
  return voters.filter((v) => !stated.has(v.personId));
}

/** R9 as the meeting screen shows it: who is called in which order, and who speaks now. */
export interface SpeakingOrder {
  /** The voters in the order they are called: seat order, the host last. */
  order: (Named & { isHost: boolean; stated: boolean })[];
  /** Voters who have not stated yet, in seat order. */
  waitingFor: Named[];
  /** Who speaks now: the first who has not stated; the host only when the others have. */
  next: number | null;
  /** The host may state now without a recorded reason. */
  hostMayState: boolean;
  /** The host is a voter and others have not all stated: stating now needs a recorded reason. */
  hostMustWait: boolean;
}

/** R9: the one home of "every present voting member states, the host last". */
export function speakingOrder(voters: Named[], hostId: number, statedIds: number[]): SpeakingOrder {
  const stated = new Set(statedIds);
  const hostIsVoter = voters.some((v) => v.personId === hostId);
  const others = voters.filter((v) => v.personId !== hostId);
  const order = [...others, ...voters.filter((v) => v.personId === hostId)].map((v) => ({
    ...v,
    isHost: v.personId === hostId,
    stated: stated.has(v.personId),
  }));
  const othersWaiting = others.filter((v) => !stated.has(v.personId));
  const hostWaiting = hostIsVoter && !stated.has(hostId);
  return {
    order,
    waitingFor: missingStatements(voters, statedIds),
    next: othersWaiting[0]?.personId ?? (hostWaiting ? hostId : null),
    hostMayState: hostWaiting && othersWaiting.length === 0,
    hostMustWait: hostWaiting && othersWaiting.length > 0,
  };
}

/** Null when the statement may be recorded, else why not. */
export function statementRefusal(ctx: StatementContext): Refusal | null {
  if (ctx.recusedIds.includes(ctx.personId)) {
    return { rule: 'R8', message: '该成员已回避本议题，不能表态' };
  }
  if (!ctx.voters.some((v) => v.personId === ctx.personId)) {
    if (ctx.attendeeIds.includes(ctx.personId)) {
      return { rule: 'R7', message: '列席人员可以发言，但不表态、不表决' };
    }
    return { rule: 'R7', message: '只有本议题时在场、有表决权的成员才能表态；缺席成员可以提交书面意见' };
  }
  if (ctx.statedIds.includes(ctx.personId)) {
    return { rule: 'R9', message: '该成员已对本议题表态，每人表态一次' };
  }
  const order = speakingOrder(ctx.voters, ctx.hostId, ctx.statedIds);
  if (ctx.personId === ctx.hostId && order.hostMustWait && !ctx.hostOrderOverride) {
    const waiting = order.waitingFor.filter((v) => v.personId !== ctx.hostId);
    return {
      rule: 'R9',
      message: `主持人应末位表态：${waiting.map((w) => w.name).join('、')}尚未表态。如确需主持人先表态，请填写理由`,
    };
  }
  return null;
}

/**
 * R9: taking back a statement recorded by mistake (before the entry is decided). Only the latest
 * may go, so the order stays as it was spoken and the host still states last; an earlier one is
 * corrected in place instead. Null when allowed.
 */
export function statementRemovalRefusal(statedIds: readonly number[], personId: number): string | null {
  if (!statedIds.includes(personId)) return '该成员尚未对本议题表态';
  if (statedIds[statedIds.length - 1] !== personId) return '只能撤销最后记录的一条表态，以保持发言顺序；其他表态可以直接更正意见';
  return null;
}

/**
 * R8/R9: a recusal entered by mistake may be taken back while the member can still state before
 * the host; once the host has stated, the member would speak after the host.
 */
export function recusalRemovalRefusal(recused: boolean, hostStated: boolean): string | null {
  if (!recused) return '该成员没有登记回避本议题';
  if (hostStated) return '主持人已经表态，撤销回避后该成员将在主持人之后表态；如确有误，请先撤销主持人的表态';
  return null;
}
