/** The years offered in year filters: this year and the four before it, newest first. */
export function loopYears(thisYear = new Date().getFullYear()): number[] {
  return Array.from({ length: 5 }, (_, i) => thisYear - i);
}
