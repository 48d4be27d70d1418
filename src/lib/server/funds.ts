import { sql } from 'kysely';
import type { DB } from './db';
import { isUniqueViolation, lockRows, writeTransaction } from './db';
import { audit } from './audit';
import { notFound, ok, refuse, refuseField, type Outcome } from './outcome';
import { roundAccount } from './ledger';
import type { Round } from './schema';
import type { FundKind, SourceType } from '../domain/fund-ledger';
import { OUTSIDE, commitmentShortfall, fundAccount, isAmount, roundTotals, shortfall, type Move, type RoundTotals } from '../domain/fund-ledger';
import { formatFen } from '../domain/money';
import { approverOf, approving, fileRequest, needsSecondAdmin, pendingFen, pendingOutOfFund, reversalPending, type MoneyControl, type MoneyMove } from './four-eyes';
import { utcToZonedInput } from '../domain/time';

/**
 * Community charity funds (社区慈善基金) and the pool's other sources: the register, and the
 * money that enters a fund (an income: outside → fund) and leaves it for a round's pool (an
 * allocation: fund → round). Both are ledger entries. Every write locks the fund's row (and the
 * round's, for an allocation) first and keeps the fund's balance beside it, so a fund never goes
 * below zero even when two admins allocate at once; a round's pool (rounds.pool_fen) is kept equal
 * to what was allocated to it, so the funding line draws within money that is there.
 *
 * Over 500 lines on purpose: incomes, allocations and their reversals share the fund's lock, its
 * balance rule and the four-eyes filing; split apart, each would carry a copy of those. What the
 * public reads of the money is fund-disclosure.ts's.
 */

export interface FundRow {
	id: number;
	name: string;
	kind: FundKind;
	streetId: number | null;
	street: string | null;
	district: string | null;
	host: string;
	description: string;
	balanceFen: number;
}

function fundQuery(db: DB) {
	return db
		.selectFrom('funds')
		.leftJoin('places as street', 'street.id', 'funds.street_id')
		.leftJoin('places as district', 'district.id', 'street.parent_id')
		.select([
			'funds.id',
			'funds.name',
			'funds.kind',
			'funds.street_id',
			'funds.host',
			'funds.description',
			'funds.balance_fen',
			'street.name as street',
			'district.name as district'
		]);
}

function fundRow(r: Awaited<ReturnType<ReturnType<typeof fundQuery>['executeTakeFirstOrThrow']>>): FundRow {
	return {
		id: r.id,
		name: r.name,
		kind: r.kind,
		streetId: r.street_id,
		street: r.street,
		district: r.district,
		host: r.host,
		description: r.description,
		balanceFen: Number(r.balance_fen)
	};
}

const KIND_ORDER: Record<FundKind, number> = { federation: 0, street: 1, government: 2, sponsor: 3 };

/** Every fund: the federation's first, then streets, government money and sponsors, by name. */
export async function listFunds(db: DB): Promise<FundRow[]> {
	const rows = (await fundQuery(db).orderBy('funds.id').execute()).map(fundRow);
	return rows.sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.name.localeCompare(b.name, 'zh-CN'));
}

export async function getFund(db: DB, id: number): Promise<FundRow | undefined> {
	const row = await fundQuery(db).where('funds.id', '=', id).executeTakeFirst();
	return row && fundRow(row);
}

export interface FundInput {
	name: string;
	kind: FundKind;
	streetId: number | null;
	host: string;
	description: string;
}

/** Adds a fund, or changes one's name, kind, street, host and description (never its money). */
export async function saveFund(db: DB, id: number | null, input: FundInput, actorId: number): Promise<Outcome<number>> {
	if (input.kind === 'street') {
		if (input.streetId === null) return refuseField('streetId', 'funds.err.street');
		const street = await db.selectFrom('places').select('id').where('id', '=', input.streetId).where('kind', '=', 'street').executeTakeFirst();
		if (!street) return refuseField('streetId', 'funds.err.street');
	}
	const values = {
		name: input.name,
		kind: input.kind,
		street_id: input.kind === 'street' ? input.streetId : null,
		host: input.host,
		description: input.description
	};
	try {
		return await writeTransaction(db, async (trx) => {
			let fundId = id;
			if (fundId === null) {
				const row = await trx
					.insertInto('funds')
					.values({ ...values, created_by: actorId, created_at: new Date().toISOString() })
					.returning('id')
					.executeTakeFirstOrThrow();
				fundId = row.id;
			} else {
				const changed = await trx.updateTable('funds').set(values).where('id', '=', fundId).executeTakeFirst();
				if (Number(changed.numUpdatedRows) === 0) return notFound();
			}
			await audit(trx, {
				actorId,
				action: id === null ? 'fund.create' : 'fund.update',
				entity: 'fund',
				entityId: fundId,
				detail: { name: input.name, kind: input.kind, streetId: values.street_id }
			});
			return ok(fundId);
		});
	} catch (e) {
		if (isUniqueViolation(e, 'funds', ['name'])) return refuseField('name', 'funds.err.nameTaken');
		throw e;
	}
}

/** Today on the federation's wall clock (funds keep the default zone of DOMAIN.md). */
export function fundToday(now = new Date()): string {
	return utcToZonedInput(now.toISOString(), 'Asia/Shanghai').slice(0, 10);
}

// ---------------------------------------------------------------------------------------------
// Money: every write in one transaction that locks the fund first.
// ---------------------------------------------------------------------------------------------

/** Locks the fund's row and reads its balance; undefined when there is no such fund. */
async function lockedBalance(trx: DB, fundId: number): Promise<number | undefined> {
	await lockRows(trx, 'funds', [fundId]);
	const row = await trx.selectFrom('funds').select('balance_fen').where('id', '=', fundId).executeTakeFirst();
	return row && Number(row.balance_fen);
}

async function moveBalance(trx: DB, fundId: number, byFen: number): Promise<void> {
	await trx
		.updateTable('funds')
		.set({ balance_fen: sql`balance_fen + ${byFen}` })
		.where('id', '=', fundId)
		.execute();
}

/** A round's entries as moves, oldest first. */
export async function roundMoves(db: DB, roundId: number): Promise<Move[]> {
	const rows = await db
		.selectFrom('ledger_entries')
		.select(['id', 'kind', 'from_account', 'to_account', 'amount_fen', 'reverses_id'])
		.where('round_id', '=', roundId)
		.orderBy('id')
		.execute();
	return rows.map((r) => ({ id: r.id, kind: r.kind, from: r.from_account, to: r.to_account, amountFen: Number(r.amount_fen), reversesId: r.reverses_id }));
}

export async function roundMoney(db: DB, roundId: number): Promise<RoundTotals> {
	return roundTotals(await roundMoves(db, roundId));
}

/** Keeps the round's pool equal to what was allocated to it: the funding line's pool. */
async function syncPool(trx: DB, roundId: number): Promise<number> {
	const { allocatedFen } = await roundMoney(trx, roundId);
	await trx.updateTable('rounds').set({ pool_fen: allocatedFen }).where('id', '=', roundId).execute();
	return allocatedFen;
}

export interface IncomeInput {
	fundId: number;
	amountFen: number;
	/** The day the money was received, YYYY-MM-DD. */
	receivedOn: string;
	sourceType: SourceType;
	/** Kept private unless donorConsent. */
	donorName: string | null;
	donorConsent: boolean;
	campaign: string;
	reference: string;
	/** An import's reference: the same one is refused a second time for the fund. */
	importReference?: string | null;
	actorId: number | null;
}

/** Records money received into a fund (a donation or other income). Returns the entry's id. */
export async function recordIncome(db: DB, input: IncomeInput, now = new Date()): Promise<Outcome<number>> {
	if (!isAmount(input.amountFen)) return refuseField('amount', 'err.money');
	if (input.receivedOn > fundToday(now)) return refuseField('receivedOn', 'grants.err.future');
	return writeTransaction(db, (trx) => appendIncome(trx, input, now));
}

/** The income's entry and details, in the caller's transaction (the import writes many at once). */
export async function appendIncome(trx: DB, input: IncomeInput, now = new Date()): Promise<Outcome<number>> {
	if ((await lockedBalance(trx, input.fundId)) === undefined) return notFound();
	if (input.importReference) {
		const seen = await trx
			.selectFrom('fund_incomes')
			.select('entry_id')
			.where('fund_id', '=', input.fundId)
			.where('import_reference', '=', input.importReference)
			.executeTakeFirst();
		if (seen) return refuseField('reference', 'funds.err.duplicate', { reference: input.importReference });
	}
	const entry = await trx
		.insertInto('ledger_entries')
		.values({
			kind: 'income',
			from_account: OUTSIDE,
			to_account: fundAccount(input.fundId),
			amount_fen: input.amountFen,
			round_id: null,
			proposal_id: null,
			tranche_id: null,
			fund_id: input.fundId,
			reverses_id: null,
			occurred_on: input.receivedOn,
			reference: input.reference,
			reason: null,
			actor_id: input.actorId,
			created_at: now.toISOString()
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	await trx
		.insertInto('fund_incomes')
		.values({
			entry_id: entry.id,
			fund_id: input.fundId,
			source_type: input.sourceType,
			donor_name: input.donorName || null,
			donor_consent: input.donorConsent && input.donorName ? 1 : 0,
			campaign: input.campaign,
			import_reference: input.importReference || null
		})
		.execute();
	await moveBalance(trx, input.fundId, input.amountFen);
	// The donor's name stays out of the audit log: it is private without consent.
	await audit(trx, {
		actorId: input.actorId,
		action: 'fund.income',
		entity: 'fund',
		entityId: input.fundId,
		detail: { entryId: entry.id, amountFen: input.amountFen, receivedOn: input.receivedOn, sourceType: input.sourceType, campaign: input.campaign || undefined, reference: input.reference || undefined }
	});
	return ok(entry.id);
}

export interface AllocationInput {
	fundId: number;
	roundId: number;
	amountFen: number;
	allocatedOn: string;
	reason: string | null;
	actorId: number | null;
}

/**
 * Moves money from a fund to a round's pool, in the caller's transaction; refused, naming the
 * shortfall, when the fund does not hold it (less what pending requests will take out of it). The
 * round's pool becomes its allocated total. Under an admin form's control an allocation above the
 * threshold is filed as a request for a second admin instead (four-eyes.ts).
 */
export async function appendAllocation(trx: DB, input: AllocationInput, now = new Date(), control?: MoneyControl): Promise<Outcome<MoneyMove>> {
	if (!isAmount(input.amountFen)) return refuseField('amount', 'err.money');
	await lockRows(trx, 'rounds', [input.roundId]);
	const held = await lockedBalance(trx, input.fundId);
	if (held === undefined) return notFound();
	const round = await trx.selectFrom('rounds').select('id').where('id', '=', input.roundId).executeTakeFirst();
	if (!round) return refuseField('roundId', 'err.choice');
	const balance = held - (await pendingOutOfFund(trx, input.fundId, approving(control)));
	const short = shortfall(balance, input.amountFen);
	if (short > 0) return refuseField('amount', 'funds.err.fundShort', { balance: formatFen(balance), shortfall: formatFen(short) });
	if (needsSecondAdmin(control, input.amountFen) && input.actorId !== null) {
		return ok(
			await fileRequest(
				trx,
				{ kind: 'allocation', amountFen: input.amountFen, roundId: input.roundId, fundId: input.fundId, occurredOn: input.allocatedOn, reason: input.reason, requestedBy: input.actorId },
				now
			)
		);
	}
	const approvedBy = approverOf(control);
	const entry = await trx
		.insertInto('ledger_entries')
		.values({
			kind: 'allocation',
			from_account: fundAccount(input.fundId),
			to_account: roundAccount(input.roundId),
			amount_fen: input.amountFen,
			round_id: input.roundId,
			proposal_id: null,
			tranche_id: null,
			fund_id: input.fundId,
			reverses_id: null,
			occurred_on: input.allocatedOn,
			reference: '',
			reason: input.reason,
			actor_id: input.actorId,
			approved_by: approvedBy,
			created_at: now.toISOString()
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	await moveBalance(trx, input.fundId, -input.amountFen);
	const poolFen = await syncPool(trx, input.roundId);
	await audit(trx, {
		actorId: approvedBy ?? input.actorId,
		action: 'fund.allocate',
		entity: 'fund',
		entityId: input.fundId,
		reason: input.reason,
		detail: { entryId: entry.id, roundId: input.roundId, amountFen: input.amountFen, poolFen, requestedBy: approvedBy ? input.actorId : undefined }
	});
	return ok({ entryId: entry.id, requestId: null });
}

export async function allocate(db: DB, input: AllocationInput, now = new Date(), control?: MoneyControl): Promise<Outcome<MoneyMove>> {
	return writeTransaction(db, (trx) => appendAllocation(trx, input, now, control));
}

/** What the funding line has given out in a round (provisional or final): the pool may not drop below it. */
async function awardedOnLine(db: DB, roundId: number): Promise<number> {
	const { awarded } = await db
		.selectFrom('proposals')
		.select(sql<number>`coalesce(sum(award_fen), 0)`.as('awarded'))
		.where('round_id', '=', roundId)
		.where('award_fen', 'is not', null)
		.executeTakeFirstOrThrow();
	return Number(awarded);
}

export interface FundReversalInput {
	fundId: number;
	entryId: number;
	reason: string;
	actorId: number;
}

/**
 * Takes back an income or an allocation recorded by mistake: a reversing entry with the reason.
 * Refused when it would take the fund below zero (an income already allocated), or a round's pool
 * below what it committed or its funding line awarded, counting what pending requests hold.
 */
export async function reverseFundEntry(db: DB, input: FundReversalInput, now = new Date(), control?: MoneyControl): Promise<Outcome<MoneyMove>> {
	return writeTransaction(db, (trx) => fundReversalIn(trx, input, now, control));
}

/** reverseFundEntry in the caller's transaction (an approval's). */
export async function fundReversalIn(trx: DB, input: FundReversalInput, now: Date, control?: MoneyControl): Promise<Outcome<MoneyMove>> {
	const entry = await trx
		.selectFrom('ledger_entries')
		.selectAll()
		.where('id', '=', input.entryId)
		.where('fund_id', '=', input.fundId)
		.where('reverses_id', 'is', null)
		.where('kind', 'in', ['income', 'allocation'])
		.executeTakeFirst();
	if (!entry) return notFound();
	if (entry.round_id !== null) await lockRows(trx, 'rounds', [entry.round_id]);
	const held = await lockedBalance(trx, input.fundId);
	if (held === undefined) return notFound();
	const taken = await trx.selectFrom('ledger_entries').select('id').where('reverses_id', '=', entry.id).executeTakeFirst();
	if (taken) return refuse('grants.err.reversed', undefined, 409);
	const except = approving(control);
	if (await reversalPending(trx, 'fund_reversal', entry.id, except)) return refuse('approvals.err.pendingSame', undefined, 409);
	const amountFen = Number(entry.amount_fen);
	if (entry.kind === 'income') {
		const balance = held - (await pendingOutOfFund(trx, input.fundId, except));
		const short = shortfall(balance, amountFen);
		if (short > 0) return refuse('funds.err.reverseIncome', { balance: formatFen(balance), shortfall: formatFen(short) }, 409);
	} else {
		const money = await roundMoney(trx, entry.round_id!);
		const floor = Math.max(money.committedFen, await awardedOnLine(trx, entry.round_id!));
		const pendingBack = await pendingFen(trx, { kind: 'fund_reversal', roundId: entry.round_id!, entryKind: 'allocation' }, except);
		if (money.allocatedFen - pendingBack - amountFen < floor) return refuse('funds.err.reverseAllocation', { floor: formatFen(floor) }, 409);
	}
	if (needsSecondAdmin(control, amountFen)) {
		return ok(
			await fileRequest(
				trx,
				{
					kind: 'fund_reversal',
					amountFen,
					roundId: entry.round_id,
					fundId: input.fundId,
					entryId: entry.id,
					entryKind: entry.kind,
					reason: input.reason,
					requestedBy: input.actorId
				},
				now
			)
		);
	}
	const approvedBy = approverOf(control);
	const reversal = await trx
		.insertInto('ledger_entries')
		.values({
			kind: entry.kind,
			from_account: entry.to_account,
			to_account: entry.from_account,
			amount_fen: amountFen,
			round_id: entry.round_id,
			proposal_id: null,
			tranche_id: null,
			fund_id: entry.fund_id,
			reverses_id: entry.id,
			occurred_on: fundToday(now),
			reference: entry.reference,
			reason: input.reason,
			actor_id: input.actorId,
			approved_by: approvedBy,
			created_at: now.toISOString()
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	await moveBalance(trx, input.fundId, entry.kind === 'income' ? -amountFen : amountFen);
	if (entry.round_id !== null) await syncPool(trx, entry.round_id);
	await audit(trx, {
		actorId: approvedBy ?? input.actorId,
		action: 'fund.reverse',
		entity: 'fund',
		entityId: input.fundId,
		reason: input.reason,
		detail: { entryId: entry.id, kind: entry.kind, amountFen, roundId: entry.round_id ?? undefined, requestedBy: approvedBy ? input.actorId : undefined }
	});
	return ok({ entryId: reversal.id, requestId: null });
}

/**
 * Whether the round may commit `amountFen` more (an agreement's award): its commitments never
 * exceed its allocations. Called inside the writer's transaction; locks the round's row.
 */
export async function commitmentRefusal(trx: DB, roundId: number, amountFen: number): Promise<Outcome<void>> {
	await lockRows(trx, 'rounds', [roundId]);
	const money = await roundMoney(trx, roundId);
	// A pending reversal of an allocation may take that money back: it is not there to commit.
	const allocatedFen = money.allocatedFen - (await pendingFen(trx, { kind: 'fund_reversal', roundId, entryKind: 'allocation' }, null));
	const short = commitmentShortfall({ ...money, allocatedFen }, amountFen);
	if (short > 0) return refuse('funds.err.overAllocated', { allocated: formatFen(allocatedFen), shortfall: formatFen(short) }, 409);
	return ok();
}

/**
 * An admin's typed pool: the funding line's pool is what was allocated, so a bigger one is refused
 * naming the shortfall, and a smaller one points to reversing an allocation. An unchanged pool
 * passes (a round may predate its allocations only in a test's world).
 */
export async function poolRefusal(db: DB, round: Pick<Round, 'id' | 'pool_fen'>, poolFen: number): Promise<Outcome<void>> {
	if (poolFen === round.pool_fen) return ok();
	const { allocatedFen } = await roundMoney(db, round.id);
	if (poolFen > allocatedFen) return refuseField('pool', 'funds.err.poolShortfall', { allocated: formatFen(allocatedFen), shortfall: formatFen(poolFen - allocatedFen) });
	if (poolFen < allocatedFen) return refuseField('pool', 'funds.err.poolBelowAllocated', { allocated: formatFen(allocatedFen) });
	return ok();
}

/** Funds a new round's pool may come from: those holding at least `poolFen`. */
export async function fundsCovering(db: DB, poolFen: number): Promise<FundRow[]> {
	return (await listFunds(db)).filter((f) => f.balanceFen >= poolFen);
}

export interface AdminFundEntry {
	id: number;
	date: string;
	kind: 'income' | 'allocation';
	amountFen: number;
	sourceType: SourceType | null;
	/** Private unless consent: the admin's page only. */
	donorName: string | null;
	donorConsent: boolean;
	campaign: string;
	reference: string;
	round: string | null;
	reversesId: number | null;
	reversed: boolean;
	reason: string | null;
}

/** The fund's entries for its admin page, newest first: donors' names included (they are private there). */
export async function adminFundEntries(db: DB, fundId: number): Promise<AdminFundEntry[]> {
	const rows = await db
		.selectFrom('ledger_entries')
		.leftJoin('fund_incomes', 'fund_incomes.entry_id', 'ledger_entries.id')
		.leftJoin('rounds', 'rounds.id', 'ledger_entries.round_id')
		.select([
			'ledger_entries.id',
			'ledger_entries.kind',
			'ledger_entries.occurred_on',
			'ledger_entries.amount_fen',
			'ledger_entries.reverses_id',
			'ledger_entries.reference',
			'ledger_entries.reason',
			'fund_incomes.source_type',
			'fund_incomes.donor_name',
			'fund_incomes.donor_consent',
			'fund_incomes.campaign',
			'rounds.title as round'
		])
		.where('ledger_entries.fund_id', '=', fundId)
		.orderBy('ledger_entries.id', 'desc')
		.execute();
	const reversed = new Set(rows.map((r) => r.reverses_id).filter((id) => id !== null));
	return rows.map((r) => ({
		id: r.id,
		date: r.occurred_on,
		kind: r.kind === 'income' ? 'income' : 'allocation',
		amountFen: Number(r.amount_fen),
		sourceType: r.source_type,
		donorName: r.donor_name,
		donorConsent: r.donor_consent === 1,
		campaign: r.campaign ?? '',
		reference: r.reference,
		round: r.round,
		reversesId: r.reverses_id,
		reversed: reversed.has(r.id),
		reason: r.reason
	}));
}

/** Rounds a fund may allocate to: any round not closed yet, newest first. */
export async function roundsToAllocate(db: DB): Promise<{ value: number; label: string }[]> {
	const rows = await db.selectFrom('rounds').select(['id', 'title', 'year']).orderBy('year', 'desc').orderBy('id', 'desc').execute();
	return rows.map((r) => ({ value: r.id, label: r.title }));
}
