/**
 * What is read of a funded project after the award: its agreement, tranches, ledger entries,
 * reports and evaluation as one view (`projectLedger`), and what each reader sees of it: the public
 * timeline (`publicImplementation`), the round's list, the station's grant page and the finance
 * office's payments export. The writes are grants.ts's.
 */
import type { DB } from './db';
import type { Round } from './schema';
import { audit } from './audit';
import { publishedRecord } from './results';
import { moneyOf, paidByProject, projectEntries, type LedgerRow } from './ledger';
import type { ProjectMoney } from '../domain/ledger';
import {
	progressPercent,
	reportDueDates,
	timeline,
	type ClosingOutcome,
	type Milestone,
	type TrancheCondition
} from '../domain/project-lifecycle';
import { utcToZonedInput } from '../domain/time';
import { grantStage, type GrantStage } from '../domain/status';
import {
	CONDITION_OF,
	REPORT_KINDS,
	beneficiaryVisits,
	spentFen,
	type ReportContent,
	type ReportKind,
	type ReportStatus
} from '../domain/project-reports';
import { evaluationFactsFor, type EvaluationFacts } from './evaluation-facts';
import { publicGrade } from '../domain/evaluation';


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
