import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { sha256Hex } from './sha256';
import { drawLottery, lotteryCommitment, verifyLottery } from './lottery';

const SEED = '5f2b8c0a9e1d4c7b3a6f0e9d8c7b6a5f4e3d2c1b0a9f8e7d6c5b4a3f2e1d0c9b';

describe('SHA-256', () => {
	it('matches the standard test vectors and node:crypto on any text', () => {
		expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
		expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
		expect(sha256Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe(
			'248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1'
		);
		fc.assert(
			fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (text) => {
				expect(sha256Hex(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
			})
		);
	});
});

describe('grey-zone lottery', () => {
	it('commits to the seed by its hash and draws an order anyone can recompute from the seed', () => {
		const commitment = lotteryCommitment(SEED);
		expect(commitment).toBe(createHash('sha256').update(SEED).digest('hex'));
		const tickets = drawLottery(SEED, [12, 7, 30, 7]);
		expect(tickets.map((t) => t.id).sort((a, b) => a - b)).toEqual([7, 12, 30]);
		// Each key is SHA-256 of "<seed>:<id>", the order is by key.
		for (const t of tickets) expect(t.key).toBe(createHash('sha256').update(`${SEED}:${t.id}`).digest('hex'));
		expect(tickets.map((t) => t.key)).toEqual(tickets.map((t) => t.key).sort());
		// The order does not depend on how the grey zone was listed.
		expect(drawLottery(SEED, [30, 12, 7])).toEqual(tickets);
		const record = { commitment, seed: SEED, greyZone: [7, 12, 30], drawnOrder: tickets.map((t) => t.id) };
		expect(verifyLottery(record)).toEqual({ ok: true, order: record.drawnOrder });
	});

	it('catches a seed that does not match its commitment, or an order the seed does not give', () => {
		const commitment = lotteryCommitment(SEED);
		const order = drawLottery(SEED, [1, 2, 3, 4, 5]).map((t) => t.id);
		const other = SEED.replace(/^5/, '6');
		expect(verifyLottery({ commitment, seed: other, greyZone: [1, 2, 3, 4, 5], drawnOrder: order })).toEqual({ ok: false, reason: 'commitment_mismatch' });
		expect(verifyLottery({ commitment, seed: SEED, greyZone: [1, 2, 3, 4, 5], drawnOrder: [...order].reverse() })).toEqual({ ok: false, reason: 'order_mismatch' });
		expect(verifyLottery({ commitment, seed: 'not a seed', greyZone: [], drawnOrder: [] })).toEqual({ ok: false, reason: 'bad_seed' });
		expect(() => lotteryCommitment('ABC')).toThrow(RangeError);
	});

	it('property: every proposal of the grey zone is equally likely to be drawn first', () => {
		// Over many seeds, each of four proposals comes first about a quarter of the time.
		const first = new Map<number, number>();
		for (let i = 0; i < 4000; i++) {
			const seed = createHash('sha256').update(`seed ${i}`).digest('hex');
			const id = drawLottery(seed, [1, 2, 3, 4])[0].id;
			first.set(id, (first.get(id) ?? 0) + 1);
		}
		for (const id of [1, 2, 3, 4]) expect(Math.abs(first.get(id)! - 1000)).toBeLessThan(120);
	});
});
