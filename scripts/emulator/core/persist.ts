import { isDate } from './context';

/**
 * The workspace state as JSON. Dates (of any realm) are tagged so they come back as Dates; all
 * other state is plain data by convention (bytes are stored as base64 strings).
 */
export function serializeState(state: unknown): string {
  return JSON.stringify(
    state,
    function replacer(this: Record<string, unknown>, key: string, value: unknown) {
      const raw = key === '' ? value : this[key];
      if (isDate(raw)) return { $date: raw.getTime() };
      return value;
    },
    1,
  );
}

export function deserializeState<T>(text: string): T {
  return JSON.parse(text, (_key, value: unknown) => {
    if (value && typeof value === 'object' && '$date' in value && Object.keys(value).length === 1) {
      return new Date((value as { $date: number }).$date);
    }
    return value;
  }) as T;
}
