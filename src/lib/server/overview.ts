import type { DB } from './db';
import { listRounds, phaseOf } from './rounds';
import { reviewProgress } from './assignments';
import { outboxCounts } from './outbox';
import { PHASES } from '../domain/phases';

/** How many accounts there are (the admin's start page links to them). */
export async function userCount(db: DB): Promise<number> {
	const row = await db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
	return Number(row.n);
}

export type TodoKind = 'needs' | 'check' | 'unchecked' | 'reviewsOverdue' | 'reviewsShort' | 'objections' | 'conflicts' | 'outbox';

/** One line of the admins' to-do list: how many, of what, in which round, and the list that shows them. */
export interface TodoItem {
	kind: TodoKind;
	count: number;
	round: { id: number; title: string } | null;
	/** The filtered list where exactly these are shown. */
	href: string;
}

const ELIGIBILITY = PHASES.indexOf('eligibility');

/**
 * The admins' to-do list: every count that needs someone, each linking to the list that shows
 * those very items (needs waiting for moderation, proposals waiting for their check or never
 * checked, reviews overdue or short, objections open, conflicts declared while the panel can
 * still change, e-mails failing). Items with nothing waiting are left out.
 */
export async function adminTodo(db: DB, now = new Date()): Promise<TodoItem[]> {
	const items: TodoItem[] = [];
	const countBy = async (table: 'needs' | 'proposals' | 'objections', column: 'status', value: string) =>
		new Map(
			(
				await db
					.selectFrom(table)
					.select(['round_id', (eb) => eb.fn.countAll<number>().as('n')])
					.where(column, '=', value as never)
					.groupBy('round_id')
					.execute()
			).map((r) => [r.round_id, Number(r.n)])
		);
	const [needs, submitted, returned, objections] = await Promise.all([
		countBy('needs', 'status', 'new'),
		countBy('proposals', 'status', 'submitted'),
		countBy('proposals', 'status', 'returned'),
		countBy('objections', 'status', 'open')
	]);
	const declared = new Map(
		(
			await db
				.selectFrom('review_conflicts')
				.select(['round_id', (eb) => eb.fn.countAll<number>().as('n')])
				.where('source', '=', 'declared')
				.groupBy('round_id')
				.execute()
		).map((r) => [r.round_id, Number(r.n)])
	);
	for (const round of await listRounds(db)) {
		const phase = phaseOf(round, now);
		const at = PHASES.indexOf(phase);
		const r = { id: round.id, title: round.title };
		const push = (kind: TodoKind, count: number | undefined, href: string) => {
			if (count) items.push({ kind, count, round: r, href });
		};
		push('needs', needs.get(round.id), `/admin/rounds/${round.id}/needs?status=new`);
		if (at === ELIGIBILITY) push('check', submitted.get(round.id), `/admin/proposals?round=${round.id}&status=submitted`);
		if (at > ELIGIBILITY && !round.notice_published_at) {
			push('unchecked', submitted.get(round.id), `/admin/proposals?round=${round.id}&status=submitted`);
			push('unchecked', returned.get(round.id), `/admin/proposals?round=${round.id}&status=returned`);
		}
		if ((phase === 'review' || phase === 'decision') && !round.notice_published_at) {
			const progress = await reviewProgress(db, round.id, now);
			push('reviewsOverdue', progress.overdue.length, `/admin/rounds/${round.id}/progress#overdue`);
			push('reviewsShort', progress.tooFew.length, `/admin/rounds/${round.id}/progress#too-few`);
		}
		push('objections', objections.get(round.id), `/admin/rounds/${round.id}/objections`);
		if (phase === 'eligibility' || phase === 'review') push('conflicts', declared.get(round.id), `/admin/audit?action=review.conflict_declared`);
	}
	const outbox = await outboxCounts(db);
	if (outbox.failing > 0) items.push({ kind: 'outbox', count: outbox.failing, round: null, href: '/admin/outbox' });
	return items;
}
