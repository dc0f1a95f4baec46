// The app:// scheme: serves the built renderer (dist-renderer), print documents and the bundled
// print fonts (app://ledger/__fonts/…). Pages never get file:// (which can read any file and,
// with the fuse, gets extra privileges).
// Every response carries the CSP, so it holds even if a meta tag is forgotten.
import fs from 'node:fs/promises';
import path from 'node:path';
import { protocol } from 'electron';
import { fontFileFor } from '../db/documents/fonts';
import { APP_HOST, APP_SCHEME, PRINT_PREFIX } from './app-url';

/** CSP for the app's pages, the same policy as the meta tag in renderer/index.html (both apply;
 * the header also covers any page that lacks the tag). Scripts, styles and connections from
 * the app only; frame-src 'self' for the srcdoc document previews (DocumentFrame.tsx). */
export const APP_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-src 'self'";

/** Print documents are our own generated HTML: no script at all; fonts only from app://ledger/__fonts/. */
export const PRINT_CSP =
  "default-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; base-uri 'none'; form-action 'none'";

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

/** Must run before app 'ready': app:// behaves like https (secure origin, module scripts, fetch). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/**
 * Map an app:// URL to a file inside `root`, or null. Refuses other hosts, traversal
 * ("..", encoded "%2e%2e", backslashes), and anything that resolves outside `root`.
 */
export function resolveAppFile(root: string, rawUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.hostname !== APP_HOST || url.port !== '') return null;
  let rel: string;
  try {
    rel = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (rel.includes('\0') || rel.includes('\\')) return null;
  if (rel === '/' || rel === '') rel = '/index.html';
  const base = path.resolve(root);
  const file = path.resolve(base, `.${rel}`);
  const inside = path.relative(base, file);
  if (inside === '' || inside.startsWith('..') || path.isAbsolute(inside)) return null;
  return file;
}

/** The bundled font file behind app://ledger/__fonts/…, or null (other hosts and paths, unknown files). */
function appFontFile(rawUrl: string): string | null {
  try {
    const url = new URL(rawUrl);
    if (url.protocol !== `${APP_SCHEME}:` || url.hostname !== APP_HOST || url.port !== '') return null;
    return fontFileFor(url.pathname);
  } catch {
    return null;
  }
}

export interface PrintDocuments {
  /** Register HTML to be printed; returns its app:// URL. */
  add(html: string): string;
  remove(url: string): void;
  get(rawUrl: string): string | undefined;
}

/** Print documents live in memory only, under app://ledger/__print/<id>.html, so relative
 * links (fonts bundled with the renderer) resolve like in the app itself. */
export function printDocuments(): PrintDocuments {
  const docs = new Map<string, string>();
  let next = 1;
  const keyOf = (rawUrl: string) => {
    try {
      return new URL(rawUrl).pathname;
    } catch {
      return '';
    }
  };
  return {
    add(html) {
      const pathname = `${PRINT_PREFIX}${Date.now()}-${next++}.html`;
      docs.set(pathname, html);
      return `${APP_SCHEME}://${APP_HOST}${pathname}`;
    },
    remove(url) {
      docs.delete(keyOf(url));
    },
    get(rawUrl) {
      return docs.get(keyOf(rawUrl));
    },
  };
}

export interface ServeOptions {
  rendererRoot: string;
  print: PrintDocuments;
}

/** The request handler for protocol.handle('app', …); exported for tests. */
export async function serveAppRequest(request: Request, options: ServeOptions): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return new Response(null, { status: 405 });
  const printed = options.print.get(request.url);
  if (printed !== undefined) {
    return new Response(printed, {
      headers: { 'content-type': MIME['.html']!, 'content-security-policy': PRINT_CSP },
    });
  }
  const font = appFontFile(request.url);
  if (font) {
    try {
      // The bundled print fonts (db/documents/fonts.ts): only the files their stylesheets name.
      return new Response(await fs.readFile(font), {
        headers: { 'content-type': MIME['.woff2']!, 'content-security-policy': APP_CSP, 'cache-control': 'max-age=86400', 'x-content-type-options': 'nosniff' },
      });
    } catch {
      return new Response('not found', { status: 404 });
    }
  }
  const file = resolveAppFile(options.rendererRoot, request.url);
  if (!file) return new Response('not found', { status: 404 });
  try {
    const body = await fs.readFile(file);
    return new Response(body, {
      headers: {
        'content-type': MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
        'content-security-policy': APP_CSP,
        'x-content-type-options': 'nosniff',
      },
    });
  } catch {
    return new Response('not found', { status: 404 });
  }
}

export function handleAppProtocol(options: ServeOptions): void {
  protocol.handle(APP_SCHEME, (request) => serveAppRequest(request, options));
}
