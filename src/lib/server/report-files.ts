/**
 * Photos and receipts on a station's report. Every photo is re-encoded with sharp before it is
 * stored: the EXIF block (camera, time, GPS position) is dropped and the orientation it gave is
 * applied to the pixels. A photo is public only once an admin approved it, and one showing
 * minors only after the station recorded a guardian's consent. Receipts are never public. Files
 * live in the upload folder outside static/, served only by /report-files/[id] through mayOpen.
 */
import { createHash } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import type { DB } from './db';
import { lockRows, writeTransaction } from './db';
import { audit } from './audit';
import { notFound, ok, refuse, type Outcome } from './outcome';
import { randomString } from './random';
import { safeFileName, sniffType, uploadDir, ATTACHMENT_MAX_BYTES, type AttachmentType } from './attachments';
import type { ReportKind } from '../domain/project-reports';
import { moveAllowed } from '../domain/project-reports';
import {
	PHOTO_MAX_PIXELS,
	PHOTO_MAX_SIDE,
	REPORT_FILES_MAX,
	approvalProblem,
	mayOpen,
	type FileViewer,
	type ReportFilePurpose,
	type ReportFileView
} from '../domain/report-files';

/**
 * The photo re-encoded as JPEG without any metadata, turned upright as its EXIF said, and no
 * larger than 2048 px on its long side; undefined when sharp cannot read it as an image.
 */
export async function cleanPhoto(bytes: Uint8Array): Promise<Buffer | undefined> {
	try {
		return await sharp(bytes, { limitInputPixels: PHOTO_MAX_PIXELS, failOn: 'error' })
			.rotate()
			.resize({ width: PHOTO_MAX_SIDE, height: PHOTO_MAX_SIDE, fit: 'inside', withoutEnlargement: true })
			.jpeg({ quality: 85 })
			.toBuffer();
	} catch {
		return undefined;
	}
}

/** The project's report as the station may change it: its own, signed, open, the report not in review or accepted. */
async function editableReport(trx: DB, proposalId: number, organisationId: number, kind: ReportKind): Promise<Outcome<void>> {
	const project = await trx
		.selectFrom('proposals')
		.leftJoin('agreements', 'agreements.proposal_id', 'proposals.id')
		.select(['proposals.organisation_id', 'agreements.proposal_id as signed'])
		.where('proposals.id', '=', proposalId)
		.executeTakeFirst();
	if (!project || project.organisation_id !== organisationId) return notFound();
	if (project.signed === null) return refuse('grants.err.noAgreement', undefined, 409);
	if (await trx.selectFrom('project_closings').select('proposal_id').where('proposal_id', '=', proposalId).executeTakeFirst()) return refuse('grants.err.closed', undefined, 409);
	const report = await trx.selectFrom('project_reports').select('status').where('proposal_id', '=', proposalId).where('kind', '=', kind).executeTakeFirst();
	if (!moveAllowed('save', report?.status ?? null)) return refuse('reports.err.notEditable', undefined, 409);
	return ok();
}

export interface AddReportFileInput {
	proposalId: number;
	organisationId: number;
	kind: ReportKind;
	purpose: ReportFilePurpose;
	fileName: string;
	bytes: Uint8Array;
	caption: string;
	showsMinors: boolean;
	/** The station confirms a guardian consented to a photo of minors: recorded with who and when. */
	guardianConsent: boolean;
	actorId: number;
	dir?: string;
}

/** Stores a photo (re-encoded) or a receipt (PDF or image) on the report; gives back its id. */
export async function addReportFile(db: DB, input: AddReportFileInput, now = new Date()): Promise<Outcome<string>> {
	if (input.bytes.byteLength === 0) return refuse('proposal.err.fileMissing');
	if (input.bytes.byteLength > ATTACHMENT_MAX_BYTES) return refuse('proposal.err.fileTooBig', undefined, 413);
	const sniffed = sniffType(input.bytes);
	if (!sniffed || (input.purpose === 'photo' && sniffed === 'application/pdf')) return refuse(input.purpose === 'photo' ? 'reportFiles.err.photoType' : 'proposal.err.fileType');
	let bytes: Uint8Array = input.bytes;
	let type: AttachmentType = sniffed;
	if (sniffed !== 'application/pdf') {
		const clean = await cleanPhoto(input.bytes);
		if (!clean) return refuse('reportFiles.err.unreadable');
		bytes = clean;
		type = 'image/jpeg';
	}
	const id = randomString(24);
	const dir = input.dir ?? uploadDir();
	return writeTransaction(db, async (trx) => {
		await lockRows(trx, 'proposals', [input.proposalId]);
		const editable = await editableReport(trx, input.proposalId, input.organisationId, input.kind);
		if (!editable.ok) return editable;
		const count = await trx
			.selectFrom('report_files')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.where('proposal_id', '=', input.proposalId)
			.where('report_kind', '=', input.kind)
			.where('removed_at', 'is', null)
			.executeTakeFirstOrThrow();
		if (Number(count.n) >= REPORT_FILES_MAX) return refuse('reportFiles.err.count', { max: REPORT_FILES_MAX });
		await mkdir(dir, { recursive: true });
		await writeFile(join(dir, `${id}.part`), bytes, { mode: 0o600 });
		await rename(join(dir, `${id}.part`), join(dir, id));
		const at = now.toISOString();
		const photo = input.purpose === 'photo';
		await trx
			.insertInto('report_files')
			.values({
				id,
				proposal_id: input.proposalId,
				report_kind: input.kind,
				purpose: input.purpose,
				file_name: safeFileName(input.fileName, type),
				content_type: type,
				size: bytes.byteLength,
				sha256: createHash('sha256').update(bytes).digest('hex'),
				caption: input.caption,
				shows_minors: photo && input.showsMinors ? 1 : 0,
				guardian_consent_by: photo && input.showsMinors && input.guardianConsent ? input.actorId : null,
				guardian_consent_at: photo && input.showsMinors && input.guardianConsent ? at : null,
				status: photo ? 'pending' : 'private',
				decided_by: null,
				decided_at: null,
				uploaded_by: input.actorId,
				uploaded_at: at,
				removed_at: null
			})
			.execute();
		await audit(trx, {
			actorId: input.actorId,
			action: 'report_file.add',
			entity: 'proposal',
			entityId: input.proposalId,
			detail: { fileId: id, kind: input.kind, purpose: input.purpose, size: bytes.byteLength, showsMinors: photo && input.showsMinors }
		});
		return ok(id);
	});
}

interface FileRef {
	proposalId: number;
	organisationId: number;
	kind: ReportKind;
	fileId: string;
	actorId: number;
}

/** The station takes a file off its report while it may edit the report (a decided photo stays in the audit log). */
export async function removeReportFile(db: DB, input: FileRef, now = new Date()): Promise<Outcome<void>> {
	return writeTransaction(db, async (trx) => {
		await lockRows(trx, 'proposals', [input.proposalId]);
		const editable = await editableReport(trx, input.proposalId, input.organisationId, input.kind);
		if (!editable.ok) return editable;
		const done = await trx
			.updateTable('report_files')
			.set({ removed_at: now.toISOString() })
			.where('id', '=', input.fileId)
			.where('proposal_id', '=', input.proposalId)
			.where('report_kind', '=', input.kind)
			.where('removed_at', 'is', null)
			.executeTakeFirst();
		if (Number(done.numUpdatedRows) !== 1) return notFound();
		await audit(trx, { actorId: input.actorId, action: 'report_file.remove', entity: 'proposal', entityId: input.proposalId, detail: { fileId: input.fileId } });
		return ok();
	});
}

/** The station records that a guardian consented to a photo of minors (who recorded it, when). */
export async function recordGuardianConsent(db: DB, input: Omit<FileRef, 'kind'>, now = new Date()): Promise<Outcome<void>> {
	return writeTransaction(db, async (trx) => {
		await lockRows(trx, 'proposals', [input.proposalId]);
		const file = await trx
			.selectFrom('report_files')
			.innerJoin('proposals', 'proposals.id', 'report_files.proposal_id')
			.select(['report_files.shows_minors', 'report_files.guardian_consent_at', 'proposals.organisation_id'])
			.where('report_files.id', '=', input.fileId)
			.where('report_files.proposal_id', '=', input.proposalId)
			.where('report_files.removed_at', 'is', null)
			.executeTakeFirst();
		if (!file || file.organisation_id !== input.organisationId) return notFound();
		if (file.shows_minors !== 1) return refuse('reportFiles.err.noMinors', undefined, 409);
		if (file.guardian_consent_at) return ok();
		await trx.updateTable('report_files').set({ guardian_consent_by: input.actorId, guardian_consent_at: now.toISOString() }).where('id', '=', input.fileId).execute();
		await audit(trx, { actorId: input.actorId, action: 'report_file.consent', entity: 'proposal', entityId: input.proposalId, detail: { fileId: input.fileId } });
		return ok();
	});
}

export interface DecidePhotoInput {
	proposalId: number;
	roundId: number;
	fileId: string;
	decision: 'approve' | 'reject';
	actorId: number;
}

/** An admin approves a photo for the public (consent first, if it shows minors) or keeps it private. */
export async function decideReportPhoto(db: DB, input: DecidePhotoInput, now = new Date()): Promise<Outcome<void>> {
	return writeTransaction(db, async (trx) => {
		await lockRows(trx, 'proposals', [input.proposalId]);
		const file = await trx
			.selectFrom('report_files')
			.innerJoin('proposals', 'proposals.id', 'report_files.proposal_id')
			.select(['report_files.purpose', 'report_files.status', 'report_files.shows_minors', 'report_files.guardian_consent_at', 'proposals.round_id'])
			.where('report_files.id', '=', input.fileId)
			.where('report_files.proposal_id', '=', input.proposalId)
			.where('report_files.removed_at', 'is', null)
			.executeTakeFirst();
		if (!file || file.round_id !== input.roundId) return notFound();
		const facts = { purpose: file.purpose, status: file.status, showsMinors: file.shows_minors === 1, guardianConsentAt: file.guardian_consent_at };
		if (input.decision === 'approve') {
			const problem = approvalProblem(facts);
			if (problem) return refuse(`reportFiles.err.${problem}`, undefined, 409);
		} else if (file.purpose !== 'photo') return refuse('reportFiles.err.notPhoto', undefined, 409);
		await trx
			.updateTable('report_files')
			.set({ status: input.decision === 'approve' ? 'approved' : 'rejected', decided_by: input.actorId, decided_at: now.toISOString() })
			.where('id', '=', input.fileId)
			.execute();
		await audit(trx, {
			actorId: input.actorId,
			action: input.decision === 'approve' ? 'report_file.approve' : 'report_file.reject',
			entity: 'proposal',
			entityId: input.proposalId,
			detail: { fileId: input.fileId }
		});
		return ok();
	});
}

/** A report's files for its station and the round's admins (who recorded a consent, by name). */
export async function reportFiles(db: DB, proposalId: number, kind: ReportKind): Promise<ReportFileView[]> {
	const rows = await db
		.selectFrom('report_files')
		.leftJoin('users', 'users.id', 'report_files.guardian_consent_by')
		.select([
			'report_files.id',
			'report_files.purpose',
			'report_files.file_name',
			'report_files.caption',
			'report_files.shows_minors',
			'report_files.guardian_consent_at',
			'report_files.status',
			'report_files.uploaded_at',
			'users.name as consent_by'
		])
		.where('report_files.proposal_id', '=', proposalId)
		.where('report_files.report_kind', '=', kind)
		.where('report_files.removed_at', 'is', null)
		.orderBy('report_files.uploaded_at')
		.execute();
	return rows.map((r) => ({
		id: r.id,
		purpose: r.purpose,
		fileName: r.file_name,
		caption: r.caption,
		showsMinors: r.shows_minors === 1,
		guardianConsentBy: r.consent_by ?? null,
		guardianConsentAt: r.guardian_consent_at,
		status: r.status,
		uploadedAt: r.uploaded_at
	}));
}

/** The project's approved photos, for its public page: id, caption and the report they belong to. */
export async function publicPhotos(db: DB, proposalId: number) {
	const rows = await db
		.selectFrom('report_files')
		.select(['id', 'caption', 'report_kind'])
		.where('proposal_id', '=', proposalId)
		.where('purpose', '=', 'photo')
		.where('status', '=', 'approved')
		.where('removed_at', 'is', null)
		.orderBy('decided_at')
		.execute();
	return rows.map((r) => ({ id: r.id, caption: r.caption, kind: r.report_kind }));
}

/** The file when `viewer` may open it (mayOpen); undefined otherwise, exactly as for an id that does not exist. */
export async function reportFileFor(db: DB, id: string, viewer: { role: string; organisationId: number | null } | null) {
	if (!/^[a-z0-9]{24}$/.test(id)) return undefined;
	const row = await db
		.selectFrom('report_files')
		.innerJoin('proposals', 'proposals.id', 'report_files.proposal_id')
		.select(['report_files.purpose', 'report_files.status', 'report_files.file_name', 'report_files.content_type', 'proposals.organisation_id'])
		.where('report_files.id', '=', id)
		.where('report_files.removed_at', 'is', null)
		.executeTakeFirst();
	if (!row) return undefined;
	const who: FileViewer =
		viewer?.role === 'admin'
			? { role: 'admin' }
			: viewer?.role === 'station'
				? { role: 'station', own: viewer.organisationId !== null && viewer.organisationId === row.organisation_id }
				: { role: 'public' };
	if (!mayOpen({ purpose: row.purpose, status: row.status }, who)) return undefined;
	return { fileName: row.file_name, contentType: row.content_type as AttachmentType, public: row.purpose === 'photo' && row.status === 'approved' };
}
