import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { getRoundById, type Round } from '$lib/server/rounds';

/** The round named by the URL's [id], or 404: where every page of a round's admin starts. */
export async function loadRound(event: { params: { id?: string } }): Promise<Round> {
	const raw = event.params.id ?? '';
	const round = /^\d{1,12}$/.test(raw) ? await getRoundById(getDb(), Number(raw)) : undefined;
	if (!round) error(404, 'not found');
	return round;
}
