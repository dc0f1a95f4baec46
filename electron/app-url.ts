// Where the app's own pages live, and the one test for "is this URL ours?". The renderer is
// served from a custom scheme (app://ledger/…) instead of file://, so a page can never read
// arbitrary files and the origin is a fixed, comparable value. Compared with the URL
// parser, never with startsWith: "app://ledger.evil.com" and "app://ledger@evil" must fail.
// No electron import: the window, ipc and protocol modules and the tests all share it.

export const APP_SCHEME = 'app';
export const APP_HOST = 'ledger';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY = `${APP_ORIGIN}/index.html`;
/** Path prefix under which print-only documents (minutes for PDF) are served from memory. */
export const PRINT_PREFIX = '/__print/';

/** True only for app://ledger/… with no credentials or port. */
export function isAppUrl(raw: string | null | undefined): boolean {
  if (typeof raw !== 'string' || raw.length === 0) return false;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  return (
    url.protocol === `${APP_SCHEME}:` &&
    url.hostname === APP_HOST &&
    url.port === '' &&
    url.username === '' &&
    url.password === ''
  );
}
