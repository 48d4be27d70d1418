import { describe, expect, it } from 'vitest';
import { freshDb, makeOrganisation, makeRound, makeUser } from '../../../tests/helpers/db';
import { insertPublishedNeed, placeIds } from '../../../tests/helpers/needs';
import { proposalInput } from '../../../tests/helpers/proposals';
import { needSchema } from '../schemas/needs';
import { createOrganisation } from './organisations';
import { createProposal, submitProposal, updateProposal } from './proposals';
import { reportNeed, supportNeed } from './needs';
import { mergeNeed } from './needs-moderation';

/**
 * Requests that arrive together, as on a server with a pool of connections: on PostgreSQL each
 * call below runs on a connection of its own, side by side (READ COMMITTED), where SQLite takes
 * them one at a time. What a rule promises must hold on both.
 */
describe('requests at the same moment', () => {
	it('store a need sent many times at once (one submission key) once, with one receipt for all', async () => {
		const db = await freshDb();
		const round = await makeRound(db, 'needs_call');
		const input = needSchema.parse({
			title: '独居长者缺少助餐服务',
			description: '小区里有二十多位独居长者，附近没有长者饭堂，下雨天买菜做饭很困难。',
			category: 'elderly',
			...(await placeIds(db)),
			affected_group: '行动不便的独居长者',
			affected_count: '25',
			urgency: 'high',
			contact_name: '陈阿姨',
			contact_phone: '13800138000',
			consent: 'on'
		});
		const keys = ['a', 'b', 'c'].map((c) => c.repeat(24));
		const answers = await Promise.all(keys.flatMap((key) => Array.from({ length: 30 }, () => reportNeed(db, round, input, key))));
		expect(answers).toHaveLength(90);
		const stored = answers.map((a) => {
			if (!a.ok) throw new Error('need refused');
			return a.value;
		});
		for (const [i] of keys.entries()) {
			const group = stored.slice(i * 30, i * 30 + 30);
			expect(new Set(group.map((a) => a.receiptCode)).size).toBe(1);
			expect(group.filter((a) => !a.duplicate)).toHaveLength(1);
		}
		expect(await db.selectFrom('needs').select('id').execute()).toHaveLength(3);
	});

	it('submit no more of an organisation’s proposals than the round allows', async () => {
		const db = await freshDb();
		const round = await makeRound(db, 'applications', { proposals_per_org: 2 });
		const org = await makeOrganisation(db);
		const author = await makeUser(db, 'station', org);
		const needId = await insertPublishedNeed(db, round.id);
		const drafts: number[] = [];
		for (let i = 0; i < 6; i++) {
			const draft = await createProposal(db, { round, organisationId: org, actorId: author.id, input: proposalInput([needId]) });
			if (!draft.ok) throw new Error('draft refused');
			drafts.push(draft.value.id);
		}
		const results = await Promise.all(
			drafts.map((proposalId) => submitProposal(db, { round, proposalId, organisationId: org, actorId: author.id }))
		);
		expect(results.filter((r) => r.ok)).toHaveLength(2);
		const submitted = await db.selectFrom('proposals').select('id').where('status', '=', 'submitted').execute();
		expect(submitted).toHaveLength(2);

		// Five saves of one proposal from the same version: one is kept, the others are told of the conflict.
		const [first] = submitted;
		const saves = await Promise.all(
			Array.from({ length: 5 }, (_, i) =>
				updateProposal(db, {
					round,
					proposalId: first.id,
					organisationId: org,
					actorId: author.id,
					version: 2,
					input: { ...proposalInput([needId]), title: `第 ${i} 次修改` }
				})
			)
		);
		expect(saves.filter((s) => s.ok)).toHaveLength(1);
		expect(saves.filter((s) => !s.ok && s.status === 409)).toHaveLength(4);
	});

	it('create one organisation of a name two admins add at once', async () => {
		const db = await freshDb();
		const admin = await makeUser(db, 'admin');
		const input = { name: '海珠区同心社工服务站', kind: 'station', district: '海珠区' } as Parameters<typeof createOrganisation>[1];
		const results = await Promise.all(Array.from({ length: 8 }, () => createOrganisation(db, input, admin.id)));
		expect(results.filter((r) => r.ok)).toHaveLength(1);
		expect(results.filter((r) => !r.ok && r.errors.name?.key === 'org.err.nameTaken')).toHaveLength(7);
	});

	it('carry every "me too" said while the need is merged into the need it joins', async () => {
		const db = await freshDb();
		const round = await makeRound(db, 'needs_call');
		const admin = await makeUser(db, 'admin');
		const need = (code: string) => insertPublishedNeed(db, round.id, { receipt_code: code });
		for (let trial = 0; trial < 5; trial++) {
			const [duplicate, kept] = [await need(`dup-${trial}`), await need(`kept-${trial}`)];
			const supports = Array.from({ length: 12 }, (_, i) => supportNeed(db, duplicate, `supporter-${trial}-${i}`));
			const [merged, ...said] = await Promise.all([mergeNeed(db, duplicate, kept, admin.id), ...supports]);
			expect(merged.ok).toBe(true);
			const added = said.filter((s) => s.ok && s.value.added).length;
			const { support_count } = await db.selectFrom('needs').select('support_count').where('id', '=', kept).executeTakeFirstOrThrow();
			const rows = await db.selectFrom('need_supports').select('supporter_hash').where('need_id', '=', kept).execute();
			// Each supporter the app said "added" to is behind the need that remains, counted once.
			expect(rows).toHaveLength(added);
			expect(support_count).toBe(added);
		}
	});
});
