// 模板与常用语, the pure part: the texts a new organisation starts with (set-up seeds them, and the
// migration for organisations set up before templates existed), and a decision template filled
// with an item's title. The secretary edits them in 设置 → 模板与常用语; …… marks what to fill in.
import { TEMPLATE_TITLE_MARK as T } from '../terms';

/** A decision template per 议事清单 group (A 党建 … E 资金, X 校长办公会议). */
export const DEFAULT_DECISION_TEXTS: Record<string, string> = {
  A: `会议研究了${T}，同意……，由……负责抓好落实。`,
  B: `会议审议并原则通过${T}，由……负责组织实施，于……前完成。`,
  C: `经会议研究，同意${T}，按干部管理权限和程序办理。`,
  D: `会议研究了${T}，同意……，由……牵头落实，于……前完成。`,
  E: `会议同意${T}，金额……元，由……按规定程序组织实施，于……前完成。`,
  X: `会议研究了${T}，同意……，由……负责落实，于……前完成。`,
};
/** For a group a school adds itself. */
export const DEFAULT_DECISION_TEXT = `会议同意${T}，由……负责落实。`;

export const DEFAULT_STATEMENT_PHRASES = ['同意。', '原则同意，建议进一步完善方案。', '同意，建议抓好落实。', '不同意，理由是……', '建议暂缓，待进一步调研后再议。'];

export const DEFAULT_CONSULTATION_PHRASES = [
  '书记与校长沟通一致，同意提交会议研究。',
  '建议进一步征求教职工意见后再提交会议研究。',
  '建议先经校长办公会议研究提出意见。',
  '方案尚需完善，完善后再沟通。',
  '涉及教职工切身利益，建议提交教代会审议。',
];

export const decisionTextFor = (group: string) => DEFAULT_DECISION_TEXTS[group] ?? DEFAULT_DECISION_TEXT;

/** A decision template with the item's title in place of 《议题名称》. */
export const fillTitle = (text: string, title: string) => text.split(T).join(`《${title}》`);
