// R16 record and minutes: who signs, how minutes are numbered, what can change. Pure.
import type { BodyKind } from '../terms';
import { leadingPost } from './leadership';

export interface SignFacts {
  bodyKind: BodyKind;
  minutesState: string;
  meetingState: string;
  hostId: number;
  hostName: string;
  signerId: number;
}

export type SignRefusal = { code: 'locked' | 'rule_violation' | 'conflict'; message: string } | null;

/** Why this person may not sign this revision now, or null when they may (R16). */
export function signRefusal(f: SignFacts): SignRefusal {
  if (f.minutesState === 'signed') return { code: 'locked', message: '该会议纪要已经签发，不能重复签发。如需更正，请办理勘误（新建修订稿）。' };
  if (f.meetingState !== 'closed') return { code: 'conflict', message: '会议尚未结束，请先结束会议，再签发会议纪要。' };
  if (f.signerId !== f.hostId) {
    return {
      code: 'rule_violation',
      message: `会议纪要只能由会议主持人（${leadingPost(f.bodyKind)}）签发，本次会议应由${f.hostName}签发`,
    };
  }
  return null;
}

export type DocNumberStyle = '期' | '号';

/** 第3期 or 〔2026〕3号: numbered per body per year (GB/T 9704 §10.3 practice). */
export function formatDocNumber(style: DocNumberStyle, year: number, n: number): string {
  return style === '号' ? `〔${year}〕${n}号` : `第${n}期`;
}
