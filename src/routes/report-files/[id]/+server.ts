import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { contentDisposition, readAttachmentBytes } from '$lib/server/attachments';
import { reportFileFor } from '$lib/server/report-files';
import type { RequestHandler } from './$types';

/**
 * A report's photo or receipt: an approved photo to anyone (shown inline), everything else only
 * to the project's own organisation and admins; 404 to the rest, as for an id that does not exist.
 */
export const GET: RequestHandler = async ({ params, locals }) => {
	const user = locals.user;
	const file = await reportFileFor(getDb(), params.id, user ? { role: user.role, organisationId: user.organisationId } : null);
	if (!file) error(404, 'not found');
	let bytes: Buffer;
	try {
		bytes = await readAttachmentBytes(params.id);
	} catch {
		error(404, 'not found');
	}
	const image = file.contentType !== 'application/pdf';
	return new Response(new Uint8Array(bytes), {
		headers: {
			'Content-Type': file.contentType,
			'Content-Length': String(bytes.byteLength),
			'Content-Disposition': image ? contentDisposition(file.fileName).replace(/^attachment/, 'inline') : contentDisposition(file.fileName),
			'X-Content-Type-Options': 'nosniff',
			'Content-Security-Policy': "default-src 'none'; sandbox",
			'Cache-Control': file.public ? 'public, max-age=300' : 'private, no-store'
		}
	});
};
