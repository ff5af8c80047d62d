/**
 * The version people see in Hướng dẫn and Cấu hình: package.json's version and the build date, put
 * in by the build (scripts/build.ts, esbuild `define`). Code run from the sources (unit tests) has
 * no build and says so.
 */
declare const __APP_VERSION__: string | undefined;
declare const __BUILD_DATE__: string | undefined;

export const VERSION: string = typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : 'chưa đóng gói';
/** YYYY-MM-DD. */
export const BUILD_DATE: string = typeof __BUILD_DATE__ === 'string' ? __BUILD_DATE__ : '';

/** "0.1.0, bản dựng ngày 02/12/2026". */
export function versionText(): string {
  const [y, m, d] = BUILD_DATE.split('-');
  return BUILD_DATE ? `${VERSION}, bản dựng ngày ${d}/${m}/${y}` : VERSION;
}
