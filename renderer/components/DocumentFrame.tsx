// Preview of a generated document (会议纪要, 会议记录) in a sandboxed srcdoc iframe: no scripts,
// no network. A srcdoc document inherits the app's CSP (style-src 'self'), which blocks the
// document's own <style> blocks and style="" attributes; so they are taken out of the markup
// and applied through the CSSOM (constructed stylesheets, element.style), which the CSP allows.
import { useEffect, useMemo, useRef } from 'react';

interface Prepared {
  markup: string;
  css: string[];
}

function prepare(html: string): Prepared {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const css: string[] = [];
  doc.querySelectorAll('style').forEach((s) => {
    css.push(s.textContent ?? '');
    s.remove();
  });
  doc.querySelectorAll('script, link, meta[http-equiv]').forEach((s) => s.remove());
  doc.querySelectorAll<HTMLElement>('[style]').forEach((el) => {
    el.setAttribute('data-style', el.getAttribute('style') ?? '');
    el.removeAttribute('style');
  });
  return { markup: `<!doctype html>${doc.documentElement.outerHTML}`, css };
}

export function DocumentFrame({ html, title }: { html: string; title: string }) {
  const ref = useRef<HTMLIFrameElement>(null);
  const prepared = useMemo(() => prepare(html), [html]);

  useEffect(() => {
    const frame = ref.current;
    if (!frame) return;
    const apply = () => {
      const doc = frame.contentDocument;
      const win = frame.contentWindow as (Window & typeof globalThis) | null;
      if (!doc || !win) return;
      const sheets = prepared.css.map((text) => {
        const sheet = new win.CSSStyleSheet();
        sheet.replaceSync(text);
        return sheet;
      });
      // Screen preview: show the page on a grey desk, like a print preview.
      const desk = new win.CSSStyleSheet();
      desk.replaceSync('html{background:#e9ebee}body{background:#fff;margin:16px auto !important;box-shadow:0 2px 10px rgba(0,0,0,.15)}');
      doc.adoptedStyleSheets = [...sheets, desk];
      doc.querySelectorAll<HTMLElement>('[data-style]').forEach((el) => {
        el.style.cssText = el.getAttribute('data-style') ?? '';
      });
    };
    frame.addEventListener('load', apply);
    frame.srcdoc = prepared.markup;
    return () => frame.removeEventListener('load', apply);
  }, [prepared]);

  return <iframe ref={ref} className="doc-frame" title={title} sandbox="allow-same-origin" />;
}
