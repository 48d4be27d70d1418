import { error, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { formatReceiptCode, normaliseReceiptCode, trackNeed } from '$lib/server/needs';
import { LIMITS, consume, overLimit } from '$lib/server/rate-limit';
import { addressKey } from '$lib/domain/throttle';
import { publicImplementation } from '$lib/server/grant-views';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	// Public by receipt code; limiting wrong codes per address is what keeps codes from being
	// guessed, while a resident checking their own code again and again is never stopped.
	const db = getDb();
	const address = addressKey(event.getClientAddress());
	if (await overLimit(db, 'track-miss', address, LIMITS.trackMiss)) error(429, 'err.rateLimited');
	const need = await trackNeed(db, event.params.code);
	if (!need) {
		await consume(db, 'track-miss', address, LIMITS.trackMiss);
		error(404, 'not found');
	}
	// After "funded": each project's agreement, payments and end, as its public page shows them.
	const progress = await Promise.all(
		need.funded.map(async ({ id }) => {
			const impl = await publicImplementation(db, id);
			return impl && {
				id,
				stage: impl.stage,
				signedOn: impl.timeline.find((m) => m.kind === 'signed')?.on ?? null,
				paidFen: impl.paidFen,
				awardedFen: impl.awardedFen,
				closedAt: impl.closedAt,
				closingOutcome: impl.closingOutcome,
				outcome: impl.outcome && { visits: impl.outcome.visits, volunteers: impl.outcome.volunteers },
				grade: impl.evaluation?.grade ?? null
			};
		})
	);
	return { need, progress: progress.filter((p) => !!p), isNew: event.url.searchParams.get('new') === '1', print: event.url.searchParams.get('print') === '1' };
};

export const actions: Actions = {
	/** The look-up form on the not-found page: works without JavaScript. */
	default: async (event) => {
		const data = await event.request.formData();
		const typed = String(data.get('code') ?? '').slice(0, 40);
		const code = normaliseReceiptCode(typed);
		redirect(303, `/track/${code ? formatReceiptCode(code) : encodeURIComponent(typed.trim() || '-')}`);
	}
};
