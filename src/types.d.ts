/** Data files embedded in the bundle as text (esbuild's text loader; a jest transform in tests). */
declare module '*.csv' {
  const text: string;
  export default text;
}

/**
 * Granular consent's additions to ScriptApp (2025), which @types/google-apps-script does not have yet:
 * https://developers.google.com/apps-script/reference/script/script-app#getAuthorizationInfo(AuthMode,String),
 * https://developers.google.com/apps-script/reference/script/authorization-info#getAuthorizedScopes().
 */
declare namespace GoogleAppsScript.Script {
  interface AuthorizationInfo {
    getAuthorizedScopes(): string[] | null;
  }
  interface ScriptApp {
    getAuthorizationInfo(authMode: AuthMode, oAuthScopes: string[]): AuthorizationInfo;
  }
}
