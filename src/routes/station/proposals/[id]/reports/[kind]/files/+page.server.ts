import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requireStation } from '$lib/server/auth/guard';
import { getOwnProposal } from '$lib/server/proposals';
import { isReportKind, projectReport } from '$lib/server/project-reports';
import { readUpload } from '$lib/server/attachments';
import { addReportFile, recordGuardianConsent, removeReportFile, reportFiles } from '$lib/server/report-files';
import { httpStatus } from '$lib/server/outcome';
import { fieldErrors, formValues } from '$lib/schemas/form';
import { reportFileRefSchema, reportFileSchema } from '$lib/schemas/report-files';
import { moveAllowed } from '$lib/domain/project-reports';
import { idParam } from '../../../../shared.server';
import type { Actions, PageServerLoad } from './$types';

/** The organisation's own funded project and the report's kind; anyone else's is 404, in load and actions. */
async function ownReport(event: Pick<RequestEvent, 'locals' | 'url' | 'params'>) {
	const { user, organisationId } = requireStation(event);
	const kind = event.params.kind ?? '';
	if (!isReportKind(kind)) error(404, 'not found');
	const proposal = await getOwnProposal(getDb(), idParam(event.params.id ?? ''), organisationId);
	if (!proposal || proposal.status !== 'funded') error(404, 'not found');
	return { user, organisationId, proposalId: proposal.id, title: proposal.title, kind };
}

export const load: PageServerLoad = async (event) => {
	const { proposalId, title, kind } = await ownReport(event);
	const db = getDb();
	const current = await projectReport(db, proposalId, kind);
	return {
		project: { id: proposalId, title },
		kind,
		timeZone: current?.project.round.time_zone ?? 'Asia/Shanghai',
		signed: !!current,
		editable: !!current && !current.closing && moveAllowed('save', current.report.status),
		files: current ? await reportFiles(db, proposalId, kind) : [],
		done: event.url.searchParams.get('done')
	};
};

const back = (proposalId: number, kind: string, done: string) => `/station/proposals/${proposalId}/reports/${kind}/files?done=${done}`;

export const actions: Actions = {
	upload: async (event) => {
		const { user, organisationId, proposalId, kind } = await ownReport(event);
		const upload = await readUpload(event.request);
		if (!upload.ok) return fail(httpStatus(upload), { errors: upload.errors });
		const values = formValues(upload.value.data);
		const parsed = reportFileSchema.safeParse(values);
		if (!parsed.success) return fail(400, { values, errors: fieldErrors(parsed.error) });
		const file = upload.value.file;
		const result = await addReportFile(getDb(), {
			proposalId,
			organisationId,
			kind,
			...parsed.data,
			fileName: file.name,
			bytes: new Uint8Array(await file.arrayBuffer()),
			actorId: user.id
		});
		if (!result.ok) return fail(httpStatus(result), { values, errors: result.errors });
		redirect(303, back(proposalId, kind, 'uploaded'));
	},
	remove: async (event) => {
		const { user, organisationId, proposalId, kind } = await ownReport(event);
		const parsed = reportFileRefSchema.safeParse(formValues(await event.request.formData()));
		if (!parsed.success) return fail(400, { errors: fieldErrors(parsed.error) });
		const result = await removeReportFile(getDb(), { proposalId, organisationId, kind, fileId: parsed.data.fileId, actorId: user.id });
		if (!result.ok) return fail(httpStatus(result), { errors: result.errors });
		redirect(303, back(proposalId, kind, 'removed'));
	},
	consent: async (event) => {
		const { user, organisationId, proposalId, kind } = await ownReport(event);
		const parsed = reportFileRefSchema.safeParse(formValues(await event.request.formData()));
		if (!parsed.success) return fail(400, { errors: fieldErrors(parsed.error) });
		const result = await recordGuardianConsent(getDb(), { proposalId, organisationId, fileId: parsed.data.fileId, actorId: user.id });
		if (!result.ok) return fail(httpStatus(result), { errors: result.errors });
		redirect(303, back(proposalId, kind, 'consent'));
	}
};
