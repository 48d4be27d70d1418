import { getDb } from '$lib/server/db';
import type { SessionUser } from '$lib/server/auth/session';
import type { Round } from '$lib/server/rounds';
import { exportPayments } from '$lib/server/grant-views';
import { translate, type Locale, type MessageKey } from '$lib/i18n';
import { fenToYuanInput } from '$lib/domain/money';
import type { Cell } from '$lib/domain/csv';

const COLUMNS = ['occurredOn', 'entry', 'project', 'name', 'organisation', 'kind', 'tranche', 'amount', 'reference', 'reason', 'requestedBy', 'approvedBy'] as const;

/**
 * The round's payments, returns and reversals as a header and rows in the admin's language, for
 * CSV and .xlsx alike. Amounts in yuan (a reversal negative); the payee's account stays out.
 */
export async function paymentsSheet(access: { user: SessionUser; round: Round }, localeOf: Locale | undefined, format: 'csv' | 'xlsx') {
	const { user, round } = access;
	const locale: Locale = localeOf ?? 'zh-CN';
	const t = (key: MessageKey, params?: Record<string, string | number>) => translate(locale, key, params);
	const entries = await exportPayments(getDb(), { roundId: round.id, actorId: user.id, format });
	const header = COLUMNS.map((c) => t(`grants.export.${c}`));
	const rows: Cell[][] = entries.map((e) => [
		e.occurredOn,
		e.id,
		e.proposalId,
		e.title,
		e.organisation,
		e.reversesId === null ? t(`grants.ledger.${e.kind}`) : `${t(`grants.ledger.${e.kind}`)} · ${t('grants.ledger.reverse')} #${e.reversesId}`,
		e.tranche === null ? '' : t('grants.trancheN', { position: e.tranche }),
		Number(fenToYuanInput(e.amountFen)),
		e.reference,
		e.reason ?? '',
		e.requestedBy ?? '',
		e.approvedBy ?? ''
	]);
	return { round, header, rows, fileName: (ext: string) => `payments-${round.slug.replace(/[^a-z0-9-]/gi, '')}.${ext}` };
}
