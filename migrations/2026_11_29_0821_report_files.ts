import type { Kysely } from 'kysely';

/**
 * Photos and receipts a station attaches to a report. Photos are stored re-encoded (no EXIF, no
 * GPS) and are public only once an admin approved each one; a photo showing minors needs a
 * guardian's consent recorded first (who recorded it, when). Receipts are never public.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
	await db.schema
		.createTable('report_files')
		// 24 random characters: the file's name in the upload folder and its URL.
		.addColumn('id', 'text', (c) => c.primaryKey())
		// The project (files are only added once its agreement is signed: report-files.ts checks).
		.addColumn('proposal_id', 'integer', (c) => c.notNull().references('proposals.id'))
		// 'midterm' or 'final'.
		.addColumn('report_kind', 'text', (c) => c.notNull())
		// 'photo' or 'receipt'.
		.addColumn('purpose', 'text', (c) => c.notNull())
		.addColumn('file_name', 'text', (c) => c.notNull())
		.addColumn('content_type', 'text', (c) => c.notNull())
		.addColumn('size', 'integer', (c) => c.notNull())
		.addColumn('sha256', 'text', (c) => c.notNull())
		.addColumn('caption', 'text', (c) => c.notNull())
		.addColumn('shows_minors', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('guardian_consent_by', 'integer', (c) => c.references('users.id'))
		.addColumn('guardian_consent_at', 'text')
		// Photos: 'pending', 'approved' or 'rejected'; receipts: 'private'.
		.addColumn('status', 'text', (c) => c.notNull())
		.addColumn('decided_by', 'integer', (c) => c.references('users.id'))
		.addColumn('decided_at', 'text')
		.addColumn('uploaded_by', 'integer', (c) => c.notNull().references('users.id'))
		.addColumn('uploaded_at', 'text', (c) => c.notNull())
		.addColumn('removed_at', 'text')
		.execute();
	await db.schema.createIndex('report_files_proposal').on('report_files').columns(['proposal_id', 'report_kind']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await db.schema.dropTable('report_files').execute();
}
