/**
 * Tables added by the proposal-details migration. Columns added to the core tables are declared in
 * schema.ts itself; new tables go here and are merged into Database.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ProposalDetailTables {}
