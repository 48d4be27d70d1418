/**
 * What the evaluations say of each project (中期评估 / 结项评估), for the grant records: each
 * report's grade once every evaluator is in, and whether the last tranche is withheld by a final
 * 不合格. Read by grants.ts (payability, the timeline, the public view) and evaluations.ts; it
 * imports neither, so no import circle forms.
 */
import type { DB } from './db';
import { combineEvaluations, lastTrancheWithheld, type EvaluationOutcome } from '../domain/evaluation';
import type { ReportKind } from '../domain/project-reports';

export interface ReportEvaluation extends EvaluationOutcome {
	/** When the grade was decided: the last evaluator's submission (an ISO instant); null before. */
	gradedAt: string | null;
}

export interface EvaluationFacts {
	midterm: ReportEvaluation;
	final: ReportEvaluation;
	/** An admin's override of a final 不合格, with its reason. */
	override: { reason: string; at: string } | null;
	/** The last tranche is not payable: a final 不合格 not overridden. */
	withheld: boolean;
}

const none = (): ReportEvaluation => ({ ...combineEvaluations([]), gradedAt: null });

/** Every project's evaluation facts (projects without evaluators get empty ones), in two queries. */
export async function evaluationFactsOf(db: DB, proposalIds: readonly number[]): Promise<Map<number, EvaluationFacts>> {
	const ids = [...new Set(proposalIds)];
	const out = new Map<number, EvaluationFacts>(ids.map((id) => [id, { midterm: none(), final: none(), override: null, withheld: false }]));
	if (ids.length === 0) return out;
	const [all, overrides, declared, sameOrg] = await Promise.all([
		db
			.selectFrom('evaluation_assignments')
			.select(['proposal_id', 'kind', 'evaluator_id', 'total_hundredths', 'submitted_at', 'status'])
			.where('proposal_id', 'in', ids)
			.orderBy('id')
			.execute(),
		db.selectFrom('evaluation_overrides').select(['proposal_id', 'reason', 'overridden_at']).where('proposal_id', 'in', ids).execute(),
		db.selectFrom('review_conflicts').select(['proposal_id', 'reviewer_id']).where('proposal_id', 'in', ids).execute(),
		db
			.selectFrom('evaluation_assignments')
			.innerJoin('proposals', 'proposals.id', 'evaluation_assignments.proposal_id')
			.innerJoin('users', 'users.id', 'evaluation_assignments.evaluator_id')
			.select(['evaluation_assignments.proposal_id', 'evaluation_assignments.evaluator_id as reviewer_id'])
			.where('evaluation_assignments.proposal_id', 'in', ids)
			.whereRef('users.organisation_id', '=', 'proposals.organisation_id')
			.execute()
	]);
	// An evaluator with a conflict of interest (回避, the review's rules) does not count: neither a
	// score given under it nor an evaluation they can no longer open holds the grade back.
	const conflicted = new Set([...declared, ...sameOrg].map((c) => `${c.proposal_id}:${c.reviewer_id}`));
	const rows = all.filter((r) => !conflicted.has(`${r.proposal_id}:${r.evaluator_id}`));
	const grouped = new Map<string, typeof rows>();
	for (const r of rows) grouped.set(`${r.proposal_id}:${r.kind}`, [...(grouped.get(`${r.proposal_id}:${r.kind}`) ?? []), r]);
	for (const [id, facts] of out) {
		for (const kind of ['midterm', 'final'] as const satisfies readonly ReportKind[]) {
			const list = grouped.get(`${id}:${kind}`) ?? [];
			const outcome = combineEvaluations(list.map((r) => (r.status === 'submitted' ? Number(r.total_hundredths) : null)));
			const gradedAt = outcome.grade ? list.map((r) => r.submitted_at!).sort().at(-1)! : null;
			facts[kind] = { ...outcome, gradedAt };
		}
		const o = overrides.find((x) => x.proposal_id === id);
		facts.override = o ? { reason: o.reason, at: o.overridden_at } : null;
		facts.withheld = lastTrancheWithheld(facts.final.grade, !!o);
	}
	return out;
}

export async function evaluationFactsFor(db: DB, proposalId: number): Promise<EvaluationFacts> {
	return (await evaluationFactsOf(db, [proposalId])).get(proposalId)!;
}
