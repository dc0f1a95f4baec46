// Posts of the leadership (班子成员): they propose items and take part in 会前沟通 (R3, R4).
import type { Post } from '../db/terms';

export const LEADERSHIP: readonly string[] = ['书记', '副书记', '校长', '副校长', '委员'] satisfies Post[];
