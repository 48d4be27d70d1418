/**
 * The one source of reviewer pseudonyms: every page that names a reviewer of a round (the admin's
 * reading of reviews, the panel's discussion, the assignment report, the decision record) takes
 * the letter from here, so the same person has the same letter everywhere in the round and
 * another letter in another round. The letters follow the round's secret salt
 * (lib/domain/pseudonyms.ts), not the order anyone was invited or assigned in.
 */
import { randomBytes } from 'node:crypto';
import type { DB } from './db';
import { reviewerPseudonyms } from '../domain/pseudonyms';

/** The round's pseudonym salt, made on first use (concurrent first uses agree: only a null is replaced). */
async function pseudonymSalt(db: DB, roundId: number): Promise<string> {
	const current = await db.selectFrom('rounds').select('pseudonym_salt').where('id', '=', roundId).executeTakeFirstOrThrow();
	if (current.pseudonym_salt) return current.pseudonym_salt;
	await db
		.updateTable('rounds')
		.set({ pseudonym_salt: randomBytes(16).toString('hex') })
		.where('id', '=', roundId)
		.where('pseudonym_salt', 'is', null)
		.execute();
	const row = await db.selectFrom('rounds').select('pseudonym_salt').where('id', '=', roundId).executeTakeFirstOrThrow();
	return row.pseudonym_salt!;
}

/** Each reviewer's pseudonym letter in the round, by reviewer id: everyone ever assigned in it. */
export async function roundPseudonyms(db: DB, roundId: number): Promise<Map<number, string>> {
	const [salt, rows] = await Promise.all([
		pseudonymSalt(db, roundId),
		db.selectFrom('review_assignments').select('reviewer_id').distinct().where('round_id', '=', roundId).execute()
	]);
	return reviewerPseudonyms(salt, rows.map((r) => r.reviewer_id));
}
