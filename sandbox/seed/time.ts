/** Fixed timestamps for seeded data (the seed never reads the clock). */
const BASE = Date.UTC(2025, 0, 6, 9, 0, 0);

/** ISO 8601 with offset, `day` days and `hour` hours after 2025-01-06T09:00Z. */
export function seedTime(day: number, hour = 0): string {
  return new Date(BASE + (day * 24 + hour) * 3_600_000).toISOString().replace(/\.\d{3}Z$/, "+00:00");
}

export function seedDate(day: number): string {
  return seedTime(day).slice(0, 10);
}
