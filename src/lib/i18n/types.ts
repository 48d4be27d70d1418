/** A catalogue file: every message in both languages, side by side, so neither can be missed. */
export type Messages = Record<string, { zh: string; en: string }>;
