// 人员: one name, one person. Two people in one school may share a name; the ledger then needs
// a distinguishing note (张丽（语文组）), so every list, record and document names one person. Pure.

/** A name as compared: without spaces, brackets in one width ("张丽 (语文组)" is "张丽（语文组）"). */
export function nameKey(name: string): string {
  return name.replace(/[\s\u3000]/g, '').replace(/\(/g, '（').replace(/\)/g, '）');
}

export function sameName(a: string, b: string): boolean {
  return nameKey(a) === nameKey(b);
}

/** The refusal when an active person of the school already has the name, with how to tell them apart. */
export function sameNameMessage(name: string, department?: string | null): string {
  const note = department?.trim() ? department.trim() : '所在部门';
  return `已有在职人员「${name.trim()}」。如确是另一个人，请在姓名后加注区分，如「${nameKey(name)}（${note}）」`;
}

/** Rows (0-based) whose name repeats an earlier row's: each is refused at its own row. */
export function repeatedNames(names: readonly string[]): number[] {
  const seen = new Set<string>();
  const out: number[] = [];
  names.forEach((n, i) => {
    const key = nameKey(n);
    if (key === '') return;
    if (seen.has(key)) out.push(i);
    seen.add(key);
  });
  return out;
}
