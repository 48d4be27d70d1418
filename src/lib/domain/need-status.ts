/** A need's moderation states: new until an admin publishes, declines or merges it. */
export const NEED_STATUSES = ['new', 'published', 'declined', 'merged'] as const;
export type NeedStatus = (typeof NEED_STATUSES)[number];
