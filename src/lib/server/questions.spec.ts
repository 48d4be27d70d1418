import { describe, expect, it } from 'vitest';
import { freshDb, makeOrganisation, makeRound, makeUser } from '../../../tests/helpers/db';
import { answerQuestion, askQuestion, listPublicAnswers, listQuestionsForAdmin, questionsCloseAt, setQuestionDeadline } from './questions';
import { getRoundById } from './rounds';

describe('questions during applications', () => {
	it('a station asks, an admin answers, and the answer is public without who asked', async () => {
		const db = await freshDb();
		const round = await makeRound(db, 'applications');
		const organisation = await makeOrganisation(db, '海珠区南华西街社工站');
		const staff = await makeUser(db, 'station', organisation);
		const admin = await makeUser(db, 'admin');
		const asked = await askQuestion(db, { round, organisationId: organisation, userId: staff.id, question: '志愿者交通补贴可以列入活动费吗？' });
		if (!asked.ok) throw new Error('not asked');
		expect(await listPublicAnswers(db, round.id)).toEqual([]);
		expect((await listQuestionsForAdmin(db, round.id)).map((q) => q.organisation_name)).toEqual(['海珠区南华西街社工站']);

		expect(await answerQuestion(db, { roundId: round.id + 1000, questionId: asked.value, actorId: admin.id, answer: '可以。' })).toMatchObject({ ok: false, status: 404 });
		expect((await answerQuestion(db, { roundId: round.id, questionId: asked.value, actorId: admin.id, answer: '可以，列入交通类。' })).ok).toBe(true);
		const published = await listPublicAnswers(db, round.id);
		expect(published).toHaveLength(1);
		expect(published[0]).toMatchObject({ question: '志愿者交通补贴可以列入活动费吗？', answer: '可以，列入交通类。' });
		const shown = JSON.stringify(published);
		expect(shown).not.toContain('南华西街社工站');
		expect(Object.keys(published[0]).sort()).toEqual(['answer', 'answered_at', 'asked_at', 'id', 'question']);
		const log = await db.selectFrom('audit_log').select('action').where('entity', '=', 'round').where('entity_id', '=', String(round.id)).where('action', 'like', 'question.%').orderBy('id').execute();
		expect(log.map((l) => l.action)).toEqual(['question.ask', 'question.answer']);
	});

	it('refuses questions after the round’s deadline, or outside applications', async () => {
		const db = await freshDb();
		const organisation = await makeOrganisation(db);
		const staff = await makeUser(db, 'station', organisation);
		const admin = await makeUser(db, 'admin');
		const round = await makeRound(db, 'applications');
		expect(questionsCloseAt(round)).toBe(round.eligibility_at);
		await setQuestionDeadline(db, { roundId: round.id, actorId: admin.id, at: new Date(Date.now() - 60_000).toISOString() });
		const moved = (await getRoundById(db, round.id))!;
		expect(await askQuestion(db, { round: moved, organisationId: organisation, userId: staff.id, question: '截止后还能提问吗？' })).toMatchObject({
			ok: false,
			status: 409,
			errors: { _form: { key: 'people.questions.err.closed' } }
		});
		const review = await makeRound(db, 'review');
		expect(await askQuestion(db, { round: review, organisationId: organisation, userId: staff.id, question: '评审阶段还能提问吗？' })).toMatchObject({
			ok: false,
			errors: { _form: { key: 'err.phaseClosed' } }
		});
		expect(await db.selectFrom('round_questions').select('id').execute()).toHaveLength(0);
	});
});
