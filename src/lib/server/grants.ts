import type { DB } from './db';
import { lockRows, writeTransaction } from './db';
import { audit } from './audit';
import { projectLedger, todayIn } from './grant-views';
import { notFound, ok, refuse, refuseField, type Outcome } from './outcome';
import { appendEntry, appendReversal } from './ledger';
import { paymentRefusal, returnRefusal } from '../domain/ledger';
import { DEFAULT_TRANCHE_PERCENTS, conditionsFor, planRefusal, splitByPercents, type ClosingOutcome } from '../domain/project-lifecycle';
import { commitmentRefusal } from './funds';
import { pledgeMatching } from './matching';
import {
	approverOf,
	approving,
	fileRequest,
	needsSecondAdmin,
	pendingFen,
	reversalPending,
	type MoneyControl,
	type MoneyMove
} from './four-eyes';

/**
 * A funded project after the award: its agreement (签约) and tranche plan, its payments (拨付,
 * ledger entries), and its closing (结项). Every write locks the project's proposal row first, so
 * two admins paying at once are served one after the other and the second sees the first's entry.
 */
// ---------------------------------------------------------------------------------------------
// Writes: each in one transaction that locks the project's proposal row first.
// ---------------------------------------------------------------------------------------------

/** Locks the project and reads it again inside the transaction; undefined when it is not funded. */
async function lockedProject(trx: DB, proposalId: number) {
	await lockRows(trx, 'proposals', [proposalId]);
	return projectLedger(trx, proposalId);
}

export interface AgreementInput {
	proposalId: number;
	roundId: number;
	number: string;
	signedOn: string;
	payeeAccountName: string;
	/** A custom plan in fen; null for the round's default percents. */
	amountsFen: number[] | null;
	planReason: string | null;
	actorId: number;
}

/** Records the signed agreement, its tranche plan, and the award's commitment from the round's pool. */
export async function recordAgreement(db: DB, input: AgreementInput, now = new Date()): Promise<Outcome<void>> {
	return writeTransaction(db, async (trx) => {
		const view = await lockedProject(trx, input.proposalId);
		if (!view || view.project.round.id !== input.roundId) return notFound();
		if (view.agreement) return refuse('grants.err.agreementExists', undefined, 409);
		if (input.signedOn > todayIn(view.project.round.time_zone, now)) return refuseField('signedOn', 'grants.err.future');
		const awardFen = view.project.awardFen;
		const amounts = input.amountsFen ?? splitByPercents(awardFen, DEFAULT_TRANCHE_PERCENTS)!;
		const wrong = planRefusal(awardFen, amounts);
		if (wrong) return refuseField('plan', `grants.err.plan.${wrong}`);
		const isDefault = amounts.join() === splitByPercents(awardFen, DEFAULT_TRANCHE_PERCENTS)!.join();
		if (!isDefault && !input.planReason) return refuseField('planReason', 'grants.err.planReason');
		// The award is committed from the round's pool: never more than funds allocated to it.
		const room = await commitmentRefusal(trx, input.roundId, awardFen);
		if (!room.ok) return room;
		const at = now.toISOString();
		await trx
			.insertInto('agreements')
			.values({
				proposal_id: input.proposalId,
				round_id: input.roundId,
				number: input.number,
				signed_on: input.signedOn,
				award_fen: awardFen,
				payee_account_name: input.payeeAccountName,
				plan_reason: isDefault ? null : input.planReason,
				recorded_by: input.actorId,
				recorded_at: at
			})
			.execute();
		const conditions = conditionsFor(amounts.length);
		await trx
			.insertInto('tranches')
			.values(
				amounts.map((amount_fen, i) => ({
					proposal_id: input.proposalId,
					position: i + 1,
					amount_fen,
					condition: conditions[i],
					condition_met_at: conditions[i] === 'signing' ? at : null,
					condition_met_by: conditions[i] === 'signing' ? input.actorId : null,
					condition_reason: null
				}))
			)
			.execute();
		await appendEntry(
			trx,
			{ kind: 'commitment', roundId: input.roundId, proposalId: input.proposalId, amountFen: awardFen, occurredOn: input.signedOn, reference: input.number, actorId: input.actorId },
			now
		);
		// Beside the money, a memo of the matching the proposal pledged (matching.ts).
		await pledgeMatching(trx, { roundId: input.roundId, proposalId: input.proposalId, signedOn: input.signedOn, actorId: input.actorId }, now);
		await audit(trx, {
			actorId: input.actorId,
			action: 'grant.agreement',
			entity: 'proposal',
			entityId: input.proposalId,
			reason: isDefault ? null : input.planReason,
			detail: { number: input.number, signedOn: input.signedOn, awardFen, tranchesFen: amounts }
		});
		return ok();
	});
}

/**
 * Records a tranche's condition as met by an admin, with a reason: until reports are accepted in
 * the portal, this is how the mid-term and final tranches are released.
 */
export async function recordConditionMet(
	db: DB,
	input: { proposalId: number; roundId: number; trancheId: number; reason: string; actorId: number },
	now = new Date()
): Promise<Outcome<void>> {
	return writeTransaction(db, async (trx) => {
		const view = await lockedProject(trx, input.proposalId);
		if (!view || view.project.round.id !== input.roundId) return notFound();
		const tranche = view.tranches.find((t) => t.id === input.trancheId);
		if (!tranche) return notFound();
		if (view.closing) return refuse('grants.err.closed', undefined, 409);
		if (tranche.conditionMetAt) return refuse('grants.err.conditionMet', undefined, 409);
		await trx
			.updateTable('tranches')
			.set({ condition_met_at: now.toISOString(), condition_met_by: input.actorId, condition_reason: input.reason })
			.where('id', '=', tranche.id)
			.execute();
		await audit(trx, {
			actorId: input.actorId,
			action: 'grant.condition_met',
			entity: 'proposal',
			entityId: input.proposalId,
			reason: input.reason,
			detail: { tranche: tranche.position, condition: tranche.condition }
		});
		return ok();
	});
}

export interface PaymentInput {
	proposalId: number;
	roundId: number;
	trancheId: number;
	amountFen: number;
	paidOn: string;
	reference: string;
	actorId: number;
}

/**
 * Records a payment of a tranche: its condition met, no more than the tranche's rest, never beyond
 * the award, counting what pending requests already hold. Under an admin form's control a payment
 * above the threshold is filed as a request instead (four-eyes.ts); an approval re-runs every rule.
 */
export async function recordPayment(db: DB, input: PaymentInput, now = new Date(), control?: MoneyControl): Promise<Outcome<MoneyMove>> {
	return writeTransaction(db, (trx) => paymentIn(trx, input, now, control));
}

/** recordPayment in the caller's transaction (an approval's). */
export async function paymentIn(trx: DB, input: PaymentInput, now: Date, control?: MoneyControl): Promise<Outcome<MoneyMove>> {
	const view = await lockedProject(trx, input.proposalId);
	if (!view || view.project.round.id !== input.roundId) return notFound();
	if (!view.agreement) return refuse('grants.err.noAgreement', undefined, 409);
	if (view.closing) return refuse('grants.err.closed', undefined, 409);
	const tranche = view.tranches.find((t) => t.id === input.trancheId);
	if (!tranche) return refuseField('trancheId', 'err.choice');
	if (!tranche.conditionMetAt) return refuse('grants.err.conditionNotMet', { position: tranche.position }, 409);
	if (tranche.withheld) return refuse('evaluation.err.withheld', { position: tranche.position }, 409);
	if (input.paidOn < view.agreement.signedOn) return refuseField('paidOn', 'grants.err.beforeSigning');
	if (input.paidOn > todayIn(view.project.round.time_zone, now)) return refuseField('paidOn', 'grants.err.future');
	const except = approving(control);
	const pendingOfTranche = await pendingFen(trx, { kind: 'payment', trancheId: tranche.id }, except);
	if (tranche.paidFen + pendingOfTranche + input.amountFen > tranche.amountFen) return refuseField('amount', 'grants.err.overTranche', { position: tranche.position });
	const pendingOfProject = await pendingFen(trx, { kind: 'payment', proposalId: input.proposalId }, except);
	const wrong = paymentRefusal({ ...view.money, paidFen: view.money.paidFen + pendingOfProject }, input.amountFen);
	if (wrong) return refuseField('amount', `grants.err.${wrong}`);
	if (needsSecondAdmin(control, input.amountFen)) {
		return ok(
			await fileRequest(
				trx,
				{
					kind: 'payment',
					amountFen: input.amountFen,
					roundId: input.roundId,
					proposalId: input.proposalId,
					trancheId: tranche.id,
					occurredOn: input.paidOn,
					reference: input.reference,
					requestedBy: input.actorId
				},
				now
			)
		);
	}
	const approvedBy = approverOf(control);
	const entryId = await appendEntry(
		trx,
		{
			kind: 'payment',
			roundId: input.roundId,
			proposalId: input.proposalId,
			trancheId: tranche.id,
			amountFen: input.amountFen,
			occurredOn: input.paidOn,
			reference: input.reference,
			actorId: input.actorId,
			approvedBy
		},
		now
	);
	await audit(trx, {
		actorId: approvedBy ?? input.actorId,
		action: 'grant.payment',
		entity: 'proposal',
		entityId: input.proposalId,
		detail: { tranche: tranche.position, amountFen: input.amountFen, paidOn: input.paidOn, reference: input.reference, requestedBy: approvedBy ? input.actorId : undefined }
	});
	return ok({ entryId, requestId: null });
}

export interface ReversalInput {
	proposalId: number;
	roundId: number;
	entryId: number;
	reason: string;
	actorId: number;
}

/** Takes back a payment or a return recorded by mistake, with a reversing entry and a reason. */
export async function reverseEntry(db: DB, input: ReversalInput, now = new Date(), control?: MoneyControl): Promise<Outcome<MoneyMove>> {
	return writeTransaction(db, (trx) => reversalIn(trx, input, now, control));
}

/** reverseEntry in the caller's transaction (an approval's). */
export async function reversalIn(trx: DB, input: ReversalInput, now: Date, control?: MoneyControl): Promise<Outcome<MoneyMove>> {
	const view = await lockedProject(trx, input.proposalId);
	if (!view || view.project.round.id !== input.roundId) return notFound();
	const entry = view.entries.find((e) => e.id === input.entryId);
	if (!entry || entry.kind === 'commitment' || entry.reversesId !== null) return notFound();
	if (entry.reversed) return refuse('grants.err.reversed', undefined, 409);
	const except = approving(control);
	if (await reversalPending(trx, 'reversal', entry.id, except)) return refuse('approvals.err.pendingSame', undefined, 409);
	// Taking back a payment must not leave more returned than paid (nor would the pending reversals).
	if (entry.kind === 'payment') {
		const pendingBack = await pendingFen(trx, { kind: 'reversal', proposalId: input.proposalId, entryKind: 'payment' }, except);
		if (view.money.paidFen - pendingBack - entry.amountFen < view.money.returnedFen) return refuse('grants.err.returnsExceed', undefined, 409);
	}
	if (needsSecondAdmin(control, entry.amountFen)) {
		return ok(
			await fileRequest(
				trx,
				{
					kind: 'reversal',
					amountFen: entry.amountFen,
					roundId: input.roundId,
					proposalId: input.proposalId,
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
	const entryId = await appendReversal(trx, entry, { reason: input.reason, occurredOn: todayIn(view.project.round.time_zone, now), actorId: input.actorId, approvedBy }, now);
	await audit(trx, {
		actorId: approvedBy ?? input.actorId,
		action: 'grant.reverse',
		entity: 'proposal',
		entityId: input.proposalId,
		reason: input.reason,
		detail: { entryId: entry.id, kind: entry.kind, amountFen: entry.amountFen, requestedBy: approvedBy ? input.actorId : undefined }
	});
	return ok({ entryId, requestId: null });
}

export interface ClosingInput {
	proposalId: number;
	roundId: number;
	outcome: ClosingOutcome;
	closedOn: string;
	note: string;
	returnDueFen: number;
	actorId: number;
}

/** Closes the project (结项): completed, or terminated with the unspent amount to be returned. */
export async function closeProject(db: DB, input: ClosingInput, now = new Date()): Promise<Outcome<void>> {
	return writeTransaction(db, async (trx) => {
		const view = await lockedProject(trx, input.proposalId);
		if (!view || view.project.round.id !== input.roundId) return notFound();
		if (!view.agreement) return refuse('grants.err.noAgreement', undefined, 409);
		if (view.closing) return refuse('grants.err.closed', undefined, 409);
		if (input.closedOn < view.agreement.signedOn) return refuseField('closedOn', 'grants.err.beforeSigning');
		if (input.closedOn > todayIn(view.project.round.time_zone, now)) return refuseField('closedOn', 'grants.err.future');
		if (input.returnDueFen > view.money.paidFen - view.money.returnedFen) return refuseField('returnDue', 'grants.err.overPaid');
		await trx
			.insertInto('project_closings')
			.values({
				proposal_id: input.proposalId,
				outcome: input.outcome,
				closed_on: input.closedOn,
				note: input.note,
				return_due_fen: input.returnDueFen,
				recorded_by: input.actorId,
				recorded_at: now.toISOString()
			})
			.execute();
		await audit(trx, {
			actorId: input.actorId,
			action: 'grant.close',
			entity: 'proposal',
			entityId: input.proposalId,
			reason: input.note,
			detail: { outcome: input.outcome, closedOn: input.closedOn, returnDueFen: input.returnDueFen }
		});
		return ok();
	});
}

/** Records unspent money returned by the station (outside → round pool), after the project closed. */
export async function recordReturn(
	db: DB,
	input: { proposalId: number; roundId: number; amountFen: number; returnedOn: string; reference: string; actorId: number },
	now = new Date()
): Promise<Outcome<void>> {
	return writeTransaction(db, async (trx) => {
		const view = await lockedProject(trx, input.proposalId);
		if (!view || view.project.round.id !== input.roundId) return notFound();
		if (!view.closing) return refuse('grants.err.notClosed', undefined, 409);
		if (input.returnedOn > todayIn(view.project.round.time_zone, now)) return refuseField('returnedOn', 'grants.err.future');
		const wrong = returnRefusal(view.money, input.amountFen);
		if (wrong) return refuseField('amount', `grants.err.${wrong}`);
		await appendEntry(
			trx,
			{ kind: 'return', roundId: input.roundId, proposalId: input.proposalId, amountFen: input.amountFen, occurredOn: input.returnedOn, reference: input.reference, actorId: input.actorId },
			now
		);
		await audit(trx, {
			actorId: input.actorId,
			action: 'grant.return',
			entity: 'proposal',
			entityId: input.proposalId,
			detail: { amountFen: input.amountFen, returnedOn: input.returnedOn, reference: input.reference }
		});
		return ok();
	});
}
