import { expect, test, type APIRequestContext, type PlaywrightWorkerArgs } from '@playwright/test';
import type { DB } from '../../src/lib/server/db';
import { createProposal } from '../../src/lib/server/proposals';
import { drawLine, publishNotice } from '../../src/lib/server/decisions';
import { createInvitation } from '../../src/lib/server/auth/invite';
import { getRubric } from '../../src/lib/server/rubric';
import { makeOrganisation, makeProposal, makeRound } from '../helpers/db';
import { insertPublishedNeed, placeIds } from '../helpers/needs';
import { proposalInput } from '../helpers/proposals';
import { ACCOUNTS, type AccountKey } from '../fixtures/accounts';
import { withE2eDb } from './db';
import { apiSignIn, browserPost, fixtures } from './helpers';

/**
 * Every form that creates a record or moves a state, sent twice at once with the same key and
 * fields (a double click with scripts off on a slow network): both requests get the same answer
 * and exactly one record is made or one state moved. Counted by what each action writes.
 */

type Playwright = PlaywrightWorkerArgs['playwright'];

interface Sent {
	name: string;
	who: AccountKey | null;
	/** The page whose forms carry the key. */
	page: string;
	action: string;
	form: (key: string) => URLSearchParams;
	/** What the action writes, counted before and after. */
	count: (db: DB) => Promise<number>;
}

/** The forms sent twice so far in this worker; each test checks its own list, 19 forms in all. */
const tested: string[] = [];

async function contextFor(playwright: Playwright, baseURL: string, who: AccountKey | null): Promise<APIRequestContext> {
	const context = await playwright.request.newContext({ baseURL });
	if (who) await apiSignIn(context, baseURL, who);
	return context;
}

/** Loads the page, reads its form key, posts the form twice at once; both answers must match and one row be written. */
async function sendTwice(playwright: Playwright, baseURL: string, sent: Sent) {
	const context = await contextFor(playwright, baseURL, sent.who);
	const html = await (await context.get(sent.page)).text();
	const key = /name="submission_key" value="([a-z2-9]+)"/.exec(html)?.[1];
	const before = await withE2eDb(sent.count);
	const post = () => context.post(sent.action, { headers: { ...browserPost(baseURL), 'content-type': 'application/x-www-form-urlencoded' }, data: sent.form(key ?? '').toString(), maxRedirects: 0 });
	const [a, b] = await Promise.all([post(), post()]);
	const answers = [a, b].map((r) => `${r.status()} ${r.headers().location ?? ''}`);
	expect(a.status(), `${sent.name}: ${answers.join(' | ')} ${a.status() === 303 ? '' : (await a.text()).slice(0, 300)}`).toBe(303);
	expect(answers[1], `${sent.name}: the second request gets the first answer`).toBe(answers[0]);
	expect((await withE2eDb(sent.count)) - before, `${sent.name}: rows written`).toBe(1);
	expect(key, `${sent.name}: the page carries a form key`).toBeTruthy();
	tested.push(sent.name);
	await context.dispose();
	return { answers: [a, b], location: a.headers().location };
}

async function userId(db: DB, who: AccountKey) {
	return (await db.selectFrom('users').select('id').where('email', '=', ACCOUNTS[who].email).executeTakeFirstOrThrow()).id;
}

const audits = (action: string, entityId?: number | string) => (db: DB) =>
	db
		.selectFrom('audit_log')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('action', '=', action)
		.$if(entityId !== undefined, (q) => q.where('entity_id', '=', String(entityId)))
		.executeTakeFirstOrThrow()
		.then((r) => Number(r.n));

async function publishedNeeds(db: DB, roundId: number, tag: string) {
	return [await insertPublishedNeed(db, roundId, { title: `楼道照明 ${tag}` }), await insertPublishedNeed(db, roundId, { title: `长者助餐 ${tag}` })];
}

/** The proposal form's fields, as the editor posts them, for a proposal that meets every rule. */
function proposalForm(key: string, title: string, needIds: number[], version?: number) {
	const input = proposalInput(needIds, { title });
	const form = new URLSearchParams({ submission_key: key, title, summary: input.summary, targetGroup: input.targetGroup, beneficiaries: '1200', team: input.team, matchingCash: '2000', volunteerHours: '50' });
	if (version !== undefined) form.set('version', String(version));
	for (const id of needIds) form.append('needs', String(id));
	for (const l of input.lines) {
		form.append('line.category', l.category);
		form.append('line.item', l.item);
		form.append('line.unit', l.unit);
		form.append('line.quantity', String(l.quantity));
		form.append('line.price', (l.unitPriceFen / 100).toFixed(2));
	}
	form.append('activity.name', '长者互助小组');
	form.append('activity.start', '2026-03');
	form.append('activity.end', '2026-08');
	form.append('indicator.name', '服务长者');
	form.append('indicator.target', '120');
	form.append('indicator.unit', '人');
	return form;
}

const stamp = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

test('a station’s proposal forms sent twice make one proposal, one save, one submission, one withdrawal', async ({ playwright, baseURL }) => {
	const tag = stamp();
	const { organisationA } = fixtures();
	const arranged = await withE2eDb(async (db) => {
		const round = await makeRound(db, 'applications', { slug: `double-${tag}`, title: `重复提交 ${tag}`, proposals_per_org: 5 });
		const needIds = await publishedNeeds(db, round.id, tag);
		const actorId = await userId(db, 'stationA');
		const draft = async (title: string, submit = false) => {
			const made = await createProposal(db, { round, organisationId: organisationA, actorId, input: proposalInput(needIds, { title }), submit });
			if (!made.ok) throw new Error(JSON.stringify(made.errors));
			return made.value;
		};
		return { round, needIds, saved: await draft(`草稿保存 ${tag}`), submitted: await draft(`草稿提交 ${tag}`), withdrawn: await draft(`撤回 ${tag}`, true) };
	});
	const ofTitle = (title: string) => (db: DB) =>
		db.selectFrom('proposals').select((eb) => eb.fn.countAll<number>().as('n')).where('title', '=', title).executeTakeFirstOrThrow().then((r) => Number(r.n));
	const newPage = `/station/proposals/new?round=${arranged.round.slug}`;
	await sendTwice(playwright, baseURL!, {
		name: 'new proposal: save draft',
		who: 'stationA',
		page: newPage,
		action: `${newPage}&/save`,
		form: (key) => proposalForm(key, `新草稿 ${tag}`, arranged.needIds),
		count: ofTitle(`新草稿 ${tag}`)
	});
	await sendTwice(playwright, baseURL!, {
		name: 'new proposal: submit',
		who: 'stationA',
		page: newPage,
		action: `${newPage}&/submit`,
		form: (key) => proposalForm(key, `新申报 ${tag}`, arranged.needIds),
		count: ofTitle(`新申报 ${tag}`)
	});
	const page = (id: number) => `/station/proposals/${id}`;
	await sendTwice(playwright, baseURL!, {
		name: 'proposal: save',
		who: 'stationA',
		page: page(arranged.saved.id),
		action: `${page(arranged.saved.id)}?/save`,
		form: (key) => proposalForm(key, `草稿保存 ${tag}（改）`, arranged.needIds, arranged.saved.version),
		count: audits('proposal.update', arranged.saved.id)
	});
	await sendTwice(playwright, baseURL!, {
		name: 'proposal: submit',
		who: 'stationA',
		page: page(arranged.submitted.id),
		action: `${page(arranged.submitted.id)}?/submit`,
		form: (key) => proposalForm(key, `草稿提交 ${tag}`, arranged.needIds, arranged.submitted.version),
		count: (db) => db.selectFrom('proposal_snapshots').select((eb) => eb.fn.countAll<number>().as('n')).where('proposal_id', '=', arranged.submitted.id).executeTakeFirstOrThrow().then((r) => Number(r.n))
	});
	await sendTwice(playwright, baseURL!, {
		name: 'proposal: withdraw',
		who: 'stationA',
		page: page(arranged.withdrawn.id),
		action: `${page(arranged.withdrawn.id)}?/withdraw`,
		form: (key) => new URLSearchParams({ submission_key: key, confirm: 'yes', version: String(arranged.withdrawn.version) }),
		count: audits('proposal.withdraw', arranged.withdrawn.id)
	});
	expect(tested.slice(-5)).toEqual(['new proposal: save draft', 'new proposal: submit', 'proposal: save', 'proposal: submit', 'proposal: withdraw']);
});

test('a reviewer’s and a resident’s forms sent twice count once', async ({ playwright, baseURL }) => {
	const tag = stamp();
	const arranged = await withE2eDb(async (db) => {
		const round = await makeRound(db, 'review', { slug: `double-review-${tag}` });
		const org = await makeOrganisation(db, `重复评审机构 ${tag}`);
		const proposals = [await makeProposal(db, round.id, org, 'eligible'), await makeProposal(db, round.id, org, 'eligible')];
		const reviewer = await userId(db, 'reviewer2');
		const assignments: number[] = [];
		for (const proposalId of proposals) {
			const { id } = await db
				.insertInto('review_assignments')
				.values({ round_id: round.id, proposal_id: proposalId, reviewer_id: reviewer, status: 'assigned', comment: null, private_note: null, assigned_at: new Date().toISOString(), submitted_at: null })
				.returning('id')
				.executeTakeFirstOrThrow();
			assignments.push(id);
		}
		const call = await makeRound(db, 'needs_call', { slug: `double-call-${tag}` });
		return { proposals, assignments, rubric: await getRubric(db, round.id), call, ...(await placeIds(db, '海珠区', '沙园街')) };
	});
	const scores = (key: string) => {
		const form = new URLSearchParams({ submission_key: key, comment: '设计扎实，预算合理。' });
		for (const c of arranged.rubric) form.set(`score_${c.id}`, String(Math.min(8, c.scale_max)));
		return form;
	};
	const [first, second] = arranged.assignments;
	await sendTwice(playwright, baseURL!, {
		name: 'review: submit',
		who: 'reviewer2',
		page: `/review/assignments/${first}`,
		action: `/review/assignments/${first}?/submit`,
		form: scores,
		count: (db) => db.selectFrom('audit_log').select('detail').where('action', '=', 'review.submit').execute().then((rows) => rows.filter((r) => JSON.parse(r.detail!).assignmentId === first).length)
	});
	await sendTwice(playwright, baseURL!, {
		name: 'review: declare a conflict',
		who: 'reviewer2',
		page: `/review/assignments/${second}`,
		action: `/review/assignments/${second}?/conflict`,
		form: (key) => new URLSearchParams({ submission_key: key, reason: '我曾在该机构兼职。' }),
		count: (db) => db.selectFrom('review_conflicts').select((eb) => eb.fn.countAll<number>().as('n')).where('proposal_id', '=', arranged.proposals[1]).executeTakeFirstOrThrow().then((r) => Number(r.n))
	});
	const needPage = `/rounds/${arranged.call.slug}/needs/new`;
	await sendTwice(playwright, baseURL!, {
		name: 'resident: report a need',
		who: null,
		page: needPage,
		action: needPage,
		form: (key) =>
			new URLSearchParams({ submission_key: key, title: `楼道灯坏了 ${tag}`, description: '三号楼。', category: 'elderly', district_id: arranged.district_id, street_id: arranged.street_id, affected_group: '长者', urgency: 'medium', website: '' }),
		count: (db) => db.selectFrom('needs').select((eb) => eb.fn.countAll<number>().as('n')).where('title', '=', `楼道灯坏了 ${tag}`).executeTakeFirstOrThrow().then((r) => Number(r.n))
	});
	expect(tested.slice(-3)).toEqual(['review: submit', 'review: declare a conflict', 'resident: report a need']);
});

test('an invitation accepted twice at once makes one account and signs both requests in', async ({ playwright, baseURL }) => {
	const tag = stamp();
	const email = `double-${tag}@e2e.test`;
	const token = await withE2eDb(async (db) =>
		(await createInvitation(db, { email, name: '新评审', role: 'reviewer', organisationId: null, createdBy: await userId(db, 'admin') })).token
	);
	const { answers } = await sendTwice(playwright, baseURL!, {
		name: 'invitation: accept',
		who: null,
		page: `/invite/${token}`,
		action: `/invite/${token}`,
		form: (key) => new URLSearchParams({ submission_key: key, name: '新评审', password: 'a long enough password', confirm: 'a long enough password' }),
		count: (db) => db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).where('email', '=', email).executeTakeFirstOrThrow().then((r) => Number(r.n))
	});
	for (const answer of answers) expect(answer.headers()['set-cookie']).toContain('session=');

	// Two tabs with different passwords: one account, and the other tab is told the link was used.
	const other = await withE2eDb(async (db) =>
		(await createInvitation(db, { email: `two-tabs-${tag}@e2e.test`, name: '两个标签页', role: 'reviewer', organisationId: null, createdBy: await userId(db, 'admin') })).token
	);
	const tab = (password: string) =>
		playwright.request.newContext({ baseURL }).then((c) =>
			c.post(`/invite/${other}`, { form: { name: '两个标签页', password, confirm: password }, headers: browserPost(baseURL!), maxRedirects: 0 })
		);
	const both = await Promise.all([tab('first tab password'), tab('second tab password')]);
	expect(both.map((r) => r.status()).sort()).toEqual([303, 410]);
	expect(await both.find((r) => r.status() === 410)!.text()).toContain('此邀请链接已被使用');
	const accounts = await withE2eDb((db) => db.selectFrom('users').select('id').where('email', '=', `two-tabs-${tag}@e2e.test`).execute());
	expect(accounts).toHaveLength(1);
});

test('an admin’s eligibility, funding-line, notice and an objector’s forms sent twice act once', async ({ playwright, baseURL }) => {
	test.setTimeout(120_000);
	const tag = stamp();
	const arranged = await withE2eDb(async (db) => {
		const admin = await userId(db, 'admin');
		const org = await makeOrganisation(db, `重复决策机构 ${tag}`);
		const checking = await makeRound(db, 'eligibility', { slug: `double-check-${tag}` });
		const submitted = await makeProposal(db, checking.id, org, 'submitted');
		const deciding = await makeRound(db, 'decision', { slug: `double-decide-${tag}` });
		const [a, b] = [await makeProposal(db, deciding.id, org, 'eligible', 3_000_000), await makeProposal(db, deciding.id, org, 'eligible', 2_000_000)];
		const noticed = await makeRound(db, 'decision', { slug: `double-notice-${tag}` });
		const objected = await makeProposal(db, noticed.id, org, 'eligible');
		await drawLine(db, { roundId: noticed.id, actorId: admin, shortReviewsReason: '测试：无评审时划线' });
		const published = await publishNotice(db, { roundId: noticed.id, actorId: admin });
		if (!published.ok) throw new Error('notice not published');
		return { checking, submitted, deciding, a, b, noticed, objected };
	});
	await sendTwice(playwright, baseURL!, {
		name: 'eligibility: outcome',
		who: 'admin',
		page: `/admin/rounds/${arranged.checking.id}/eligibility/${arranged.submitted}`,
		action: `/admin/rounds/${arranged.checking.id}/eligibility/${arranged.submitted}`,
		form: (key) => new URLSearchParams({ submission_key: key, outcome: 'reject', comment: '申报主体不在本轮资助范围。', revisionDueAt: '' }),
		count: (db) => db.selectFrom('eligibility_checks').select((eb) => eb.fn.countAll<number>().as('n')).where('proposal_id', '=', arranged.submitted).executeTakeFirstOrThrow().then((r) => Number(r.n))
	});
	await sendTwice(playwright, baseURL!, {
		name: 'objection',
		who: null,
		page: `/rounds/${arranged.noticed.slug}/notice`,
		action: `/rounds/${arranged.noticed.slug}/notice`,
		form: (key) => new URLSearchParams({ submission_key: key, proposalId: String(arranged.objected), reason: '该项目与去年资助项目内容重复。', name: '林先生', contact: '13900000001', consent: 'on' }),
		count: (db) => db.selectFrom('objections').select((eb) => eb.fn.countAll<number>().as('n')).where('proposal_id', '=', arranged.objected).executeTakeFirstOrThrow().then((r) => Number(r.n))
	});

	const round = arranged.deciding.id;
	const decision = `/admin/rounds/${round}/decision`;
	const line = (name: string, action: string, fields: Record<string, string>, count: (db: DB) => Promise<number>) =>
		sendTwice(playwright, baseURL!, { name: `funding line: ${name}`, who: 'admin', page: decision, action: `${decision}?/${action}`, form: (key) => new URLSearchParams({ submission_key: key, ...fields }), count });
	await line('draw', 'draw', { shortReviewsReason: '测试：评审未交齐时划线' }, audits('round.draw_line', round));
	await line('settings', 'settings', { tieRule: 'lower_request', minScore: '', caps: '', noticeDays: '5' }, audits('round.line_settings', round));
	await line('reduce', 'reduce', { proposalId: String(arranged.a), award: '25000', reason: '活动规模可缩减。' }, audits('proposal.award_reduce', arranged.a));
	await line('reduce cleared', 'reduceClear', { proposalId: String(arranged.a) }, audits('proposal.award_full', arranged.a));
	await line('override', 'override', { proposalId: String(arranged.b), kind: 'fund', reason: '该街道尚无资助项目。' }, audits('proposal.line_override_fund', arranged.b));
	await line('override cleared', 'overrideClear', { proposalId: String(arranged.b) }, audits('proposal.line_override_clear', arranged.b));
	await line('publish the notice', 'publishNotice', {}, audits('round.publish_notice', round));
	// The notice period has run out, with no objection open.
	await withE2eDb((db) => db.updateTable('rounds').set({ notice_ends_at: new Date(Date.now() - 60_000).toISOString() }).where('id', '=', round).execute());
	await line('confirm the final list', 'confirm', {}, audits('round.confirm_results', round));
	expect(tested.slice(-10)).toEqual([
		'eligibility: outcome',
		'objection',
		'funding line: draw',
		'funding line: settings',
		'funding line: reduce',
		'funding line: reduce cleared',
		'funding line: override',
		'funding line: override cleared',
		'funding line: publish the notice',
		'funding line: confirm the final list'
	]);
});
