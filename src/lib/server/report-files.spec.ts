import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { freshDb, makeOrganisation, makeUser } from '../../../tests/helpers/db';
import { signedProject } from '../../../tests/helpers/signed-project';
import { addReportFile, decideReportPhoto, publicPhotos, recordGuardianConsent, reportFileFor } from './report-files';

/** A JPEG as a phone writes it: camera, GPS position, turned by its orientation tag. */
async function phonePhoto(): Promise<Buffer> {
	return sharp({ create: { width: 40, height: 20, channels: 3, background: '#c33' } })
		.jpeg()
		.withMetadata({ orientation: 6 })
		.withExif({ IFD0: { Make: 'PhoneCo', Model: 'X1' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '23/1 7/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '113/1 15/1 0/1' } })
		.toBuffer();
}

describe('report photos and receipts', () => {
	it('stores a photo without EXIF or GPS, upright, and public only once approved with consent for minors', async () => {
		const db = await freshDb();
		const w = await signedProject(db);
		const dir = await mkdtemp(join(tmpdir(), 'report-files-'));
		const original = await phonePhoto();
		const meta = await sharp(original).metadata();
		expect([meta.exif !== undefined, meta.orientation]).toEqual([true, 6]);
		const base = { proposalId: w.id, organisationId: w.org, kind: 'midterm' as const, actorId: w.station.id, dir, caption: '四点半课堂', guardianConsent: false };
		const added = await addReportFile(db, { ...base, purpose: 'photo', fileName: 'IMG_0001.JPG', bytes: original, showsMinors: true });
		expect(added.ok).toBe(true);
		const id = added.ok ? added.value : '';
		const stored = await sharp(await readFile(join(dir, id))).metadata();
		expect([stored.format, stored.exif, stored.orientation, stored.width, stored.height]).toEqual(['jpeg', undefined, undefined, 20, 40]);

		// Unapproved: the station's own organisation and admins only.
		const otherStation = { role: 'station', organisationId: await makeOrganisation(db) };
		expect(await reportFileFor(db, id, null)).toBeUndefined();
		expect(await reportFileFor(db, id, otherStation)).toBeUndefined();
		expect(await reportFileFor(db, id, { role: 'station', organisationId: w.org })).toBeDefined();
		expect(await reportFileFor(db, id, { role: 'admin', organisationId: null })).toBeDefined();

		const decide = { proposalId: w.id, roundId: w.round.id, fileId: id, actorId: w.admin.id };
		const noConsent = await decideReportPhoto(db, { ...decide, decision: 'approve' });
		expect(noConsent.ok || noConsent.errors._form?.key).toBe('reportFiles.err.noConsent');
		const stranger = await makeUser(db, 'station', otherStation.organisationId);
		const foreign = await recordGuardianConsent(db, { proposalId: w.id, organisationId: otherStation.organisationId, fileId: id, actorId: stranger.id });
		expect(foreign.ok ? 200 : foreign.status).toBe(404);
		expect((await recordGuardianConsent(db, { proposalId: w.id, organisationId: w.org, fileId: id, actorId: w.station.id })).ok).toBe(true);
		expect((await decideReportPhoto(db, { ...decide, decision: 'approve' })).ok).toBe(true);
		expect(await reportFileFor(db, id, null)).toMatchObject({ contentType: 'image/jpeg', public: true });
		const twice = await decideReportPhoto(db, { ...decide, decision: 'approve' });
		expect(twice.ok || [twice.status, twice.errors._form?.key]).toEqual([409, 'reportFiles.err.decided']);
		const elsewhere = await decideReportPhoto(db, { ...decide, roundId: w.round.id + 1, decision: 'reject' });
		expect(elsewhere.ok ? 200 : elsewhere.status).toBe(404);
		expect(await publicPhotos(db, w.id)).toEqual([{ id, caption: '四点半课堂', kind: 'midterm' }]);
	});

	it('never makes a receipt public, and refuses what is not an image as a photo', async () => {
		const db = await freshDb();
		const w = await signedProject(db);
		const dir = await mkdtemp(join(tmpdir(), 'report-files-'));
		const base = { proposalId: w.id, organisationId: w.org, kind: 'midterm' as const, actorId: w.station.id, dir, caption: '', showsMinors: false, guardianConsent: false };
		const pdf = Buffer.from('%PDF-1.4\n%%EOF\n');
		const receipt = await addReportFile(db, { ...base, purpose: 'receipt', fileName: '发票.pdf', bytes: pdf });
		expect(receipt.ok).toBe(true);
		const id = receipt.ok ? receipt.value : '';
		const approve = await decideReportPhoto(db, { proposalId: w.id, roundId: w.round.id, fileId: id, decision: 'approve', actorId: w.admin.id });
		expect(approve.ok || approve.errors._form?.key).toBe('reportFiles.err.notPhoto');
		expect(await reportFileFor(db, id, null)).toBeUndefined();
		const consent = await recordGuardianConsent(db, { proposalId: w.id, organisationId: w.org, fileId: id, actorId: w.station.id });
		expect(consent.ok || [consent.status, consent.errors._form?.key]).toEqual([409, 'reportFiles.err.noMinors']);
		const asPhoto = await addReportFile(db, { ...base, purpose: 'photo', fileName: 'x.pdf', bytes: pdf });
		expect(asPhoto.ok || asPhoto.errors._form?.key).toBe('reportFiles.err.photoType');
		const broken = await addReportFile(db, { ...base, purpose: 'photo', fileName: 'x.jpg', bytes: Buffer.from([0xff, 0xd8, 0xff, 0x00, 0x01]) });
		expect(broken.ok || broken.errors._form?.key).toBe('reportFiles.err.unreadable');
	});
});
