import { getDb } from '$lib/server/db';
import type { SessionUser } from '$lib/server/auth/session';
import type { Round } from '$lib/server/rounds';
import { exportNeeds } from '$lib/server/needs-moderation';
import { listCategories } from '$lib/server/categories';
import { translate, type Locale, type MessageKey } from '$lib/i18n';
import { formatInZone } from '$lib/domain/time';
import type { Cell } from '$lib/domain/csv';
import { needStatusLabel, urgencyLabel } from '$lib/i18n/labels';

const COLUMNS = [
	'id',
	'receipt',
	'status',
	'title',
	'description',
	'category',
	'district',
	'street',
	'community',
	'group',
	'count',
	'urgency',
	'supports',
	'proposals',
	'received',
	'published',
	'mergedInto',
	'declineReason'
] as const;

/**
 * The needs of a round as a header and rows in the admin's language, for CSV and .xlsx alike.
 * Residents' contacts are left out: a spreadsheet travels further than the admin area.
 */
export async function needsSheet(access: { user: SessionUser; round: Round }, localeOf: Locale | undefined, format: 'csv' | 'xlsx') {
	const { user, round } = access;
	const db = getDb();
	const locale: Locale = localeOf ?? 'zh-CN';
	const t = (key: MessageKey) => translate(locale, key);
	const categories = await listCategories(db, { withRetired: true });
	const categoryName = (key: string) => {
		const c = categories.find((x) => x.key === key);
		return c ? (locale === 'en' ? c.en : c.zh) : key;
	};
	const when = (iso: string | null) => (iso ? formatInZone(iso, round.time_zone) : '');
	const needs = await exportNeeds(db, { roundId: round.id, actorId: user.id, format });
	const header = COLUMNS.map((c) => t(`needs.export.${c}`));
	const rows: Cell[][] = needs.map((n) => [
		n.id,
		n.receipt_code,
		needStatusLabel(t, n.status),
		n.title,
		n.description,
		categoryName(n.category),
		n.district,
		n.street,
		n.community ?? '',
		n.affected_group,
		n.affected_count,
		urgencyLabel(t, n.urgency),
		n.support_count,
		n.proposal_count,
		when(n.created_at),
		when(n.published_at),
		n.merged_into ?? '',
		n.decline_reason ?? ''
	]);
	return { round, header, rows };
}

/** "needs-2026-weichuangtou.csv", safe in a Content-Disposition header. */
export function fileName(slug: string, ext: string): string {
	return `needs-${slug.replace(/[^a-z0-9-]/gi, '')}.${ext}`;
}
