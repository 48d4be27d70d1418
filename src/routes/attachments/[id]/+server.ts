import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requireUser } from '$lib/server/auth/guard';
import { attachmentFor, contentDisposition, readAttachmentBytes } from '$lib/server/attachments';
import type { RequestHandler } from './$types';

/** An attachment, only to those who may see its proposal, always as a download. */
export const GET: RequestHandler = async (event) => {
	const user = requireUser(event);
	const attachment = await attachmentFor(getDb(), event.params.id, {
		id: user.id,
		role: user.role,
		organisationId: user.organisationId,
		fundId: user.fundId
	});
	if (!attachment) error(404, 'not found');
	let bytes: Buffer;
	try {
		bytes = await readAttachmentBytes(event.params.id);
	} catch {
		error(404, 'not found');
	}
	return new Response(new Uint8Array(bytes), {
		headers: {
			'Content-Type': attachment.contentType,
			'Content-Length': String(bytes.byteLength),
			'Content-Disposition': contentDisposition(attachment.fileName),
			'X-Content-Type-Options': 'nosniff',
			'Content-Security-Policy': "default-src 'none'; sandbox",
			'Cache-Control': 'private, no-store'
		}
	});
};
