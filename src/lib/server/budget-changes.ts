/**
 * Budget changes (预算调整) on a funded project: the station moves money between its budget lines
 * with a reason; a move over 10 % of a line waits for an admin's approval, a smaller one is in
 * force at once. The total, and so the award, never changes. Every write locks the project's
 * proposal row first (as grants.ts does), so two requests cannot both spend the same line.
 */
import type { DB } from './db';
import { lockRows, writeTransaction } from './db';
import { audit } from './audit';
import { notFound, ok, refuse, refuseField, type Outcome } from './outcome';
import { notify, recipients } from './notify';
import { getProposalContent } from './proposals';
import { lineTotalFen } from '../domain/budget';
import { currentBudget, inForce, moveProblem, needsApproval, type BudgetChangeStatus, type BudgetChangeView, type BudgetMove, type PlannedLine } from '../domain/budget-changes';

async function changeRows(db: DB, proposalId: number) {
	return db.selectFrom('budget_changes').selectAll().where('proposal_id', '=', proposalId).orderBy('id').execute();
}

const moveOf = (r: { from_line: number; to_line: number; amount_fen: number }): BudgetMove => ({ fromLine: r.from_line, toLine: r.to_line, amountFen: Number(r.amount_fen) });

/** The funded proposal's budget lines as planned, each at its total. */
async function plannedLines(db: DB, proposalId: number): Promise<PlannedLine[]> {
	const content = await getProposalContent(db, proposalId);
	return (content?.lines ?? []).map((l) => ({ item: l.item, budgetFen: lineTotalFen(l) }));
}

/** The project's budget as it stands: the plan after every change in force. */
export async function currentBudgetLines(db: DB, proposalId: number): Promise<PlannedLine[]> {
	const rows = await changeRows(db, proposalId);
	return currentBudget(await plannedLines(db, proposalId), rows.filter((r) => inForce(r.status)).map(moveOf));
}

/** The project's budget now, and every change asked for, oldest first (the history). */
export async function budgetChanges(db: DB, proposalId: number): Promise<{ lines: PlannedLine[]; changes: BudgetChangeView[] }> {
	const rows = await changeRows(db, proposalId);
	return {
		lines: currentBudget(await plannedLines(db, proposalId), rows.filter((r) => inForce(r.status)).map(moveOf)),
		changes: rows.map((r) => ({
			id: r.id,
			fromItem: r.from_item,
			toItem: r.to_item,
			amountFen: Number(r.amount_fen),
			reason: r.reason,
			status: r.status,
			requestedAt: r.requested_at,
			decidedAt: r.decided_at,
			decisionComment: r.decision_comment
		}))
	};
}

const PROBLEM_FIELD = { noLine: 'toLine', sameLine: 'toLine', notPositive: 'amount', overLine: 'amount' } as const;

export interface RequestBudgetChangeInput extends BudgetMove {
	proposalId: number;
	organisationId: number;
	reason: string;
	actorId: number;
}

/**
 * The station asks to move money between two of its lines. Only the project's own organisation,
 * after the agreement and before the project is closed. Returns the change's status: `applied`
 * when small enough to be in force at once, else `pending` (the round's admins are told).
 */
export async function requestBudgetChange(db: DB, input: RequestBudgetChangeInput, now = new Date()): Promise<Outcome<BudgetChangeStatus>> {
	return writeTransaction(db, async (trx) => {
		await lockRows(trx, 'proposals', [input.proposalId]);
		const project = await trx
			.selectFrom('proposals')
			.innerJoin('agreements', 'agreements.proposal_id', 'proposals.id')
			.select(['proposals.organisation_id', 'proposals.title', 'agreements.round_id'])
			.where('proposals.id', '=', input.proposalId)
			.executeTakeFirst();
		if (!project) {
			const own = await trx.selectFrom('proposals').select('organisation_id').where('id', '=', input.proposalId).executeTakeFirst();
			return own?.organisation_id === input.organisationId ? refuse('grants.err.noAgreement', undefined, 409) : notFound();
		}
		if (project.organisation_id !== input.organisationId) return notFound();
		const closed = await trx.selectFrom('project_closings').select('proposal_id').where('proposal_id', '=', input.proposalId).executeTakeFirst();
		if (closed) return refuse('grants.err.closed', undefined, 409);
		const rows = await changeRows(trx, input.proposalId);
		const lines = currentBudget(await plannedLines(trx, input.proposalId), rows.filter((r) => inForce(r.status)).map(moveOf));
		const pendingFromLine = rows.filter((r) => r.status === 'pending' && r.from_line === input.fromLine).reduce((sum, r) => sum + Number(r.amount_fen), 0);
		const move: BudgetMove = { fromLine: input.fromLine, toLine: input.toLine, amountFen: input.amountFen };
		const problem = moveProblem(lines, move, pendingFromLine);
		if (problem) {
			const left = lines[input.fromLine] ? lines[input.fromLine].budgetFen - pendingFromLine : 0;
			return refuseField(PROBLEM_FIELD[problem], `budgetChanges.err.${problem}`, problem === 'overLine' ? { left: (left / 100).toFixed(2) } : undefined);
		}
		const status: BudgetChangeStatus = needsApproval(lines, move) ? 'pending' : 'applied';
		const at = now.toISOString();
		const inserted = await trx
			.insertInto('budget_changes')
			.values({
				proposal_id: input.proposalId,
				from_line: input.fromLine,
				from_item: lines[input.fromLine].item,
				to_line: input.toLine,
				to_item: lines[input.toLine].item,
				amount_fen: input.amountFen,
				reason: input.reason,
				status,
				requested_by: input.actorId,
				requested_at: at,
				decided_by: null,
				decided_at: null,
				decision_comment: null
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		await audit(trx, {
			actorId: input.actorId,
			action: status === 'applied' ? 'budget.change_apply' : 'budget.change_request',
			entity: 'proposal',
			entityId: input.proposalId,
			reason: input.reason,
			detail: { changeId: inserted.id, fromItem: lines[input.fromLine].item, toItem: lines[input.toLine].item, amountFen: input.amountFen }
		});
		if (status === 'pending') {
			await notify(
				trx,
				(await recipients(trx, { role: 'admin' })).map((userId) => ({
					userId,
					kind: 'notice.budgetChangeRequested' as const,
					params: { title: project.title },
					link: `/admin/rounds/${project.round_id}/projects/${input.proposalId}/budget`
				})),
				now
			);
		}
		return ok(status);
	});
}

export interface DecideBudgetChangeInput {
	proposalId: number;
	roundId: number;
	changeId: number;
	decision: 'approve' | 'refuse';
	comment: string | null;
	actorId: number;
}

/**
 * An admin approves or refuses a waiting change. Approval checks again, under the lock, that the
 * line still has the money (changes in force since may have spent it); a refusal needs a comment.
 */
export async function decideBudgetChange(db: DB, input: DecideBudgetChangeInput, now = new Date()): Promise<Outcome<void>> {
	return writeTransaction(db, async (trx) => {
		await lockRows(trx, 'proposals', [input.proposalId]);
		const project = await trx
			.selectFrom('agreements')
			.innerJoin('proposals', 'proposals.id', 'agreements.proposal_id')
			.select(['agreements.round_id', 'proposals.organisation_id', 'proposals.title'])
			.where('agreements.proposal_id', '=', input.proposalId)
			.executeTakeFirst();
		if (!project) {
			// The round's funded project before its agreement: no change can have been asked for yet.
			const funded = await trx.selectFrom('proposals').select('round_id').where('id', '=', input.proposalId).where('status', '=', 'funded').executeTakeFirst();
			return funded?.round_id === input.roundId ? refuse('grants.err.noAgreement', undefined, 409) : notFound();
		}
		if (project.round_id !== input.roundId) return notFound();
		const rows = await changeRows(trx, input.proposalId);
		const change = rows.find((r) => r.id === input.changeId);
		if (!change) return notFound();
		if (change.status !== 'pending') return refuse('budgetChanges.err.decided', undefined, 409);
		if (input.decision === 'refuse' && !input.comment) return refuseField('comment', 'err.required');
		if (input.decision === 'approve') {
			// Requests keep waiting money out of later moves, so this holds unless rows were edited by hand.
			const lines = currentBudget(await plannedLines(trx, input.proposalId), rows.filter((r) => inForce(r.status)).map(moveOf));
			if (moveProblem(lines, moveOf(change))) return refuse('budgetChanges.err.noLongerFits', undefined, 409);
		}
		const at = now.toISOString();
		await trx
			.updateTable('budget_changes')
			.set({ status: input.decision === 'approve' ? 'approved' : 'refused', decided_by: input.actorId, decided_at: at, decision_comment: input.comment })
			.where('id', '=', change.id)
			.execute();
		await audit(trx, {
			actorId: input.actorId,
			action: input.decision === 'approve' ? 'budget.change_approve' : 'budget.change_refuse',
			entity: 'proposal',
			entityId: input.proposalId,
			reason: input.comment,
			detail: { changeId: change.id, fromItem: change.from_item, toItem: change.to_item, amountFen: Number(change.amount_fen) }
		});
		await notify(
			trx,
			(await recipients(trx, { organisationId: project.organisation_id })).map((userId) => ({
				userId,
				kind: input.decision === 'approve' ? ('notice.budgetChangeApproved' as const) : ('notice.budgetChangeRefused' as const),
				params: { title: project.title },
				link: `/station/proposals/${input.proposalId}/budget`
			})),
			now
		);
		return ok();
	});
}
