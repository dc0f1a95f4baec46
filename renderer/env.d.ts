// The two bridges the renderer may use: window.ledger (the contract) and window.host (shell
// abilities). Electron's preload and the Playwright harness both provide them.
import type { LedgerApi } from '../db/api';
import type { HostApi } from '../db/host';

declare global {
  interface Window {
    ledger: LedgerApi;
    host: HostApi;
  }
}

export {};
