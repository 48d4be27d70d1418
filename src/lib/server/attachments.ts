import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { DB } from './db';
import { ok, refuse, type Outcome } from './outcome';
import { runsRound } from './fund-admins';
import type { Role } from './schema';
import { audit } from './audit';
import { randomString } from './random';
import { reviewerMayOpen } from './conflicts';
import { cleanText } from '../schemas/text';

export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;
export const ATTACHMENTS_PER_PROPOSAL = 10;

export type AttachmentType = 'application/pdf' | 'image/jpeg' | 'image/png';
const EXTENSION: Record<AttachmentType, string> = { 'application/pdf': 'pdf', 'image/jpeg': 'jpg', 'image/png': 'png' };

/**
 * The file's type from its first bytes, never from its name or the browser's claim: a page of
 * HTML called report.pdf is refused.
 */
export function sniffType(bytes: Uint8Array): AttachmentType | null {
	const starts = (sig: number[]) => sig.every((b, i) => bytes[i] === b);
	if (starts([0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf'; // %PDF-
	if (starts([0xff, 0xd8, 0xff])) return 'image/jpeg';
	if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
	return null;
}

/** Outside static/ so that nothing is ever served without the access check. */
export function uploadDir(): string {
	return resolve(process.env.UPLOAD_DIR || 'data/uploads');
}

/**
 * A name safe for a download: no path, no control or quote characters, at most 80 characters,
 * and the extension of the type the content really has.
 */
export function safeFileName(name: string, type: AttachmentType): string {
	// Line breaks go before cleanText would turn them into spaces; bidi overrides go with it.
	const base = cleanText((name.split(/[\\/]/).pop() ?? '').replace(/[\r\n]/g, ''), { multiline: false })
		.replace(/[\u0000-\u001f\u007f"'<>:*?|;]/g, '')
		.replace(/\.[^.]*$/, '')
		.trim()
		.slice(0, 80);
	return `${base || 'attachment'}.${EXTENSION[type]}`;
}

/** `Content-Disposition: attachment` with an ASCII fallback and the UTF-8 name (RFC 6266). */
export function contentDisposition(fileName: string): string {
	const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
	return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

const TOO_BIG = refuse('proposal.err.fileTooBig', undefined, 413);

/**
 * The file of an upload form, or why there is none. The size is checked before the body is read
 * into memory. A body that cannot be parsed while its size is fine has a file name the form
 * parser refuses (a raw quote or line break in the part header): the person is told to rename
 * the file, not that it is too big. (Browsers escape those as %22, %0D, %0A, which are read
 * fine and cleaned by safeFileName.)
 */
export async function readAttachmentUpload(request: Request): Promise<Outcome<File>> {
	const upload = await readUpload(request);
	return upload.ok ? ok(upload.value.file) : upload;
}

/** The same, with the form's other fields (a caption, a checkbox) beside the file. */
export async function readUpload(request: Request): Promise<Outcome<{ file: File; data: FormData }>> {
	const length = Number(request.headers.get('content-length') ?? 0);
	if (length > ATTACHMENT_MAX_BYTES + 64 * 1024) return TOO_BIG;
	let data: FormData;
	try {
		data = await request.formData();
	} catch {
		return length > 0 && length <= ATTACHMENT_MAX_BYTES + 64 * 1024
			? refuse('proposal.err.fileName')
			: TOO_BIG;
	}
	const file = data.get('file');
	if (!(file instanceof File) || file.size === 0) return refuse('proposal.err.fileMissing');
	if (file.size > ATTACHMENT_MAX_BYTES) return TOO_BIG;
	return ok({ file, data });
}

/** Stores a proposal's attachment (checked again: size, type by its bytes, count); gives back its id. */
export async function addAttachment(
	db: DB,
	args: { proposalId: number; actorId: number; fileName: string; bytes: Uint8Array; dir?: string; now?: Date }
): Promise<Outcome<string>> {
	const { proposalId, actorId, bytes, dir = uploadDir(), now = new Date() } = args;
	if (bytes.byteLength === 0) return refuse('proposal.err.fileMissing');
	if (bytes.byteLength > ATTACHMENT_MAX_BYTES) return refuse('proposal.err.fileTooBig');
	const type = sniffType(bytes);
	if (!type) return refuse('proposal.err.fileType');
	const count = await db
		.selectFrom('attachments')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('proposal_id', '=', proposalId)
		.where('removed_at', 'is', null)
		.executeTakeFirstOrThrow();
	if (Number(count.n) >= ATTACHMENTS_PER_PROPOSAL) {
		return refuse('proposal.err.fileCount', { max: ATTACHMENTS_PER_PROPOSAL });
	}
	const id = randomString(24);
	await mkdir(dir, { recursive: true });
	// Written under a temporary name and renamed, so a crash never leaves half a file under the id.
	await writeFile(join(dir, `${id}.part`), bytes, { mode: 0o600 });
	await rename(join(dir, `${id}.part`), join(dir, id));
	const fileName = safeFileName(args.fileName, type);
	await db
		.insertInto('attachments')
		.values({
			id,
			proposal_id: proposalId,
			file_name: fileName,
			content_type: type,
			size: bytes.byteLength,
			sha256: createHash('sha256').update(bytes).digest('hex'),
			uploaded_by: actorId,
			uploaded_at: now.toISOString(),
			removed_at: null
		})
		.execute();
	await audit(db, {
		actorId,
		action: 'attachment.add',
		entity: 'proposal',
		entityId: proposalId,
		detail: { attachmentId: id, type, size: bytes.byteLength }
	});
	return ok(id);
}

/** Takes the attachment off the proposal; the file stays for the submissions that listed it. */
export async function removeAttachment(db: DB, args: { proposalId: number; attachmentId: string; actorId: number }) {
	const result = await db
		.updateTable('attachments')
		.set({ removed_at: new Date().toISOString() })
		.where('id', '=', args.attachmentId)
		.where('proposal_id', '=', args.proposalId)
		.where('removed_at', 'is', null)
		.executeTakeFirst();
	if (Number(result.numUpdatedRows) !== 1) return false;
	await audit(db, {
		actorId: args.actorId,
		action: 'attachment.remove',
		entity: 'proposal',
		entityId: args.proposalId,
		detail: { attachmentId: args.attachmentId }
	});
	return true;
}

export async function listAttachments(db: DB, proposalId: number) {
	const rows = await db
		.selectFrom('attachments')
		.select(['id', 'file_name', 'content_type', 'size', 'uploaded_at'])
		.where('proposal_id', '=', proposalId)
		.where('removed_at', 'is', null)
		.orderBy('uploaded_at')
		.execute();
	return rows.map((r) => ({ id: r.id, fileName: r.file_name, contentType: r.content_type, size: r.size, uploadedAt: r.uploaded_at }));
}

export interface Viewer {
	id: number;
	role: Role;
	organisationId: number | null;
	/** A fund admin's fund: it opens attachments of its own fund's rounds only. */
	fundId?: number | null;
}

/**
 * The attachment when `viewer` may open its proposal: the owning organisation's staff, federation
 * admins, the admins of the fund whose round it is, and reviewers the review module lets open it. Undefined for everyone else, exactly as for an
 * id that does not exist.
 */
export async function attachmentFor(db: DB, id: string, viewer: Viewer) {
	if (!/^[a-z0-9]{24}$/.test(id)) return undefined;
	const row = await db
		.selectFrom('attachments')
		.innerJoin('proposals', 'proposals.id', 'attachments.proposal_id')
		.innerJoin('rounds', 'rounds.id', 'proposals.round_id')
		.select(['attachments.id', 'attachments.file_name', 'attachments.content_type', 'attachments.proposal_id', 'proposals.organisation_id', 'rounds.fund_id'])
		.where('attachments.id', '=', id)
		.executeTakeFirst();
	if (!row) return undefined;
	const allowed =
		runsRound(viewer, row) ||
		(viewer.role === 'station' && viewer.organisationId !== null && viewer.organisationId === row.organisation_id) ||
		(viewer.role === 'reviewer' && (await reviewerMayOpen(db, viewer.id, row.proposal_id)));
	if (!allowed) return undefined;
	return { fileName: row.file_name, contentType: row.content_type as AttachmentType, proposalId: row.proposal_id };
}

export async function readAttachmentBytes(id: string, dir = uploadDir()): Promise<Buffer> {
	return readFile(join(dir, id));
}
