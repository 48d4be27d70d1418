/**
 * A published partial lottery for the grey zone (as the Swiss National Science Foundation runs
 * one): proposals that the reviews cannot tell apart at the funding line are put in a random
 * order that nobody can shape.
 *
 * 1. The grey zone is recorded first (see grey-zone.ts).
 * 2. A secret seed (64 hex digits from a cryptographic source) is drawn and only its SHA-256,
 *    the commitment, is published.
 * 3. At the draw the seed is published. Anyone checks that SHA-256(seed) is the commitment, and
 *    recomputes the order: each proposal's key is SHA-256 of "<seed>:<proposal id>", smallest
 *    key first. (`printf '%s' "$seed:17" | sha256sum` in a shell gives proposal 17's key.)
 *
 * Since the seed is fixed before anyone can see it and the grey zone before the seed is
 * revealed, neither can be chosen to favour a proposal.
 */
import { sha256Hex } from './sha256';

export const LOTTERY_SEED = /^[0-9a-f]{64}$/;

export const LOTTERY_RULE = {
	hash: 'SHA-256',
	commitment: 'sha256(seed)',
	key: 'sha256(seed + ":" + proposalId)',
	order: 'keys ascending (lowercase hex), then proposal id',
	text: {
		zh: '抽签种子为 64 位十六进制数。抽签前公布种子的 SHA-256 值，抽签后公布种子；每个灰区项目的签号为 SHA-256("种子:项目编号")，按签号从小到大排序，依次在剩余资金内资助。',
		en: 'The seed is 64 hexadecimal digits. Its SHA-256 is published before the draw and the seed after it; each grey-zone proposal’s key is SHA-256("seed:proposal id"), and the proposals are funded in ascending key order while the pool lasts.'
	}
} as const;

export function isLotterySeed(seed: string): boolean {
	return LOTTERY_SEED.test(seed);
}

/** What is published before the draw. */
export function lotteryCommitment(seed: string): string {
	if (!isLotterySeed(seed)) throw new RangeError('a lottery seed is 64 lowercase hexadecimal digits');
	return sha256Hex(seed);
}

export interface LotteryTicket {
	id: number;
	key: string;
}

/** The drawn order of the grey zone's proposals, each with its key. */
export function drawLottery(seed: string, ids: readonly number[]): LotteryTicket[] {
	if (!isLotterySeed(seed)) throw new RangeError('a lottery seed is 64 lowercase hexadecimal digits');
	return [...new Set(ids)]
		.map((id) => ({ id, key: sha256Hex(`${seed}:${id}`) }))
		.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.id - b.id));
}

export type LotteryCheck =
	| { ok: true; order: number[] }
	| { ok: false; reason: 'bad_seed' | 'commitment_mismatch' | 'order_mismatch' };

/** Checks a published lottery from its record: the seed matches the commitment and gives the order. */
export function verifyLottery(record: {
	commitment: string;
	seed: string;
	greyZone: readonly number[];
	drawnOrder: readonly number[];
}): LotteryCheck {
	if (!isLotterySeed(record.seed)) return { ok: false, reason: 'bad_seed' };
	if (sha256Hex(record.seed) !== record.commitment.toLowerCase()) return { ok: false, reason: 'commitment_mismatch' };
	const order = drawLottery(record.seed, record.greyZone).map((t) => t.id);
	const same = order.length === record.drawnOrder.length && order.every((id, i) => id === record.drawnOrder[i]);
	return same ? { ok: true, order } : { ok: false, reason: 'order_mismatch' };
}
