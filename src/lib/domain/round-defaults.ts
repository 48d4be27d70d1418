/**
 * A new round's settings as DOMAIN.md gives them: a ¥500,000 pool, grants of ¥5,000–¥50,000,
 * two proposals per organisation, five reviewers per proposal, Beijing time. The admin's new-round
 * form starts from them, and the seeds and tests build their rounds from them.
 */
export const ROUND_DEFAULTS = {
	pool_fen: 50_000_000,
	grant_min_fen: 500_000,
	grant_max_fen: 5_000_000,
	proposals_per_org: 2,
	reviewers_per_proposal: 5,
	time_zone: 'Asia/Shanghai'
} as const;
