import type { DB } from './db';
import { lockRows, writeTransaction } from './db';
import type { Round } from './schema';
import { audit } from './audit';
import { notFound, ok, refuse, refuseField, type Outcome } from './outcome';
import { publishedRecord } from './results';
import { appendEntry, appendReversal, moneyOf, paidByProject, projectEntries, type LedgerRow } from './ledger';
import { paymentRefusal, returnRefusal, type ProjectMoney } from '../domain/ledger';
import {
	DEFAULT_TRANCHE_PERCENTS,
	conditionsFor,
	planRefusal,
	progressPercent,
	reportDueDates,
	splitByPercents,
	timeline,
	type ClosingOutcome,
	type Milestone,
	type TrancheCondition
} from '../domain/project-lifecycle';
import { utcToZonedInput } from '../domain/time';
import { grantStage, type GrantStage } from '../domain/status';
import { CONDITION_OF, REPORT_KINDS, beneficiaryVisits, spentFen, type ReportContent, type ReportKind, type ReportStatus } from '../domain/project-reports';
import { commitmentRefusal } from './funds';
import { evaluationFactsFor, type EvaluationFacts } from './evaluation-facts';
import { publicGrade } from '../domain/evaluation';
import { pledgeMatching } from './matching';
import { approverOf, approving, fileRequest, needsSecondAdmin, pendingFen, reversalPending, type MoneyControl, type MoneyMove } from './four-eyes';

/**
 * A funded project after the award: its agreement (签约) and tranche plan, its payments (拨付,
 * ledger entries), and its closing (结项). Every write locks the project's proposal row first, so
 * two admins paying at once are served one after the other and the second sees the first's entry.
 */

/** Today's date (YYYY-MM-DD) on the round's wall clock. */
export function todayIn(timeZone: string, now = new Date()): string {
	return utcToZonedInput(now.toISOString(), timeZone).slice(0, 10);
}

export interface FundedProject {
	id: number;
	title: string;
	organisationId: number;
	organisation: string;
	awardFen: number;
	round: Round;
}

/** A project on its round's confirmed list, with the award as published; undefined otherwise. */
export async function fundedProject(db: DB, proposalId: number): Promise<FundedProject | undefined> {
	const row = await db
		.selectFrom('proposals')
		.select(['id', 'round_id', 'organisation_id'])
		.where('id', '=', proposalId)
		.where('status', '=', 'funded')
		.executeTakeFirst();
	if (!row) return undefined;
	const round = await db.selectFrom('rounds').selectAll().where('id', '=', row.round_id).executeTakeFirstOrThrow();
	const record = await publishedRecord(db, round);
	const details = record?.projects[String(proposalId)];
	if (!details) return undefined;
	return {
		id: row.id,
		title: details.title,
		organisationId: row.organisation_id,
		organisation: details.organisation,
		awardFen: details.awardFen,
		round
	};
}

/**
 * A confirmed round's money so far: what its list awarded (the frozen record) and what has been
 * paid out of it (the ledger, net of reversals); null before the list is final.
 */
export async function roundPaidOfAwarded(db: DB, round: Round): Promise<{ awardedFen: number; paidFen: number } | null> {
	const record = await publishedRecord(db, round);
	if (!record) return null;
	const funded = record.line.filter((r) => r.funded).map((r) => ({ id: r.id, awardFen: r.awardFen ?? 0 }));
	const paid = await paidByProject(db, funded.map((p) => p.id));
	return {
		awardedFen: funded.reduce((sum, p) => sum + p.awardFen, 0),
		paidFen: [...paid.values()].reduce((sum, fen) => sum + fen, 0)
	};
}

export interface TrancheView {
	id: number;
	position: number;
	amountFen: number;
	condition: TrancheCondition;
	conditionMetAt: string | null;
	conditionReason: string | null;
	paidFen: number;
	/** The day of its last payment, once paid in full. */
	paidOn: string | null;
	/** Not payable although its condition is met: the final evaluation graded it 不合格 (evaluations). */
	withheld: boolean;
}

export interface AgreementView {
	number: string;
	signedOn: string;
	awardFen: number;
	payeeAccountName: string;
	planReason: string | null;
}

export interface ProjectLedger {
	project: FundedProject;
	agreement: AgreementView | null;
	tranches: TrancheView[];
	entries: LedgerRow[];
	money: ProjectMoney;
	closing: { outcome: ClosingOutcome; closedOn: string; note: string; returnDueFen: number } | null;
	stage: GrantStage;
	progress: number;
	timeline: Milestone[];
	/** The station's reports as the public may see them once accepted (project-reports.ts writes them). */
	reports: ReportFacts[];
	/** The reports' evaluations and whether they withhold the last tranche (evaluations.ts writes them). */
	evaluation: EvaluationFacts;
}

export interface ReportFacts {
	kind: ReportKind;
	status: ReportStatus;
	submittedAt: string | null;
	acceptedAt: string | null;
	content: ReportContent;
}

/** Everything about a funded project's money and stage; the pages pick what each role sees. */
export async function projectLedger(db: DB, proposalId: number): Promise<ProjectLedger | undefined> {
	const project = await fundedProject(db, proposalId);
	if (!project) return undefined;
	const agreementRow = await db.selectFrom('agreements').selectAll().where('proposal_id', '=', proposalId).executeTakeFirst();
	const trancheRows = await db.selectFrom('tranches').selectAll().where('proposal_id', '=', proposalId).orderBy('position').execute();
	const closingRow = await db.selectFrom('project_closings').selectAll().where('proposal_id', '=', proposalId).executeTakeFirst();
	const reportRows = await db
		.selectFrom('project_reports')
		.select(['kind', 'status', 'first_submitted_at', 'accepted_at', 'content'])
		.where('proposal_id', '=', proposalId)
		.orderBy('kind', 'desc')
		.execute();
	const reports = reportRows.map((r): ReportFacts => ({
		kind: r.kind,
		status: r.status,
		submittedAt: r.first_submitted_at,
		acceptedAt: r.accepted_at,
		content: JSON.parse(r.content) as ReportContent
	}));
	const entries = await projectEntries(db, proposalId);
	const money = moneyOf(entries);
	const evaluation = await evaluationFactsFor(db, proposalId);
	const livePayments = entries.filter((e) => e.kind === 'payment' && e.reversesId === null && !e.reversed);
	const tranches = trancheRows.map((t): TrancheView => {
		const payments = livePayments.filter((e) => e.trancheId === t.id);
		const paidFen = payments.reduce((sum, e) => sum + e.amountFen, 0);
		const amountFen = Number(t.amount_fen);
		return {
			id: t.id,
			position: t.position,
			amountFen,
			condition: t.condition,
			conditionMetAt: t.condition_met_at,
			conditionReason: t.condition_reason,
			paidFen,
			paidOn: paidFen >= amountFen && payments.length ? payments[payments.length - 1].occurredOn : null,
			withheld: t.condition === 'final_report' && evaluation.withheld
		};
	});
	const agreement = agreementRow
		? {
				number: agreementRow.number,
				signedOn: agreementRow.signed_on,
				awardFen: Number(agreementRow.award_fen),
				payeeAccountName: agreementRow.payee_account_name,
				planReason: agreementRow.plan_reason
			}
		: null;
	const closing = closingRow
		? { outcome: closingRow.outcome, closedOn: closingRow.closed_on, note: closingRow.note, returnDueFen: Number(closingRow.return_due_fen) }
		: null;
	const position = new Map(tranches.map((t) => [t.id, t.position]));
	return {
		project,
		agreement,
		tranches,
		entries,
		money,
		closing,
		stage: grantStage({ signedOn: agreement?.signedOn ?? null, paidFen: money.paidFen, closing }),
		progress: progressPercent(money.paidFen, project.awardFen),
		timeline: timeline({
			confirmedAt: project.round.results_confirmed_at ?? project.round.results_published_at,
			signedOn: agreement?.signedOn ?? null,
			payments: livePayments.map((e) => ({ on: e.occurredOn, position: position.get(e.trancheId ?? -1) ?? 0, amountFen: e.amountFen })),
			closing: closing && { on: closing.closedOn, outcome: closing.outcome },
			reports,
			evaluations: (['midterm', 'final'] as const).flatMap((kind) => {
				const e = evaluation[kind];
				return e.grade && e.gradedAt ? [{ kind, grade: e.grade, gradedAt: e.gradedAt }] : [];
			})
		}, project.round.time_zone),
		reports,
		evaluation
	};
}

/** What the public and a resident see of a project after the award: no payee, no references. */
export async function publicImplementation(db: DB, proposalId: number) {
	const view = await projectLedger(db, proposalId);
	if (!view) return undefined;
	return {
		stage: view.stage,
		progress: view.progress,
		awardedFen: view.project.awardFen,
		paidFen: view.money.paidFen,
		returnedFen: view.money.returnedFen,
		closedAt: view.closing?.closedOn ?? null,
		closingOutcome: view.closing?.outcome ?? null,
		closingNote: view.closing?.note ?? null,
		timeZone: view.project.round.time_zone,
		tranches: view.tranches.map((t) => ({ position: t.position, condition: t.condition, plannedFen: t.amountFen, paidFen: t.paidFen, paidOn: t.paidOn })),
		timeline: view.timeline,
		// The grade the public sees: the final evaluation's once graded, else the mid-term's.
		evaluation: publicGrade({ midterm: view.evaluation.midterm.grade, final: view.evaluation.final.grade }),
		...publicReports(view)
	};
}

/**
 * What the public sees of the reports: each one's due, submitted and accepted dates, and from the
 * latest accepted one (reports count from the start, so the final one covers the whole project)
 * spending, beneficiary visits, volunteers and the indicators against their targets. Drafts and
 * reports in review stay private.
 */
function publicReports(view: ProjectLedger) {
	const round = view.project.round;
	const due = reportDueDates(round.implementation_at, round.closed_at);
	const reports = REPORT_KINDS.map((kind) => {
		const r = view.reports.find((x) => x.kind === kind);
		return { kind, dueOn: todayIn(round.time_zone, new Date(due[CONDITION_OF[kind]])), submittedOn: dayIn(r?.submittedAt, round.time_zone), acceptedOn: dayIn(r?.acceptedAt, round.time_zone) };
	});
	const latest = ['final', 'midterm'].map((k) => view.reports.find((r) => r.kind === k && r.status === 'accepted')).find((r) => !!r);
	return {
		reports,
		spentFen: latest ? spentFen(latest.content) : 0,
		outcome: latest
			? {
					report: latest.kind,
					visits: beneficiaryVisits(latest.content),
					volunteers: latest.content.volunteers,
					volunteerHours: latest.content.volunteerHours,
					indicators: latest.content.indicators.map((i) => ({ name: i.name, target: i.target, actual: i.actual, unit: i.unit }))
				}
			: null
	};
}

function dayIn(instant: string | null | undefined, timeZone: string): string | null {
	return instant ? todayIn(timeZone, new Date(instant)) : null;
}
export type PublicImplementation = NonNullable<Awaited<ReturnType<typeof publicImplementation>>>;

/** A round's funded projects with their stage and money, for the admin's dashboard. */
export async function roundProjects(db: DB, round: Round) {
	const record = await publishedRecord(db, round);
	if (!record) return [];
	const out = [];
	for (const id of Object.keys(record.projects).map(Number).sort((a, b) => a - b)) {
		const view = await projectLedger(db, id);
		if (!view) continue;
		out.push({
			id,
			title: view.project.title,
			organisation: view.project.organisation,
			stage: view.stage,
			awardFen: view.project.awardFen,
			paidFen: view.money.paidFen,
			returnedFen: view.money.returnedFen,
			nextTranche: view.tranches.find((t) => t.paidFen < t.amountFen)?.position ?? null,
			// A payment due: a tranche whose condition holds and that is not paid in full, while open.
			dueTranche: view.closing ? null : (view.tranches.find((t) => t.conditionMetAt && !t.withheld && t.paidFen < t.amountFen)?.position ?? null)
		});
	}
	return out;
}

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

/** What the applicant sees of its funded project: its agreement, plan, payments and closing. */
export async function stationGrant(db: DB, proposalId: number) {
	const view = await projectLedger(db, proposalId);
	if (!view) return null;
	const position = new Map(view.tranches.map((t) => [t.id, t.position]));
	const due = reportDueDates(view.project.round.implementation_at, view.project.round.closed_at);
	return {
		stage: view.stage,
		// What the station does next, and by when the reports behind the later tranches are due.
		nextStep: `status.next.${view.stage}` as const,
		dueDates: view.closing ? null : due,
		awardFen: view.project.awardFen,
		timeZone: view.project.round.time_zone,
		agreement: view.agreement && { number: view.agreement.number, signedOn: view.agreement.signedOn, payeeAccountName: view.agreement.payeeAccountName },
		tranches: view.tranches.map((t) => ({ position: t.position, amountFen: t.amountFen, condition: t.condition, conditionMet: !!t.conditionMetAt, withheld: t.withheld, paidFen: t.paidFen, paidOn: t.paidOn })),
		payments: view.entries
			.filter((e) => e.kind !== 'commitment' && e.reversesId === null && !e.reversed)
			.map((e) => ({ id: e.id, kind: e.kind, on: e.occurredOn, amountFen: e.amountFen, reference: e.reference, position: position.get(e.trancheId ?? -1) ?? null })),
		money: view.money,
		closing: view.closing
	};
}

/**
 * The round's money moves for the finance office, oldest first: every payment, return and
 * reversal (a reversal's amount negative), with its project, tranche, day and voucher, who entered
 * it and who approved it. Audited
 * like the other exports: who took the ledger out, and in which format.
 */
export async function exportPayments(db: DB, input: { roundId: number; actorId: number; format: 'csv' | 'xlsx' }) {
	const rows = await db
		.selectFrom('ledger_entries')
		.innerJoin('proposals', 'proposals.id', 'ledger_entries.proposal_id')
		.innerJoin('organisations', 'organisations.id', 'proposals.organisation_id')
		.leftJoin('tranches', 'tranches.id', 'ledger_entries.tranche_id')
		.leftJoin('users as entered', 'entered.id', 'ledger_entries.actor_id')
		.leftJoin('users as approver', 'approver.id', 'ledger_entries.approved_by')
		.select([
			'ledger_entries.id',
			'ledger_entries.kind',
			'ledger_entries.amount_fen',
			'ledger_entries.reverses_id',
			'ledger_entries.occurred_on',
			'ledger_entries.reference',
			'ledger_entries.reason',
			'ledger_entries.proposal_id',
			'proposals.title',
			'organisations.name as organisation',
			'tranches.position',
			'entered.name as requestedBy',
			'approver.name as approvedBy'
		])
		.where('ledger_entries.round_id', '=', input.roundId)
		.where('ledger_entries.kind', '!=', 'commitment')
		.orderBy('ledger_entries.occurred_on')
		.orderBy('ledger_entries.id')
		.execute();
	await audit(db, { actorId: input.actorId, action: 'grant.export', entity: 'round', entityId: input.roundId, detail: { format: input.format, rows: rows.length } });
	return rows.map((r) => ({
		id: r.id,
		kind: r.kind,
		reversesId: r.reverses_id,
		amountFen: Number(r.amount_fen) * (r.reverses_id === null ? 1 : -1),
		occurredOn: r.occurred_on,
		reference: r.reference,
		reason: r.reason,
		proposalId: r.proposal_id!,
		title: r.title,
		organisation: r.organisation,
		tranche: r.position,
		/** Who entered it, and the second admin who approved it when it needed one (four eyes). */
		requestedBy: r.requestedBy,
		approvedBy: r.approvedBy
	}));
}
