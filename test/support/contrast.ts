// WCAG 2.1 contrast: relative luminance of sRGB colours and the ratio of two of them, and the
// in-page scan the e2e tests run (every visible text: its colour against the first opaque
// background behind it, its computed size). The page function is self-contained (serialised
// into the page by Playwright).

export type Rgb = [number, number, number];

export function parseColor(css: string): { rgb: Rgb; alpha: number } | null {
  const m = /rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)/.exec(css);
  if (m) return { rgb: [+m[1]!, +m[2]!, +m[3]!], alpha: m[4] === undefined ? 1 : m[4].endsWith('%') ? parseFloat(m[4]) / 100 : +m[4] };
  const h = /^#([0-9a-f]{6})$/i.exec(css.trim());
  if (h) return { rgb: [0, 2, 4].map((i) => parseInt(h[1]!.slice(i, i + 2), 16)) as Rgb, alpha: 1 };
  return null;
}

export function luminance([r, g, b]: Rgb): number {
  const c = (v: number) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * c(r) + 0.7152 * c(g) + 0.0722 * c(b);
}

export function contrast(a: Rgb, b: Rgb): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

export interface TextSample {
  text: string;
  color: string;
  background: string;
  fontSize: number;
  where: string;
}

/** In the page: every element with its own visible text, its colour, the background behind it and its size. */
export function sampleTexts(): TextSample[] {
  const out: TextSample[] = [];
  const opaque = (el: Element | null): string => {
    for (let e = el; e; e = e.parentElement) {
      const bg = getComputedStyle(e).backgroundColor;
      const m = /rgba?\(([^)]+)\)/.exec(bg);
      const alpha = m ? (m[1]!.split(/[,\s/]+/).length > 3 ? parseFloat(m[1]!.split(/[,\s/]+/)[3]!) : 1) : 0;
      if (alpha >= 0.9) return bg;
    }
    return 'rgb(255, 255, 255)';
  };
  for (const el of Array.from(document.querySelectorAll('body *'))) {
    if (el.closest('svg, canvas, iframe, [aria-hidden="true"]')) continue;
    const own = Array.from(el.childNodes).filter((n) => n.nodeType === 3 && n.textContent!.trim()).map((n) => n.textContent!.trim()).join('');
    if (!own) continue;
    const style = getComputedStyle(el);
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0 || style.visibility === 'hidden' || style.opacity === '0') continue;
    // Disabled controls are exempt from WCAG 1.4.3.
    if ((el as HTMLButtonElement).disabled || el.closest('button:disabled')) continue;
    out.push({ text: own.slice(0, 30), color: style.color, background: opaque(el), fontSize: parseFloat(style.fontSize), where: `${el.tagName.toLowerCase()}.${String(el.className).split(' ').join('.')}` });
  }
  return out;
}

/** The samples below AA (4.5:1; 3:1 for large text, 24 px or 18.66 px bold, not counted here) or below a minimum size. */
export function failures(samples: TextSample[], minSize: number): string[] {
  const bad: string[] = [];
  for (const s of samples) {
    const fg = parseColor(s.color);
    const bg = parseColor(s.background);
    if (!fg || !bg) continue;
    // A translucent text colour is blended over its background first.
    const blended = fg.rgb.map((v, i) => v * fg.alpha + bg.rgb[i]! * (1 - fg.alpha)) as Rgb;
    const ratio = contrast(blended, bg.rgb);
    const need = s.fontSize >= 24 ? 3 : 4.5;
    if (ratio < need) bad.push(`「${s.text}」 ${s.where} ${s.color} on ${s.background}: ${ratio.toFixed(2)}:1`);
    if (s.fontSize < minSize) bad.push(`「${s.text}」 ${s.where} ${s.fontSize}px`);
  }
  return [...new Set(bad)];
}
