/**
 * A round's disclosure report (信息公开), as of a chosen day: each funded project's stage, money
 * (awarded, paid, spent as reported, returned) and outcomes (beneficiary visits, reports), counting
 * only what happened on or before that day. Public, like the fund's disclosure and the round's
 * ledger it is built from (fund-disclosure.ts): only public facts, no payee, no references.
 * The admins are reminded through the outbox when a disclosure falls due.
 */
import type { DB } from './db';
import type { Round } from './schema';
import { writeTransaction } from './db';
import { roundLedger } from './fund-disclosure';
import { reportsOf } from './project-reports';
import { notify, recipients } from './notify';
import { todayIn } from './grant-views';
import { grantStage, type GrantStage } from '../domain/status';
import { reportDueDates } from '../domain/project-lifecycle';
import { CONDITION_OF, REPORT_KINDS, type ReportKind } from '../domain/project-reports';
import { dayAsOf, disclosureDueDays, disclosureReminderDue, isDay } from '../domain/disclosure';
import { fenToYuanInput } from '../domain/money';
import { toCsv } from '../domain/csv';

export interface DisclosureProject {
	id: number;
	title: string;
	organisation: string;
	stage: GrantStage;
	awardedFen: number;
	paidFen: number;
	/** From the latest report accepted by the day: the final one covers the whole project. */
	spentFen: number;
	returnedFen: number;
	visits: number;
	reports: { kind: ReportKind; dueOn: string; submittedOn: string | null; acceptedOn: string | null }[];
}

export interface RoundDisclosure {
	round: { slug: string; title: string; year: number; timeZone: string };
	asOf: string;
	generatedAt: string;
	totals: { awardedFen: number; paidFen: number; spentFen: number; returnedFen: number; visits: number };
	/** The days a disclosure is due for this round (none when its projects run six months or less). */
	dueDays: string[];
	projects: DisclosureProject[];
}

/** The round's projects' first agreement day and its end day, on the round's wall clock; null before any agreement. */
async function runningSpan(db: DB, round: Round): Promise<{ start: string; end: string } | null> {
	const first = await db.selectFrom('agreements').select((eb) => eb.fn.min('signed_on').as('start')).where('round_id', '=', round.id).executeTakeFirst();
	if (!first?.start) return null;
	return { start: String(first.start), end: todayIn(round.time_zone, new Date(round.closed_at)) };
}

/** The day a disclosure is asked for (`?asOf=`): a real day up to today, else today (`invalid` says it was replaced). */
export function disclosureDay(round: Round, raw: string | null, now = new Date()): { asOf: string; invalid: boolean } {
	const today = todayIn(round.time_zone, now);
	if (raw === null || raw === '') return { asOf: today, invalid: false };
	return isDay(raw) && raw <= today ? { asOf: raw, invalid: false } : { asOf: today, invalid: true };
}

/** The disclosure of a round whose list is confirmed, as of `asOf` (YYYY-MM-DD on the round's clock). */
export async function roundDisclosure(db: DB, round: Round, asOf: string, now = new Date()): Promise<RoundDisclosure> {
	const ledger = await roundLedger(db, round, now, asOf);
	const funded = ledger.projects.filter((p) => p.awardedFen > 0);
	const ids = funded.map((p) => p.id);
	const [agreements, closings, reports] = await Promise.all([
		ids.length ? db.selectFrom('agreements').select(['proposal_id', 'signed_on']).where('proposal_id', 'in', ids).execute() : [],
		ids.length ? db.selectFrom('project_closings').select(['proposal_id', 'closed_on', 'outcome']).where('proposal_id', 'in', ids).execute() : [],
		reportsOf(db, ids)
	]);
	const signedOn = new Map(agreements.map((a) => [a.proposal_id, a.signed_on]));
	const closing = new Map(closings.map((c) => [c.proposal_id, c]));
	const due = reportDueDates(round.implementation_at, round.closed_at);
	const day = (instant: string | null) => dayAsOf(instant ? todayIn(round.time_zone, new Date(instant)) : null, asOf);
	const projects = funded.map((p): DisclosureProject => {
		const byKind = reports.get(p.id);
		const rows = REPORT_KINDS.map((kind) => {
			const r = byKind?.get(kind);
			return { kind, dueOn: todayIn(round.time_zone, new Date(due[CONDITION_OF[kind]])), submittedOn: day(r?.submittedAt ?? null), acceptedOn: day(r?.acceptedAt ?? null), r };
		});
		const latest = [...rows].reverse().find((x) => x.acceptedOn)?.r;
		const closed = closing.get(p.id);
		return {
			id: p.id,
			title: p.title,
			organisation: p.organisation,
			stage: grantStage({
				signedOn: dayAsOf(signedOn.get(p.id) ?? null, asOf),
				paidFen: p.paidFen,
				closing: closed && dayAsOf(closed.closed_on, asOf) ? { outcome: closed.outcome } : null
			}),
			awardedFen: p.awardedFen,
			paidFen: p.paidFen,
			spentFen: latest?.spentFen ?? 0,
			returnedFen: p.returnedFen,
			visits: latest?.visits ?? 0,
			reports: rows.map(({ kind, dueOn, submittedOn, acceptedOn }) => ({ kind, dueOn, submittedOn, acceptedOn }))
		};
	});
	const sum = (pick: (p: DisclosureProject) => number) => projects.reduce((t, p) => t + pick(p), 0);
	const span = await runningSpan(db, round);
	return {
		round: { slug: round.slug, title: round.title, year: round.year, timeZone: round.time_zone },
		asOf,
		generatedAt: now.toISOString(),
		totals: { awardedFen: sum((p) => p.awardedFen), paidFen: sum((p) => p.paidFen), spentFen: sum((p) => p.spentFen), returnedFen: sum((p) => p.returnedFen), visits: sum((p) => p.visits) },
		dueDays: span ? disclosureDueDays(span.start, span.end) : [],
		projects
	};
}

/** The disclosure as CSV: one row a project (amounts in fen and yuan), then a total row. */
export function roundDisclosureCsv(d: RoundDisclosure): string {
	const header = ['as_of', 'id', 'title', 'organisation', 'stage', 'awarded_fen', 'paid_fen', 'spent_fen', 'returned_fen', 'awarded_yuan', 'paid_yuan', 'spent_yuan', 'returned_yuan', 'visits'];
	for (const kind of REPORT_KINDS) header.push(`${kind}_due`, `${kind}_submitted`, `${kind}_accepted`);
	const money = (p: { awardedFen: number; paidFen: number; spentFen: number; returnedFen: number }) => [
		p.awardedFen, p.paidFen, p.spentFen, p.returnedFen,
		fenToYuanInput(p.awardedFen), fenToYuanInput(p.paidFen), fenToYuanInput(p.spentFen), fenToYuanInput(p.returnedFen)
	];
	const rows = d.projects.map((p) => [d.asOf, p.id, p.title, p.organisation, p.stage, ...money(p), p.visits, ...p.reports.flatMap((r) => [r.dueOn, r.submittedOn, r.acceptedOn])]);
	rows.push([d.asOf, '', 'total', '', '', ...money(d.totals), d.totals.visits, ...REPORT_KINDS.flatMap(() => ['', '', ''])]);
	return toCsv(header, rows);
}

/**
 * Reminds the admins of each round's disclosure due within 14 days, once per round and due day:
 * in the inbox and, with SMTP, by e-mail through the outbox. Returns how many went out.
 */
export async function remindDueDisclosures(db: DB, now = new Date()): Promise<number> {
	const rounds = await db.selectFrom('rounds').selectAll().where('id', 'in', db.selectFrom('agreements').select('round_id')).execute();
	let sent = 0;
	for (const round of rounds) {
		const span = await runningSpan(db, round);
		if (!span) continue;
		const today = todayIn(round.time_zone, now);
		const reminded = new Set((await db.selectFrom('disclosure_reminders').select('due_on').where('round_id', '=', round.id).execute()).map((r) => r.due_on));
		for (const dueOn of disclosureDueDays(span.start, span.end)) {
			if (!disclosureReminderDue(dueOn, today, reminded.has(dueOn) ? 'sent' : null)) continue;
			await writeTransaction(db, async (trx) => {
				const inserted = await trx
					.insertInto('disclosure_reminders')
					.values({ round_id: round.id, due_on: dueOn, sent_at: now.toISOString() })
					.onConflict((oc) => oc.columns(['round_id', 'due_on']).doNothing())
					.executeTakeFirst();
				if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) return;
				await notify(
					trx,
					(await recipients(trx, { role: 'admin' })).map((userId) => ({
						userId,
						kind: 'notice.disclosureDue' as const,
						params: { round: round.title, due: dueOn },
						link: `/rounds/${round.slug}/disclosure?asOf=${dueOn}`
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

/** Looks for disclosures to remind of now and then every hour (once per round and due day). */
export function startDisclosureReminders(db: DB, everyMs = 3_600_000): void {
	if (reminderTimer) return;
	const run = () => void remindDueDisclosures(db).catch((error) => console.error('disclosure reminders:', (error as Error).message));
	run();
	reminderTimer = setInterval(run, everyMs);
	reminderTimer.unref?.();
}

export function stopDisclosureReminders(): void {
	if (reminderTimer) clearInterval(reminderTimer);
	reminderTimer = null;
}
