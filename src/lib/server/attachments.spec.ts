import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freshDb, makeOrganisation, makeProposal, makeRound, makeUser } from '../../../tests/helpers/db';
import {
	ATTACHMENT_MAX_BYTES,
	addAttachment,
	attachmentFor,
	contentDisposition,
	listAttachments,
	readAttachmentBytes,
	readAttachmentUpload,
	removeAttachment,
	safeFileName,
	sniffType
} from './attachments';

const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF');
const HTML = new TextEncoder().encode('<!doctype html><script>alert(1)</script>');
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16]);

async function setup() {
	const db = await freshDb();
	const dir = await mkdtemp(join(tmpdir(), 'uploads-'));
	const round = await makeRound(db, 'applications');
	const orgA = await makeOrganisation(db);
	const orgB = await makeOrganisation(db);
	const staffA = await makeUser(db, 'station', orgA);
	const staffB = await makeUser(db, 'station', orgB);
	const admin = await makeUser(db, 'admin');
	const reviewer = await makeUser(db, 'reviewer');
	const proposal = await makeProposal(db, round.id, orgA, 'submitted');
	return { db, dir, round, orgA, orgB, staffA, staffB, admin, reviewer, proposal };
}

/** A multipart upload as a client writes it, the file name put into the part header as given. */
function upload(fileName: string, bytes = PDF) {
	const boundary = '----upload-test';
	const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/pdf\r\n\r\n`;
	const body = Buffer.concat([Buffer.from(head), Buffer.from(bytes), Buffer.from(`\r\n--${boundary}--\r\n`)]);
	return new Request('http://localhost/station/proposals/1?/attach', {
		method: 'POST',
		headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': String(body.length) },
		body
	});
}

describe('reading an upload', () => {
	it('reads a name a browser escaped (quotes and line breaks as %22, %0D%0A) and stores it clean', async () => {
		const read = await readAttachmentUpload(upload('报告%22最终版%22%0D%0A.pdf'));
		expect(read.ok && read.value.name).toBe('报告"最终版"\r\n.pdf');
		expect(read.ok && safeFileName(read.value.name, 'application/pdf')).toBe('报告最终版.pdf');
	});

	it('says a raw quote or line break in the name is the trouble, not the size', async () => {
		for (const name of ['报告"最终版".pdf', '报告\r\n.pdf']) {
			const read = await readAttachmentUpload(upload(name));
			expect(read, JSON.stringify(name)).toEqual({ ok: false, errors: { _form: { key: 'proposal.err.fileName' } } });
		}
	});

	it('says so when no file came, or a file over 10 MB', async () => {
		expect(await readAttachmentUpload(upload('空.pdf', new Uint8Array()))).toEqual({ ok: false, errors: { _form: { key: 'proposal.err.fileMissing' } } });
		const big = new Request('http://localhost/x', { method: 'POST', headers: { 'content-length': String(ATTACHMENT_MAX_BYTES + 1_000_000) }, body: 'x' });
		expect(await readAttachmentUpload(big)).toEqual({ ok: false, status: 413, errors: { _form: { key: 'proposal.err.fileTooBig' } } });
	});
});

describe('attachment files', () => {
	it('knows PDF, JPEG and PNG by their first bytes, whatever the name says', () => {
		expect(sniffType(PDF)).toBe('application/pdf');
		expect(sniffType(PNG)).toBe('image/png');
		expect(sniffType(JPEG)).toBe('image/jpeg');
		expect(sniffType(HTML)).toBeNull();
		expect(sniffType(new Uint8Array())).toBeNull();
	});

	it('makes safe download names with the real type’s extension', () => {
		expect(safeFileName('../../etc/passwd', 'application/pdf')).toBe('passwd.pdf');
		expect(safeFileName('C:\\报告"<script>.html', 'application/pdf')).toBe('报告script.pdf');
		expect(safeFileName('', 'image/png')).toBe('attachment.png');
		expect(safeFileName('照片 🙂.jpeg', 'image/jpeg')).toBe('照片 🙂.jpg');
		expect(safeFileName('报告"最终版"\r\n第二行.pdf', 'application/pdf')).toBe('报告最终版第二行.pdf');
		// The right-to-left override that makes "invoice‮fdp.exe" read as "invoiceexe.pdf".
		expect(safeFileName('invoice\u202efdp.exe.pdf', 'application/pdf')).toBe('invoicefdp.exe.pdf');
		expect(safeFileName('Cafe\u0301.pdf', 'application/pdf')).toBe('Café.pdf');
		const header = contentDisposition('项目 "预算".pdf');
		expect(header).toMatch(/^attachment; filename="[\x20-\x7e]+"; filename\*=UTF-8''/);
		expect(header).not.toContain('"预算"');
	});
});

describe('attachments', () => {
	it('stores a PDF outside static/ under a random id, and refuses HTML posing as a PDF', async () => {
		const { db, dir, proposal, staffA } = await setup();
		const bad = await addAttachment(db, { proposalId: proposal, actorId: staffA.id, fileName: 'report.pdf', bytes: HTML, dir });
		expect(bad).toEqual({ ok: false, errors: { _form: { key: 'proposal.err.fileType' } } });
		const good = await addAttachment(db, { proposalId: proposal, actorId: staffA.id, fileName: 'report.pdf', bytes: PDF, dir });
		if (!good.ok) throw new Error(JSON.stringify(good.errors));
		expect(good.value).toMatch(/^[a-z0-9]{24}$/);
		expect(await readdir(dir)).toEqual([good.value]);
		expect(Buffer.from(await readAttachmentBytes(good.value, dir)).equals(Buffer.from(PDF))).toBe(true);
		expect(await listAttachments(db, proposal)).toMatchObject([{ id: good.value, fileName: 'report.pdf', contentType: 'application/pdf' }]);
	});

	it('refuses empty files and files over 10 MB', async () => {
		const { db, dir, proposal, staffA } = await setup();
		expect(await addAttachment(db, { proposalId: proposal, actorId: staffA.id, fileName: 'a.pdf', bytes: new Uint8Array(), dir })).toMatchObject({ ok: false, errors: { _form: { key: 'proposal.err.fileMissing' } } });
		const big = new Uint8Array(ATTACHMENT_MAX_BYTES + 1);
		big.set(PDF);
		expect(await addAttachment(db, { proposalId: proposal, actorId: staffA.id, fileName: 'a.pdf', bytes: big, dir })).toMatchObject({ ok: false, errors: { _form: { key: 'proposal.err.fileTooBig' } } });
		expect(await readdir(dir)).toEqual([]);
	});

	it('opens only for the owning organisation, admins and reviewers the review module allows', async () => {
		const { db, dir, proposal, staffA, staffB, orgA, orgB, admin, reviewer } = await setup();
		const added = await addAttachment(db, { proposalId: proposal, actorId: staffA.id, fileName: 'a.pdf', bytes: PDF, dir });
		if (!added.ok) throw new Error(JSON.stringify(added.errors));
		expect(await attachmentFor(db, added.value, { id: staffA.id, role: 'station', organisationId: orgA })).toMatchObject({ fileName: 'a.pdf' });
		expect(await attachmentFor(db, added.value, { id: admin.id, role: 'admin', organisationId: null })).toBeDefined();
		expect(await attachmentFor(db, added.value, { id: staffB.id, role: 'station', organisationId: orgB })).toBeUndefined();
		// Not assigned to this proposal: no access; assigned: access, as the review module decides.
		const asReviewer = { id: reviewer.id, role: 'reviewer' as const, organisationId: null };
		expect(await attachmentFor(db, added.value, asReviewer)).toBeUndefined();
		const round = await db.selectFrom('proposals').select('round_id').where('id', '=', proposal).executeTakeFirstOrThrow();
		await db
			.insertInto('review_assignments')
			.values({ round_id: round.round_id, proposal_id: proposal, reviewer_id: reviewer.id, status: 'assigned', comment: null, private_note: null, assigned_at: new Date().toISOString(), submitted_at: null })
			.execute();
		expect(await attachmentFor(db, added.value, asReviewer)).toMatchObject({ fileName: 'a.pdf' });
		expect(await attachmentFor(db, '../../etc/passwd', { id: admin.id, role: 'admin', organisationId: null })).toBeUndefined();
	});

	it('removes only an attachment of the given proposal, and audits it', async () => {
		const { db, dir, round, proposal, staffA, orgB } = await setup();
		const other = await makeProposal(db, round.id, orgB, 'submitted');
		const added = await addAttachment(db, { proposalId: proposal, actorId: staffA.id, fileName: 'a.pdf', bytes: PDF, dir });
		if (!added.ok) throw new Error(JSON.stringify(added.errors));
		expect(await removeAttachment(db, { proposalId: other, attachmentId: added.value, actorId: staffA.id })).toBe(false);
		expect(await removeAttachment(db, { proposalId: proposal, attachmentId: added.value, actorId: staffA.id })).toBe(true);
		expect(await listAttachments(db, proposal)).toEqual([]);
		const actions = (await db.selectFrom('audit_log').select('action').where('action', 'like', 'attachment.%').execute()).map((r) => r.action);
		expect(actions).toEqual(['attachment.add', 'attachment.remove']);
	});
});
