/**
 * The script's properties, asked of PropertiesService once: the store is the project's, the same for
 * every person and every call, and a job that reads its records, its journal and its schedule would
 * otherwise pay the call each time.
 *
 * Inside `withPropertiesRead` every property is read in one call (getProperties) and served from
 * that read, which each write of this job keeps current; outside it, each read is its own call.
 */
type Properties = GoogleAppsScript.Properties.Properties;

/** What the product asks of the store. */
export interface PropertyStore {
  getProperty(key: string): string | null;
  getProperties(): Record<string, string>;
  setProperty(key: string, value: string): void;
  /** Several at once, one call; every other one deleted in it too when `deleteAllOthers`. */
  setProperties(values: Record<string, string>, deleteAllOthers?: boolean): void;
  deleteProperty(key: string): void;
}

let store: Properties | null = null;
/** The properties as read at the start of the running job, with its own writes since. */
let read: Record<string, string> | null = null;

const google = (): Properties => (store ??= PropertiesService.getScriptProperties());

const view: PropertyStore = {
  getProperty: (key) => (read ? (read[key] ?? null) : google().getProperty(key)),
  getProperties: () => (read ? { ...read } : google().getProperties()),
  setProperty(key, value) {
    google().setProperty(key, value);
    if (read) read[key] = value;
  },
  setProperties(values, deleteAllOthers = false) {
    if (Object.keys(values).length === 0 && !deleteAllOthers) return;
    google().setProperties(values, deleteAllOthers);
    if (read) read = deleteAllOthers ? { ...values } : { ...read, ...values };
  },
  deleteProperty(key) {
    google().deleteProperty(key);
    if (read) delete read[key];
  },
};

export function scriptProperties(): PropertyStore {
  return view;
}

/**
 * Runs `job` with the properties read once (one call) instead of a call per read. Another
 * execution's writes meanwhile are not seen, but for those of a job that held the script lock, which
 * withScriptLock reads again once it has waited for it (lock.ts).
 */
export function withPropertiesRead<T>(job: () => T): T {
  if (read) return job();
  read = google().getProperties();
  try {
    return job();
  } finally {
    read = null;
  }
}

/** Reads them again, inside `withPropertiesRead` only (one call): what another job wrote shows. */
export function rereadProperties(): void {
  if (read) read = google().getProperties();
}
