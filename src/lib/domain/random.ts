/**
 * A small seeded random source (mulberry32), so that everything drawn from it (bootstrap
 * intervals, the ranking evaluation's synthetic panels) is the same on every machine and run.
 * Not for secrets: the grant lottery's draw uses SHA-256 of a published seed (see lottery.ts).
 */
export interface Random {
	/** Uniform in [0, 1). */
	uniform(): number;
	/** Standard normal (Box–Muller). */
	normal(): number;
	/** Uniform integer in [0, n). */
	below(n: number): number;
}

export function seededRandom(seed: number): Random {
	let s = seed >>> 0;
	const uniform = () => {
		s = (s + 0x6d2b79f5) >>> 0;
		let t = s;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	return {
		uniform,
		normal: () => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform()),
		below: (n) => Math.floor(uniform() * n)
	};
}
