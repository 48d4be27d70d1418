/** An instant as stored: an ISO 8601 string in UTC (`2026-03-01T01:00:00.000Z`), on both engines, which sorts as text. */
export type Instant = string;
