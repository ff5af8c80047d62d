/**
 * The script's properties, asked of PropertiesService once: the store is the project's, the same for
 * every person and every call, and a job that reads its records, its journal and its schedule would
 * otherwise pay the call each time.
 */
let store: GoogleAppsScript.Properties.Properties | null = null;

export function scriptProperties(): GoogleAppsScript.Properties.Properties {
  store ??= PropertiesService.getScriptProperties();
  return store;
}
