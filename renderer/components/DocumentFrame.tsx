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
  // Plain string work, not DOMParser: parsing a <style> element, even in an inert document, is
  // checked against the page's CSP (and logged as a violation). The HTML is the core's own output.
  const css: string[] = [];
  const markup = html
    .replace(/<style[^>]*>([\s\S]*?)<\/style>/gi, (_m, text: string) => {
      css.push(text);
      return '';
    })
    .replace(/<script[\s\S]*?<\/script>/gi, '')
    .replace(/<(meta\s+http-equiv|link)\b[^>]*>/gi, '')
    .replace(/(<[a-z][^>]*?\s)style=/gi, '$1data-style=');
  return { markup, css };
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
      // An A4 page (210 mm ≈ 794 px) is wider than the preview pane at 1366×768: scale it to fit.
      const pageWidth = doc.body.getBoundingClientRect().width;
      const room = frame.clientWidth - 24;
      if (pageWidth > room) doc.documentElement.style.zoom = String(room / pageWidth);
    };
    frame.addEventListener('load', apply);
    frame.srcdoc = prepared.markup;
    return () => frame.removeEventListener('load', apply);
  }, [prepared]);

  return <iframe ref={ref} className="doc-frame" title={title} sandbox="allow-same-origin" />;
}
