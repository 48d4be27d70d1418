/**
 * The station's reports on a funded project (中期报告, 结项报告): written by the project's own
 * organisation, reviewed by the round's admins. Accepting a report meets its tranche's condition
 * (the mid-term report releases tranche 2, the final report tranche 3) in the same transaction,
 * which locks the project's proposal row like every grant write.
 */
import type { DB } from './db';
import { lockRows, writeTransaction } from './db';
import { audit } from './audit';
import { notFound, ok, refuse, refuseField, type Outcome } from './outcome';
import { notify, recipients } from './notify';
import { getProposalContent } from './proposals';
import { currentBudgetLines } from './budget-changes';
import { fundedProject, projectLedger, todayIn } from './grant-views';
import { deliverMatching } from './matching';
import { lineTotalFen } from '../domain/budget';
import { reportDueDates } from '../domain/project-lifecycle';
import { formatInZone } from '../domain/time';
import {
	CONDITION_OF,
	REPORT_KINDS,
	beneficiaryVisits,
	isLate,
	moveAllowed,
	reminderDue,
	reportOnPlan,
	spentFen,
	unexplainedLines,
	type ReportContent,
	type ReportKind,
	type ReportPlan,
	type ReportStatus
} from '../domain/project-reports';

export function isReportKind(value: string): value is ReportKind {
	return (REPORT_KINDS as readonly string[]).includes(value);
}

/** The plan a report answers: the funded proposal's activities and indicators, and its budget as changed since (budget-changes.ts). */
async function planOf(db: DB, proposalId: number): Promise<ReportPlan> {
	const content = (await getProposalContent(db, proposalId))!;
	return {
		activities: content.activities.map((a) => ({ name: a.name, startMonth: a.startMonth, endMonth: a.endMonth })),
		indicators: content.indicators.map((i) => ({ name: i.name, target: i.target, unit: i.unit })),
		lines: await currentBudgetLines(db, proposalId)
	};
}

async function reportRow(db: DB, proposalId: number, kind: ReportKind) {
	return db.selectFrom('project_reports').selectAll().where('proposal_id', '=', proposalId).where('kind', '=', kind).executeTakeFirst();
}

export interface ReportView {
	kind: ReportKind;
	status: ReportStatus | null;
	version: number;
	dueAt: string;
	late: boolean;
	submittedAt: string | null;
	acceptedAt: string | null;
	reviewComment: string | null;
	content: ReportContent;
	visits: number;
	spentFen: number;
}

/**
 * A project's report of one kind, on its plan (an empty report before the first save); undefined
 * when the project has no agreement yet, as there is nothing to report on.
 */
export async function projectReport(db: DB, proposalId: number, kind: ReportKind, now = new Date()) {
	const view = await projectLedger(db, proposalId);
	if (!view || !view.agreement) return undefined;
	const round = view.project.round;
	const dueAt = reportDueDates(round.implementation_at, round.closed_at)[CONDITION_OF[kind]];
	const row = await reportRow(db, proposalId, kind);
	const content = reportOnPlan(await planOf(db, proposalId), row ? (JSON.parse(row.content) as ReportContent) : null);
	const report: ReportView = {
		kind,
		status: row?.status ?? null,
		version: row?.version ?? 0,
		dueAt,
		late: isLate(dueAt, row?.first_submitted_at ?? null, now),
		submittedAt: row?.submitted_at ?? null,
		acceptedAt: row?.accepted_at ?? null,
		reviewComment: row?.review_comment ?? null,
		content,
		visits: beneficiaryVisits(content),
		spentFen: spentFen(content)
	};
	return { project: view.project, stage: view.stage, closing: view.closing, tranches: view.tranches, report };
}

/** Each report of the projects, by project then kind: for lists, the timeline and the disclosure. */
export async function reportsOf(db: DB, proposalIds: readonly number[]) {
	const out = new Map<number, Map<ReportKind, { status: ReportStatus; submittedAt: string | null; acceptedAt: string | null; visits: number; spentFen: number; content: ReportContent }>>();
	if (proposalIds.length === 0) return out;
	const rows = await db.selectFrom('project_reports').selectAll().where('proposal_id', 'in', [...new Set(proposalIds)]).execute();
	for (const r of rows) {
		const byKind = out.get(r.proposal_id) ?? new Map();
		byKind.set(r.kind, {
			status: r.status,
			submittedAt: r.first_submitted_at,
			acceptedAt: r.accepted_at,
			visits: r.visits,
			spentFen: Number(r.spent_fen),
			content: JSON.parse(r.content) as ReportContent
		});
		out.set(r.proposal_id, byKind);
	}
	return out;
}

export interface SaveReportInput {
	proposalId: number;
	organisationId: number;
	kind: ReportKind;
	/** The version the station edited; a save on top of someone else's is refused (409). */
	version: number;
	content: ReportContent;
	submit: boolean;
	actorId: number;
}

/** Saves the station's draft or submits it; only the project's own organisation, only while not in review or accepted. */
export async function saveReport(db: DB, input: SaveReportInput, now = new Date()): Promise<Outcome<void>> {
	return writeTransaction(db, async (trx) => {
		await lockRows(trx, 'proposals', [input.proposalId]);
		const owner = await trx.selectFrom('proposals').select('organisation_id').where('id', '=', input.proposalId).executeTakeFirst();
		if (!owner || owner.organisation_id !== input.organisationId) return notFound();
		const current = await projectReport(trx, input.proposalId, input.kind, now);
		if (!current) return refuse('grants.err.noAgreement', undefined, 409);
		if (current.closing) return refuse('grants.err.closed', undefined, 409);
		const { report } = current;
		if (!moveAllowed(input.submit ? 'submit' : 'save', report.status)) return refuse('reports.err.notEditable', undefined, 409);
		if (report.version !== input.version) return refuse('reports.err.changed', undefined, 409);
		// The plan's rows come from the proposal; the station fills in what was done.
		const content = reportOnPlan(await planOf(trx, input.proposalId), input.content);
		if (input.submit) {
			const unexplained = unexplainedLines(content);
			if (unexplained.length) return refuseField(`line.${unexplained[0]}.explanation`, 'reports.err.explain', { item: content.lines[unexplained[0]].item });
			if (content.narrative.trim() === '') return refuseField('narrative', 'err.required');
		}
		const at = now.toISOString();
		const status: ReportStatus = input.submit ? 'submitted' : report.status === 'returned' ? 'returned' : 'draft';
		const values = {
			status,
			content: JSON.stringify(content),
			visits: beneficiaryVisits(content),
			spent_fen: spentFen(content),
			version: report.version + 1,
			submitted_at: input.submit ? at : report.submittedAt,
			updated_by: input.actorId,
			updated_at: at
		};
		if (report.status === null) {
			await trx
				.insertInto('project_reports')
				.values({ proposal_id: input.proposalId, kind: input.kind, ...values, first_submitted_at: input.submit ? at : null, accepted_at: null, review_comment: null, reviewed_by: null })
				.execute();
		} else {
			const first = (await reportRow(trx, input.proposalId, input.kind))!.first_submitted_at;
			await trx
				.updateTable('project_reports')
				.set({ ...values, first_submitted_at: first ?? (input.submit ? at : null) })
				.where('proposal_id', '=', input.proposalId)
				.where('kind', '=', input.kind)
				.execute();
		}
		if (input.submit) {
			await audit(trx, {
				actorId: input.actorId,
				action: 'report.submit',
				entity: 'proposal',
				entityId: input.proposalId,
				detail: { kind: input.kind, late: report.late, visits: values.visits, spentFen: values.spent_fen }
			});
		}
		return ok();
	});
}

export interface ReviewReportInput {
	proposalId: number;
	roundId: number;
	kind: ReportKind;
	decision: 'return' | 'accept';
	comment: string | null;
	actorId: number;
}

/**
 * The admin returns a submitted report with comments, or accepts it: acceptance meets its
 * tranche's condition (when the plan has that tranche and an admin did not already record it met).
 */
export async function reviewReport(db: DB, input: ReviewReportInput, now = new Date()): Promise<Outcome<void>> {
	return writeTransaction(db, async (trx) => {
		await lockRows(trx, 'proposals', [input.proposalId]);
		const current = await projectReport(trx, input.proposalId, input.kind, now);
		if (!current) {
			// The round's funded project before its agreement: nothing to review yet.
			const project = await fundedProject(trx, input.proposalId);
			return project?.round.id === input.roundId ? refuse('grants.err.noAgreement', undefined, 409) : notFound();
		}
		if (current.project.round.id !== input.roundId) return notFound();
		if (!moveAllowed(input.decision, current.report.status)) return refuse('reports.err.notSubmitted', undefined, 409);
		if (input.decision === 'return' && !input.comment) return refuseField('comment', 'err.required');
		const at = now.toISOString();
		await trx
			.updateTable('project_reports')
			.set({
				status: input.decision === 'accept' ? 'accepted' : 'returned',
				accepted_at: input.decision === 'accept' ? at : null,
				review_comment: input.comment,
				reviewed_by: input.actorId,
				version: current.report.version + 1,
				updated_at: at
			})
			.where('proposal_id', '=', input.proposalId)
			.where('kind', '=', input.kind)
			.execute();
		let released: number | null = null;
		if (input.decision === 'accept') {
			const tranche = current.tranches.find((t) => t.condition === CONDITION_OF[input.kind]);
			if (tranche && !tranche.conditionMetAt) {
				await trx.updateTable('tranches').set({ condition_met_at: at, condition_met_by: input.actorId, condition_reason: null }).where('id', '=', tranche.id).execute();
				released = tranche.position;
			}
			// The final report says what matching was delivered: a memo beside the money (matching.ts).
			if (input.kind === 'final') {
				const content = current.report.content;
				await deliverMatching(
					trx,
					{ roundId: input.roundId, proposalId: input.proposalId, cashFen: content.matchingCashFen, volunteerHours: content.volunteerHours, acceptedOn: todayIn(current.project.round.time_zone, now), actorId: input.actorId },
					now
				);
			}
		}
		await audit(trx, {
			actorId: input.actorId,
			action: input.decision === 'accept' ? 'report.accept' : 'report.return',
			entity: 'proposal',
			entityId: input.proposalId,
			reason: input.comment,
			detail: { kind: input.kind, tranche: released }
		});
		const title = current.project.title;
		const link = `/station/proposals/${input.proposalId}/reports/${input.kind}`;
		await notify(
			trx,
			(await recipients(trx, { organisationId: current.project.organisationId })).map((userId) => ({
				userId,
				kind: input.decision === 'accept' ? ('notice.reportAccepted' as const) : ('notice.reportReturned' as const),
				params: { title, reportKind: input.kind },
				link
			})),
			now
		);
		return ok();
	});
}

/**
 * Reminds each station of a report due within two weeks that it has not submitted, once per
 * report: in the inbox and, with SMTP, by e-mail through the outbox. Returns how many went out.
 */
export async function remindDueReports(db: DB, now = new Date()): Promise<number> {
	const projects = await db
		.selectFrom('agreements')
		.innerJoin('proposals', 'proposals.id', 'agreements.proposal_id')
		.innerJoin('rounds', 'rounds.id', 'agreements.round_id')
		.select(['agreements.proposal_id', 'proposals.organisation_id', 'proposals.title', 'rounds.implementation_at', 'rounds.closed_at', 'rounds.time_zone'])
		.where((eb) => eb.not(eb.exists(eb.selectFrom('project_closings').select('proposal_id').whereRef('project_closings.proposal_id', '=', 'agreements.proposal_id'))))
		.execute();
	if (projects.length === 0) return 0;
	const ids = projects.map((p) => p.proposal_id);
	const reports = await db.selectFrom('project_reports').select(['proposal_id', 'kind', 'status']).where('proposal_id', 'in', ids).execute();
	const reminders = await db.selectFrom('report_reminders').select(['proposal_id', 'kind', 'sent_at']).where('proposal_id', 'in', ids).execute();
	const key = (id: number, kind: string) => `${id}:${kind}`;
	const statusOf = new Map(reports.map((r) => [key(r.proposal_id, r.kind), r.status]));
	const sentOf = new Map(reminders.map((r) => [key(r.proposal_id, r.kind), r.sent_at]));
	let sent = 0;
	for (const p of projects) {
		const due = reportDueDates(p.implementation_at, p.closed_at);
		for (const kind of REPORT_KINDS) {
			const dueAt = due[CONDITION_OF[kind]];
			const k = key(p.proposal_id, kind);
			if (!reminderDue(dueAt, statusOf.get(k) ?? null, sentOf.get(k) ?? null, now)) continue;
			await writeTransaction(db, async (trx) => {
				const inserted = await trx
					.insertInto('report_reminders')
					.values({ proposal_id: p.proposal_id, kind, sent_at: now.toISOString() })
					.onConflict((oc) => oc.columns(['proposal_id', 'kind']).doNothing())
					.executeTakeFirst();
				if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) return;
				await notify(
					trx,
					(await recipients(trx, { organisationId: p.organisation_id })).map((userId) => ({
						userId,
						kind: 'notice.reportDue' as const,
						params: { title: p.title, reportKind: kind, due: formatInZone(dueAt, p.time_zone) },
						link: `/station/proposals/${p.proposal_id}/reports/${kind}`
					})),
					now
				);
				sent += 1;
			});
		}
	}
	return sent;
}

let reminderTimer: ReturnType<typeof setInterval> | null = null;

/** Looks for reports to remind of now and then every hour (a reminder goes out once per report). */
export function startReportReminders(db: DB, everyMs = 3_600_000): void {
	if (reminderTimer) return;
	const run = () => void remindDueReports(db).catch((error) => console.error('report reminders:', (error as Error).message));
	run();
	reminderTimer = setInterval(run, everyMs);
	reminderTimer.unref?.();
}

export function stopReportReminders(): void {
	if (reminderTimer) clearInterval(reminderTimer);
	reminderTimer = null;
}

/** Each report of a signed project: its state, due date and whether it is late (for the project pages' links). */
export async function reportSummaries(db: DB, proposalId: number, now = new Date()) {
	const agreement = await db
		.selectFrom('agreements')
		.innerJoin('rounds', 'rounds.id', 'agreements.round_id')
		.select(['rounds.implementation_at', 'rounds.closed_at'])
		.where('agreements.proposal_id', '=', proposalId)
		.executeTakeFirst();
	if (!agreement) return [];
	const due = reportDueDates(agreement.implementation_at, agreement.closed_at);
	const rows = await db.selectFrom('project_reports').select(['kind', 'status', 'first_submitted_at']).where('proposal_id', '=', proposalId).execute();
	return REPORT_KINDS.map((kind) => {
		const row = rows.find((r) => r.kind === kind);
		const dueAt = due[CONDITION_OF[kind]];
		return { kind, status: row?.status ?? null, dueAt, late: isLate(dueAt, row?.first_submitted_at ?? null, now) };
	});
}
