// The bridges the renderer may use: window.ledger (the contract), window.district (the district
// ledger) and window.host (shell abilities). Electron's preload and the Playwright harness both provide them.
import type { LedgerApi } from '../db/api';
import type { HostApi } from '../db/host';
import type { DistrictBridge } from '../db/district/api';

declare global {
  interface Window {
    ledger: LedgerApi;
    host: HostApi;
    /** The district ledger (区域统筹); absent in an older shell. */
    district?: DistrictBridge;
  }
}

export {};
