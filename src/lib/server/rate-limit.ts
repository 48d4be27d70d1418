/**
 * `RATE_LIMITS=off` turns every limiter off, for the benchmark and the resilience tests' own
 * servers, which send thousands of requests from one address. Never set it in production.
 */
const disabled = () => process.env.RATE_LIMITS === 'off';

/**
 * Fixed-window counters in memory: enough for one server process (the deployment this app
 * targets). A multi-process deployment would move these counters into shared storage.
 */
export class RateLimiter {
	private readonly hits = new Map<string, { count: number; resetAt: number }>();

	constructor(
		private readonly max: number,
		private readonly windowMs: number
	) {}

	/** Counts one attempt for `key`; false when the key is over its limit for this window. */
	consume(key: string, now = Date.now()): boolean {
		if (disabled()) return true;
		const entry = this.hits.get(key);
		if (!entry || entry.resetAt <= now) {
			if (this.hits.size > 50_000) this.prune(now);
			this.hits.set(key, { count: 1, resetAt: now + this.windowMs });
			return true;
		}
		entry.count += 1;
		return entry.count <= this.max;
	}

	/** Whether `key` is over its limit, without counting an attempt. */
	blocked(key: string, now = Date.now()): boolean {
		if (disabled()) return false;
		const entry = this.hits.get(key);
		return !!entry && entry.resetAt > now && entry.count >= this.max;
	}

	reset(key: string): void {
		this.hits.delete(key);
	}

	private prune(now: number): void {
		for (const [key, entry] of this.hits) if (entry.resetAt <= now) this.hits.delete(key);
	}
}
