import type { DB } from '../db';
import { allocate, recordIncome, saveFund, type IncomeInput } from '../funds';
import type { FundKind } from '../../domain/fund-ledger';

/**
 * Seeds' and tests' way to put money behind a round: a fund, its incomes and its allocations,
 * through the same functions an admin's forms use (so the ledger they leave reconciles).
 */

function must<T>(outcome: { ok: true; value: T } | { ok: false; errors: unknown }, what: string): T {
	if (!outcome.ok) throw new Error(`${what}: ${JSON.stringify(outcome.errors)}`);
	return outcome.value;
}

/** The fund named `name`, added when missing. */
export async function seedFund(
	db: DB,
	input: { name: string; kind: FundKind; streetId?: number | null; host?: string; description?: string },
	actorId: number | null
): Promise<number> {
	const found = await db.selectFrom('funds').select('id').where('name', '=', input.name).executeTakeFirst();
	if (found) return found.id;
	// saveFund audits with an actor; a seed without one writes the row itself.
	if (actorId === null) {
		const row = await db
			.insertInto('funds')
			.values({ name: input.name, kind: input.kind, street_id: input.streetId ?? null, host: input.host ?? '', description: input.description ?? '', created_by: null, created_at: new Date().toISOString() })
			.returning('id')
			.executeTakeFirstOrThrow();
		return row.id;
	}
	return must(await saveFund(db, null, { name: input.name, kind: input.kind, streetId: input.streetId ?? null, host: input.host ?? '', description: input.description ?? '' }, actorId), 'fund');
}

export async function seedIncome(db: DB, input: Omit<IncomeInput, 'donorName' | 'donorConsent' | 'campaign' | 'reference'> & Partial<IncomeInput>, now?: Date) {
	return must(
		await recordIncome(db, { donorName: null, donorConsent: false, campaign: '', reference: '', ...input }, now ?? new Date(`${input.receivedOn}T12:00:00+08:00`)),
		'income'
	);
}

/** Gives `roundId` a pool of `amountFen`: an opening income into `fundId`, then the allocation. */
export async function fundRound(db: DB, input: { fundId: number; roundId: number; amountFen: number; on: string; actorId: number | null; withIncome?: boolean }) {
	if (input.withIncome !== false) {
		await seedIncome(db, { fundId: input.fundId, amountFen: input.amountFen, receivedOn: input.on, sourceType: 'federation', actorId: input.actorId });
	}
	return must(
		await allocate(db, { fundId: input.fundId, roundId: input.roundId, amountFen: input.amountFen, allocatedOn: input.on, reason: null, actorId: input.actorId }),
		'allocation'
	);
}
