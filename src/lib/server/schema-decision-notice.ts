/**
 * Tables added by the decision-notice migration. Columns added to the core tables are declared in
 * schema.ts itself; new tables go here and are merged into Database.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface DecisionNoticeTables {}
