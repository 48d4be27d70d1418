/**
 * Questions during applications (答疑): a station asks about a round's rules while applications are
 * open and before the round's question deadline; an admin answers; every answer is published to
 * all applicants and the public with the question, never with who asked (the organisation and the
 * person stay with the admins, as a round's fairness needs every applicant to read the same rules).
 */
import type { DB } from './db';
import { writeTransaction } from './db';
import { audit } from './audit';
import { phaseOf, type Round } from './rounds';
import { notFound, ok, phaseClosed, refuse, type Outcome } from './outcome';

/** Until when stations may ask: the round's own deadline, else the end of applications. */
export function questionsCloseAt(round: Pick<Round, 'questions_close_at' | 'eligibility_at'>): string {
	return round.questions_close_at ?? round.eligibility_at;
}

export async function askQuestion(
	db: DB,
	input: { round: Round; organisationId: number; userId: number; question: string },
	now = new Date()
): Promise<Outcome<number>> {
	const { round } = input;
	if (phaseOf(round, now) !== 'applications') return phaseClosed(round, now, 409);
	if (Date.parse(questionsCloseAt(round)) <= now.getTime()) {
		return refuse('people.questions.err.closed', undefined, 409);
	}
	return writeTransaction(db, async (trx) => {
		const { id } = await trx
			.insertInto('round_questions')
			.values({
				round_id: round.id,
				organisation_id: input.organisationId,
				asked_by: input.userId,
				question: input.question,
				asked_at: now.toISOString(),
				answer: null,
				answered_by: null,
				answered_at: null
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		await audit(trx, { actorId: input.userId, action: 'question.ask', entity: 'round', entityId: round.id, detail: { question: id } });
		return ok(id);
	});
}

/** Answers (or corrects the answer to) a question of the round; the answer is public at once. */
export async function answerQuestion(
	db: DB,
	input: { roundId: number; questionId: number; actorId: number; answer: string },
	now = new Date()
): Promise<Outcome> {
	return writeTransaction(db, async (trx) => {
		const done = await trx
			.updateTable('round_questions')
			.set({ answer: input.answer, answered_by: input.actorId, answered_at: now.toISOString() })
			.where('id', '=', input.questionId)
			.where('round_id', '=', input.roundId)
			.executeTakeFirst();
		if (Number(done.numUpdatedRows) !== 1) return notFound();
		await audit(trx, { actorId: input.actorId, action: 'question.answer', entity: 'round', entityId: input.roundId, detail: { question: input.questionId } });
		return ok();
	});
}

/** Sets the round's deadline for questions (an instant), or back to the application deadline (null). */
export async function setQuestionDeadline(db: DB, input: { roundId: number; actorId: number; at: string | null }): Promise<void> {
	await writeTransaction(db, async (trx) => {
		await trx.updateTable('rounds').set({ questions_close_at: input.at }).where('id', '=', input.roundId).execute();
		await audit(trx, { actorId: input.actorId, action: 'round.question_deadline', entity: 'round', entityId: input.roundId, detail: { at: input.at } });
	});
}

/** The answered questions of a round, for applicants and the public: no asker. */
export async function listPublicAnswers(db: DB, roundId: number) {
	return db
		.selectFrom('round_questions')
		.select(['id', 'question', 'answer', 'asked_at', 'answered_at'])
		.where('round_id', '=', roundId)
		.where('answered_at', 'is not', null)
		.orderBy('answered_at', 'desc')
		.orderBy('id', 'desc')
		.execute();
}

/** Every question of a round with who asked it, those waiting for an answer first: for admins. */
export async function listQuestionsForAdmin(db: DB, roundId: number) {
	const rows = await db
		.selectFrom('round_questions')
		.innerJoin('organisations', 'organisations.id', 'round_questions.organisation_id')
		.select([
			'round_questions.id',
			'round_questions.question',
			'round_questions.answer',
			'round_questions.asked_at',
			'round_questions.answered_at',
			'organisations.name as organisation_name'
		])
		.where('round_questions.round_id', '=', roundId)
		.orderBy('round_questions.id')
		.execute();
	// Sorted here: the engines put nulls at opposite ends.
	return [...rows.filter((r) => !r.answered_at), ...rows.filter((r) => r.answered_at)];
}

/** An organisation's own questions in a round, answered or not. */
export async function listOwnQuestions(db: DB, roundId: number, organisationId: number) {
	return db
		.selectFrom('round_questions')
		.select(['id', 'question', 'answer', 'asked_at', 'answered_at'])
		.where('round_id', '=', roundId)
		.where('organisation_id', '=', organisationId)
		.orderBy('id', 'desc')
		.execute();
}
