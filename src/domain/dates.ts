/** Short Vietnamese dates for cells and messages: 05/04/2026, 05/04/2026 08:30 (local time). */
const two = (n: number) => String(n).padStart(2, '0');

export function shortDate(date: Date): string {
  return `${two(date.getDate())}/${two(date.getMonth() + 1)}/${date.getFullYear()}`;
}

export function shortDateTime(date: Date): string {
  return `${shortDate(date)} ${two(date.getHours())}:${two(date.getMinutes())}`;
}

/** A local date from [year, monthIndex, day] (day may overflow into the next month). */
export function localDate([year, month, day]: [number, number, number]): Date {
  return new Date(year, month, day);
}
