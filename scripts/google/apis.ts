/**
 * The three Google APIs the tools use, built from googleapis' per-API modules (loading the whole
 * `googleapis` package costs a second for 300 APIs we do not use). googleapis' own retry is off:
 * Requests retries, under the rate limits, and knows which calls may have taken effect.
 */
import type { drive_v3 } from 'googleapis/build/src/apis/drive';
import { drive } from 'googleapis/build/src/apis/drive';
import type { script_v1 } from 'googleapis/build/src/apis/script';
import { script } from 'googleapis/build/src/apis/script';
import type { sheets_v4 } from 'googleapis/build/src/apis/sheets';
import { sheets } from 'googleapis/build/src/apis/sheets';

/** What googleapis accepts as credentials: an OAuth2 / JWT client, or a GoogleAuth (ADC). */
export type ApiAuth = NonNullable<sheets_v4.Options['auth']>;

export interface GoogleApis {
  sheets: sheets_v4.Sheets;
  drive: drive_v3.Drive;
  script: script_v1.Script;
}

export interface ApiOptions {
  /** Every API at one root, e.g. a fake server on 127.0.0.1 (tests); default: Google's own hosts. */
  rootUrl?: string;
  /** Per request; a request that hangs longer fails and is retried. */
  timeoutMs?: number;
  /**
   * The HTTP client. Default: gaxios's own (node-fetch, which honours HTTPS_PROXY). Jest cannot load
   * it (gaxios imports it dynamically), so the tests pass Node's built-in fetch.
   */
  fetchImplementation?: typeof fetch;
}

export function googleApis(auth: ApiAuth, options: ApiOptions = {}): GoogleApis {
  const common = {
    auth,
    retry: false,
    timeout: options.timeoutMs ?? 120_000,
    ...(options.rootUrl ? { rootUrl: options.rootUrl } : {}),
    ...(options.fetchImplementation ? { fetchImplementation: options.fetchImplementation } : {}),
  };
  return {
    sheets: sheets({ version: 'v4', ...common }),
    drive: drive({ version: 'v3', ...common }),
    script: script({ version: 'v1', ...common }),
  };
}
