import { describe, expect, it } from 'vitest';
import { freshDb, makeOrganisation, makeProposal, makeRound, makeUser, setPhase } from '../../../tests/helpers/db';
import { addReviews } from '../../../tests/helpers/decision';
import { drawLine, publishNotice } from './decisions';
import { answerObjection, fileObjection, listObjectionsForAdmin, listPublicObjections } from './objections';
import { LIMITS, consume } from './rate-limit';

async function onNotice() {
	const db = await freshDb();
	const round = await makeRound(db, 'review');
	const org = await makeOrganisation(db);
	const admin = await makeUser(db, 'admin');
	const reviewer = await makeUser(db, 'reviewer');
	const p = await makeProposal(db, round.id, org, 'eligible');
	await addReviews(db, round.id, p, [80], [reviewer.id]);
	await setPhase(db, round.id, 'decision');
	await drawLine(db, { roundId: round.id, actorId: admin.id, shortReviewsReason: '测试：评审份数不足时划线' });
	await publishNotice(db, { roundId: round.id, actorId: admin.id });
	return { db, round, admin, p };
}

describe('objections', () => {
	it('keeps the objector and the reason for admins; the public sees only the outcome and response', async () => {
		const { db, round, admin, p } = await onNotice();
		const reason = '我是隔壁的王大爷 13600000000，该机构没有在本社区开展过服务 🙏 <script>alert(1)</script>';
		const filed = await fileObjection(db, { roundId: round.id, proposalId: p, name: '王大爷', contact: '13600000000', reason, submissionKey: null });
		expect(filed.ok).toBe(true);
		expect((await listPublicObjections(db, round.id))).toEqual({ openCount: 1, answered: [] });
		const [admin1] = await listObjectionsForAdmin(db, round.id);
		expect(admin1).toMatchObject({ name: '王大爷', contact: '13600000000', reason, status: 'open' });

		await answerObjection(db, {
			roundId: round.id,
			objectionId: admin1.id,
			outcome: 'dismissed',
			effect: 'exclude', // ignored: only an upheld objection changes the list
			response: '经走访核实，该机构自 2024 年起在本社区开展长者服务。',
			actorId: admin.id
		});
		const pub = await listPublicObjections(db, round.id);
		expect(pub.answered).toEqual([
			expect.objectContaining({ status: 'dismissed', effect: 'none', response: '经走访核实，该机构自 2024 年起在本社区开展长者服务。' })
		]);
		const text = JSON.stringify(pub);
		for (const secret of ['王大爷', '13600000000', 'script']) expect(text).not.toContain(secret);
		const proposal = await db.selectFrom('proposals').select('status').where('id', '=', p).executeTakeFirstOrThrow();
		expect(proposal.status).toBe('funded');
		// The audit log records that an objection was filed and answered, never who filed it.
		const log = JSON.stringify(await db.selectFrom('audit_log').selectAll().where('entity', '=', 'objection').execute());
		expect(log).not.toContain('13600000000');
		expect(log).not.toContain('王大爷');
	});

	it('answers only objections of the round, once', async () => {
		const { db, round, admin, p } = await onNotice();
		const other = await onNotice();
		const filed = await fileObjection(db, { roundId: round.id, proposalId: p, name: 'a', contact: 'b', reason: '具体理由具体理由', submissionKey: null });
		const id = filed.ok ? filed.value : 0;
		expect(
			await answerObjection(db, { roundId: round.id + 1000, objectionId: id, outcome: 'upheld', effect: 'none', response: 'x', actorId: admin.id })
		).toMatchObject({ ok: false });
		expect(
			await answerObjection(other.db, { roundId: other.round.id, objectionId: id + 1000, outcome: 'upheld', effect: 'none', response: 'x', actorId: admin.id })
		).toEqual({ ok: false, errors: { _form: { key: 'results.err.noObjection' } } });
	});

	it('rate limits objections per address', async () => {
		const db = await freshDb();
		const results = [];
		for (let i = 0; i < 6; i++) results.push(await consume(db, 'objection', '203.0.113.5', LIMITS.objection));
		expect(results).toEqual([true, true, true, true, true, false]);
	});
});
