import type { DB } from './db';
import { DEFAULT_RANKING_BASIS } from '../domain/ranking';
import type { NewRound, Round } from './schema';
import { audit } from './audit';
import { currentPhase, scheduledPhase, type Phase, PHASES, PHASE_START } from '../domain/phases';
import { DEFAULT_RUBRIC } from '../domain/scoring';
import type { PublicRound } from '../domain/round-view';
import type { RoundDecisionState } from '../domain/status';
import { templateRubric, templateSettings } from './round-template';

export type { Round };

/** The round's phase now (or at `now`), honouring an admin's override. */
export function phaseOf(round: Round, now = new Date()): Phase {
	return currentPhase(round, now);
}

/** Whether the round's list is final: confirmed after its notice, or published before notices existed. */
export function isFinal(round: Pick<Round, 'results_confirmed_at' | 'results_published_at' | 'notice_published_at'>): boolean {
	return !!round.results_confirmed_at || (!round.notice_published_at && !!round.results_published_at);
}

/** What the round says about its decision now: the input of the one status model (domain/status.ts). */
export function decisionState(round: Round, now = new Date()): RoundDecisionState {
	return { phase: phaseOf(round, now), noticePublished: !!round.notice_published_at, final: isFinal(round) };
}

/** Whether the round is in one of `phases`: the gate on every phase-bound action. */
export function inPhase(round: Round, phases: readonly Phase[], now = new Date()): boolean {
	return phases.includes(phaseOf(round, now));
}

export async function getRoundBySlug(db: DB, slug: string): Promise<Round | undefined> {
	return db.selectFrom('rounds').selectAll().where('slug', '=', slug).executeTakeFirst();
}

/** A round the public may see by its slug (any phase after draft), or undefined. */
export async function publicRoundBySlug(db: DB, slug: string, now = new Date()): Promise<Round | undefined> {
	const round = await getRoundBySlug(db, slug);
	return round && phaseOf(round, now) !== 'draft' ? round : undefined;
}

export async function getRoundById(db: DB, id: number): Promise<Round | undefined> {
	return db.selectFrom('rounds').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * The round, its row locked until the transaction `trx` ends (on PostgreSQL; SQLite's write
 * transaction holds the whole database): for a rule that hangs on the round, such as its funding line.
 */
export async function lockedRound(trx: DB, id: number): Promise<Round | undefined> {
	return trx.selectFrom('rounds').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

/** The round a row refers to: its foreign key guarantees there is one. */
export async function getRoundByIdOrThrow(db: DB, id: number): Promise<Round> {
	const round = await getRoundById(db, id);
	if (!round) throw new Error(`no round ${id}`);
	return round;
}

export async function listRounds(db: DB): Promise<Round[]> {
	return db.selectFrom('rounds').selectAll().orderBy('year', 'desc').orderBy('id', 'desc').execute();
}

/** Rounds the public may see: every round past draft, newest first. */
export async function listPublicRounds(db: DB, now = new Date()): Promise<Round[]> {
	return (await listRounds(db)).filter((r) => phaseOf(r, now) !== 'draft');
}

export type RoundInput = Omit<NewRound, 'id' | 'created_at' | 'created_by' | 'phase_override' | 'results_published_at'>;

/**
 * Creates a round with the default rubric of DOMAIN.md, or, given a `template` round, with the
 * template's rubric, proposal rules, checklist and review and decision settings.
 */
export async function createRound(
	db: DB,
	input: RoundInput,
	actorId: number | null,
	template?: Round,
	/** More to write in the same transaction once the round exists (its pool's allocation). */
	within?: (trx: DB, roundId: number) => Promise<void>
): Promise<number> {
	return db.transaction().execute(async (trx) => {
		const { id } = await trx
			.insertInto('rounds')
			.values({
				ranking_score: DEFAULT_RANKING_BASIS,
				...(template ? templateSettings(template) : {}),
				...input,
				created_by: actorId,
				created_at: new Date().toISOString()
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		const criteria = template
			? await templateRubric(trx, template.id, id)
			: DEFAULT_RUBRIC.map((c, i) => ({
					round_id: id,
					position: i + 1,
					name_zh: c.name_zh,
					name_en: c.name_en,
					description: '',
					weight: c.weight,
					scale_max: 10
				}));
		if (criteria.length > 0) await trx.insertInto('rubric_criteria').values(criteria).execute();
		await within?.(trx, id);
		await audit(trx, {
			actorId,
			action: 'round.create',
			entity: 'round',
			entityId: id,
			detail: { slug: input.slug, poolFen: input.pool_fen, ...(template ? { templateSlug: template.slug } : {}) }
		});
		return id;
	});
}

export async function updateRound(
	db: DB,
	roundId: number,
	input: Partial<RoundInput>,
	actorId: number
): Promise<void> {
	await db.updateTable('rounds').set(input).where('id', '=', roundId).execute();
	await audit(db, { actorId, action: 'round.update', entity: 'round', entityId: roundId, detail: input });
}

/**
 * Moves the round to `phase` ahead of (or behind) its schedule and keeps it there, or, with
 * null, lets the schedule rule again. Always recorded with the reason.
 */
export async function overridePhase(
	db: DB,
	round: Round,
	phase: Phase | null,
	actorId: number,
	reason: string,
	now = new Date()
): Promise<void> {
	await db.updateTable('rounds').set({ phase_override: phase }).where('id', '=', round.id).execute();
	await audit(db, {
		actorId,
		action: phase ? 'round.phase_override' : 'round.phase_follow_schedule',
		entity: 'round',
		entityId: round.id,
		reason,
		detail: { from: phaseOf(round, now), to: phase ?? scheduledPhase(round, now) }
	});
}

/** The round's schedule as a list of (phase, start) for timelines. */
export function scheduleOf(round: Round): { phase: Phase; startsAt: string }[] {
	return PHASES.slice(1).map((phase) => ({
		phase,
		startsAt: round[PHASE_START[phase as Exclude<Phase, 'draft'>]]
	}));
}

/** What the public pages show of a round: no ids of staff, nothing private. */
export function publicRoundView(round: Round, now = new Date()): PublicRound {
	return {
		slug: round.slug,
		title: round.title,
		year: round.year,
		phase: phaseOf(round, now),
		poolFen: round.pool_fen,
		grantMinFen: round.grant_min_fen,
		grantMaxFen: round.grant_max_fen,
		timeZone: round.time_zone,
		schedule: scheduleOf(round),
		resultsPublished: round.results_published_at !== null,
		noticePublished: round.notice_published_at !== null
	};
}
