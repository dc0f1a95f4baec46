// Who leads a body: the one home of "书记 for the 党组织会议, 校长 for the 校长办公会议". The same
// post confirms the agenda (R3), hosts and states last (R9), acts in an emergency (R14) and signs
// the minutes (R16). Under 党政一肩挑 one person holds both posts, so both bodies are led by that
// person: the rules ask for the post, and whoever holds it on the day answers. Pure.
import { BODY_KINDS, isLeadershipPost, type BodyKind, type Post } from '../terms';

/** The post that leads a body: 校长 for the 校长办公会议; 书记 for every party body. */
export function leadingPost(bodyKind: BodyKind): Extract<Post, '书记' | '校长'> {
  return bodyKind === 'principal_office' ? '校长' : '书记';
}

/** Does someone holding `postsHeld` lead the body (R3 confirmation, R14 emergency action)? */
export function leadsBody(bodyKind: BodyKind, postsHeld: readonly Post[]): boolean {
  return postsHeld.includes(leadingPost(bodyKind));
}

/** 党政一肩挑: one person holds every post that leads a body (书记 and 校长). */
export function holdsBothLeadingPosts(postsHeld: readonly Post[]): boolean {
  return BODY_KINDS.every((kind) => postsHeld.includes(leadingPost(kind)));
}

/** R3 (block): topics are proposed by members of the leadership (班子成员). */
export function mayPropose(postsHeld: readonly Post[]): boolean {
  return postsHeld.some(isLeadershipPost);
}
