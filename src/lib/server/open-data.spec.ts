import { describe, expect, it } from 'vitest';
import { freshDb, makeRound, makeUser } from '../../../tests/helpers/db';
import { addScoredProposal } from '../../../tests/helpers/decision';
import { drawFundingLine, type LineCandidate } from '../domain/funding-line';
import { parseCsv } from '../domain/csv';
import { trimmedMean } from '../domain/scoring';
import { seedDecision } from './seed/decision';
import { answerObjection, fileObjection, listPublicObjections } from './objections';
import { confirmFinalList } from './decisions';
import { correctPublishedRecord, getNotice, getPublicProject } from './results';
import { decisionRecord, resultsCsv, resultsJson, type DecisionRecord } from './open-data';
import { readFileSync } from 'node:fs';
import { EVALUATED_BASES } from '../domain/ranking';
import { decisionRecord2JsonSchema, decisionRecord2Schema, type DecisionRecord2 } from './decision-record-schema';
import { recomputeFundedList, recomputeNoiseVariance, recomputeScores, reviewTotals } from '../../../tests/helpers/recompute-record-2';
import { roundStats } from './stats';
import { addPlaces } from './places';
import type { RankingBasis } from '../domain/ranking';

const PRIVATE = {
	residentName: '陈阿姨',
	residentPhone: '13800000000',
	objectorName: '林先生',
	objectorContact: '13900000001',
	objector2Contact: 'huang@example.org'
};

/**
 * A demo-like round: two districts, seven proposals with five reviews each, needs with contacts.
 * Format 1 is a round decided before record format 2 (by the trimmed mean, as it then was).
 */
async function decidedRound(options: { format?: 1 | 2; basis?: RankingBasis; places?: boolean; leniency?: number[] } = {}) {
	const db = await freshDb();
	const round = await makeRound(db, 'review', { pool_fen: 15_000_000, slug: 'open-data' });
	const format = options.format ?? 1;
	await db
		.updateTable('rounds')
		.set({ decision_format: format, ranking_score: options.basis ?? (format === 1 ? 'trimmed_mean' : 'additive_model') })
		.where('id', '=', round.id)
		.execute();
	if (options.places) await addPlaces(db, [{ district: '海珠区', street: '南华西街', community: '' }, { district: '越秀区', street: '北京街', community: '' }]);
	const admin = await makeUser(db, 'admin');
	const reviewers: { id: number; email: string; name: string }[] = [];
	for (let i = 0; i < 6; i++) {
		const r = await makeUser(db, 'reviewer');
		const name = (await db.selectFrom('users').select('name').where('id', '=', r.id).executeTakeFirstOrThrow()).name;
		reviewers.push({ id: r.id, email: r.email, name });
	}
	const orgs: number[] = [];
	for (const [name, district] of [
		['海珠区南华西街社工服务站', '海珠区'],
		['越秀区北京街社工服务站', '越秀区']
	]) {
		const { id } = await db
			.insertInto('organisations')
			.values({ name, kind: 'station', district, created_at: new Date().toISOString() })
			.returning('id')
			.executeTakeFirstOrThrow();
		orgs.push(id);
	}
	const { id: needId } = await db
		.insertInto('needs')
		.values({
			round_id: round.id,
			receipt_code: 'OD-1',
			submission_key: null,
			title: '长者吃饭难',
			description: '描述',
			category: 'elderly',
			district: '海珠区',
			street: '南华西街',
			affected_group: '独居长者',
			affected_count: 30,
			urgency: 'high',
			contact_name: PRIVATE.residentName,
			contact_phone: PRIVATE.residentPhone,
			status: 'published',
			decline_reason: null,
			created_at: new Date().toISOString(),
			published_at: new Date().toISOString()
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	const scores = [
		[70, 80, 90, 90, 100],
		[60, 80, 80, 90, 90],
		[80, 80, 80, 80, 80],
		[50, 70, 80, 80, 80],
		[40, 60, 70, 70, 90],
		[30, 60, 60, 70, 70],
		[20, 50, 50, 60, 60]
	];
	const ids: number[] = [];
	for (const [i, totals] of scores.entries()) {
		const author = await makeUser(db, 'station', orgs[i % 2]);
		const now = new Date(Date.UTC(2026, 2, 1, i)).toISOString();
		// Reviewers rotate, so each proposal's panel differs.
		// With `leniency`, reviewer k adds leniency[k] to every total (kept within 0–100).
		const panel = [0, 1, 2, 3, 4].map((k) => (k + i) % 6);
		const given = totals.map((t, k) => Math.min(100, Math.max(0, t + (options.leniency?.[panel[k]] ?? 0))));
		const id = await addScoredProposal(db, {
			roundId: round.id,
			organisationId: orgs[i % 2],
			authorId: author.id,
			title: `社区项目 ${i + 1}`,
			summary: '简介',
			requestedFen: [5_000_000, 4_000_000, 3_000_000][i % 3],
			totals: given,
			reviewerIds: panel.map((k) => reviewers[k].id),
			submittedAt: now,
			needId
		});
		ids.push(id);
	}
	const publishedAt = new Date('2026-03-02T07:00:00.000Z');
	await seedDecision(db, { roundSlug: round.slug, actorId: admin.id }, publishedAt);
	const fresh = async () => db.selectFrom('rounds').selectAll().where('id', '=', round.id).executeTakeFirstOrThrow();
	// The open objection is upheld: its project leaves the list.
	const open = await db.selectFrom('objections').select('id').where('status', '=', 'open').executeTakeFirstOrThrow();
	const during = new Date('2026-03-04T02:00:00.000Z');
	const answered = await answerObjection(
		db,
		{ roundId: round.id, objectionId: open.id, outcome: 'upheld', effect: 'exclude', response: '场地确实无法使用，移出名单。', actorId: admin.id },
		during
	);
	if (!answered.ok) throw new Error(JSON.stringify(answered.errors));
	const confirmed = await confirmFinalList(db, { roundId: round.id, actorId: admin.id }, new Date('2026-03-10T00:00:00.000Z'));
	if (!confirmed.ok) throw new Error(JSON.stringify(confirmed.errors));
	return { db, round: await fresh(), admin, reviewers, ids };
}

/** The rules as the record states them, written again from scratch: no shared code with the app. */
function independentFundedList(record: DecisionRecord): number[] {
	const rule = record.fundingRule;
	const amount = (p: DecisionRecord['proposals'][number]) =>
		p.reducedAwardFen !== null && p.reducedAwardFen > 0 && p.reducedAwardFen < p.requestedFen ? p.reducedAwardFen : p.requestedFen;
	const pool = record.proposals.filter((p) => p.eligible && p.override?.kind !== 'exclude');
	const f = 10 ** record.rankingScore.decimals;
	const score = (p: (typeof pool)[number]) => (p.rankingScore === null ? -Infinity : Math.round(p.rankingScore * f) / f);
	pool.sort((a, b) => {
		if (score(a) !== score(b)) return score(b) - score(a);
		if (rule.tieRule === 'lower_request' && amount(a) !== amount(b)) return amount(a) - amount(b);
		if (rule.tieRule === 'earlier_submission' && a.submittedAt !== b.submittedAt) return (a.submittedAt ?? '~') < (b.submittedAt ?? '~') ? -1 : 1;
		return a.id - b.id;
	});
	let left = rule.poolFen;
	const spent: Record<string, number> = {};
	const funded: number[] = [];
	for (const p of pool.filter((p) => p.override?.kind === 'fund')) {
		if (amount(p) <= left) {
			left -= amount(p);
			spent[p.district] = (spent[p.district] ?? 0) + amount(p);
			funded.push(p.id);
		}
	}
	for (const p of pool) {
		if (p.override?.kind === 'fund' || p.rankingScore === null) continue;
		if (rule.minScore !== null && score(p) < rule.minScore) continue;
		const cap = rule.districtCapsFen[p.district];
		if (cap !== undefined && (spent[p.district] ?? 0) + amount(p) > cap) continue;
		if (amount(p) > left) continue;
		left -= amount(p);
		spent[p.district] = (spent[p.district] ?? 0) + amount(p);
		funded.push(p.id);
	}
	return funded.sort((a, b) => a - b);
}

describe('open data', () => {
	it('recomputes the published funded list from decision-record.json alone, two ways', async () => {
		const { db, round } = await decidedRound();
		const record = JSON.parse(JSON.stringify(await decisionRecord(db, round))) as DecisionRecord;
		expect(record.format).toBe('decision-record/1');
		const published = record.proposals.filter((p) => p.published.funded).map((p) => p.id).sort((a, b) => a - b);
		expect(published.length).toBeGreaterThan(1);
		// The upheld objection and the demo's override and reduced award are all in play.
		expect(record.proposals.some((p) => p.override?.kind === 'exclude')).toBe(true);
		expect(record.proposals.some((p) => p.override?.kind === 'fund')).toBe(true);
		expect(record.proposals.some((p) => p.reducedAwardFen !== null)).toBe(true);

		// Each ranking score follows from the anonymised reviews by the stated trimmed mean.
		expect(record.rankingScore.basis).toBe('trimmed_mean');
		for (const p of record.proposals) {
			const t = trimmedMean(p.reviews.map((r) => r.total));
			expect(p.rankingScore).toBe(t === null ? null : Math.round(t * 100) / 100);
		}

		// 1. With the app's own pure function.
		const candidates: LineCandidate[] = record.proposals.map((p) => ({
			id: p.id,
			eligible: p.eligible,
			checked: p.checked,
			requestedFen: p.requestedFen,
			score: p.rankingScore,
			district: p.district,
			submittedAt: p.submittedAt,
			reducedAwardFen: p.reducedAwardFen,
			override: p.override
		}));
		const line = drawFundingLine(candidates, {
			poolFen: record.fundingRule.poolFen,
			tieRule: record.fundingRule.tieRule,
			minScore: record.fundingRule.minScore,
			districtCapsFen: record.fundingRule.districtCapsFen
		});
		expect(line.decisions.filter((d) => d.funded).map((d) => d.id).sort((a, b) => a - b)).toEqual(published);
		for (const d of line.decisions) {
			const p = record.proposals.find((p) => p.id === d.id)!;
			expect([d.reason, d.awardFen, d.rank]).toEqual([p.published.reason, p.published.awardFen, p.published.rank]);
		}
		// 2. With a reimplementation written from the stated rules.
		expect(independentFundedList(record)).toEqual(published);

		// And results.json and results.csv say the same.
		const json = await resultsJson(db, round);
		expect(json?.stage).toBe('final');
		expect(json?.proposals.filter((p) => p.funded).map((p) => p.id).sort((a, b) => a - b)).toEqual(published);
		const csv = (await resultsCsv(db, round))!;
		expect(csv.startsWith('\uFEFF')).toBe(true);
		const rows = parseCsv(csv);
		expect(rows[0][2]).toBe('项目名称 title');
		expect(rows.slice(1).filter((r) => r[10] === 'yes').map((r) => Number(r[0])).sort((a, b) => a - b)).toEqual(published);
		const stats = await roundStats(db, round);
		expect(stats.fundedTotal).toBe(published.length);
		expect(stats.awardedFen).toBe(json?.totals.awardedFen);
	});

	it('labels reviewers A, B, … within each proposal, by score, never by person', async () => {
		const { db, round } = await decidedRound();
		const record = (await decisionRecord(db, round)) as DecisionRecord;
		for (const p of record.proposals) {
			expect(p.reviews.map((r) => r.reviewer)).toEqual(['A', 'B', 'C', 'D', 'E']);
			const totals = p.reviews.map((r) => r.total);
			expect(totals).toEqual([...totals].sort((a, b) => b - a));
		}
	});

	it.each([1, 2] as const)('puts nothing private in any public page or file of the published round (record format %i)', async (format) => {
		const { db, round, reviewers, ids } = await decidedRound({ format });
		const outputs: unknown[] = [
			await getNotice(db, round),
			await listPublicObjections(db, round.id),
			await resultsJson(db, round),
			await resultsCsv(db, round),
			await decisionRecord(db, round),
			await roundStats(db, round)
		];
		for (const id of ids) outputs.push(await getPublicProject(db, id));
		const text = JSON.stringify(outputs);
		const secrets = [
			...Object.values(PRIVATE),
			'私密备注',
			'公开意见',
			...reviewers.flatMap((r) => [r.email, r.name]),
			'reviewerId',
			'assignment',
			'contact'
		];
		for (const secret of secrets) expect(text, secret).not.toContain(secret);
		// The objection's own reason stays with the admins too (objectors write their names in it).
		expect(text).not.toContain('怀疑重复申报');
	});

	it('publishes nothing before the notice', async () => {
		const db = await freshDb();
		const round = await makeRound(db, 'decision');
		expect(await resultsJson(db, round)).toBeNull();
		expect(await resultsCsv(db, round)).toBeNull();
		expect(await decisionRecord(db, round)).toBeNull();
		expect((await roundStats(db, round)).decided).toBe(false);
		// Objections before the notice are refused by phase.
		expect((await fileObjection(db, { roundId: round.id, proposalId: 1, name: 'a', contact: 'b', reason: 'c', submissionKey: null })).ok).toBe(false);
	});

	it('keeps the confirmed list as published when profiles change later; a correction is a new audited version', async () => {
		const { db, round, admin } = await decidedRound();
		const json = await resultsJson(db, round);
		const csv = await resultsCsv(db, round);
		const funded = json!.proposals.find((p) => p.funded)!;
		const project = await getPublicProject(db, funded.id);
		expect(project?.organisation).toBe(funded.organisation);

		// The organisation is renamed and the proposal's title, summary and award change after confirmation.
		const org = await db.selectFrom('proposals').select('organisation_id').where('id', '=', funded.id).executeTakeFirstOrThrow();
		await db.updateTable('organisations').set({ name: '更名后的社工服务中心', district: '天河区' }).where('id', '=', org.organisation_id).execute();
		await db.updateTable('proposals').set({ title: '改过的标题', summary: '改过的简介', award_fen: 1 }).where('id', '=', funded.id).execute();
		expect(await resultsJson(db, round)).toEqual(json);
		expect(await resultsCsv(db, round)).toBe(csv);
		expect(await getPublicProject(db, funded.id)).toEqual(project);

		// A correction needs a reason; with one it is a new version, recorded in the audit log.
		expect((await correctPublishedRecord(db, { roundId: round.id, actorId: admin.id, reason: ' ' })).ok).toBe(false);
		const corrected = await correctPublishedRecord(db, { roundId: round.id, actorId: admin.id, reason: '机构已于 3 月更名。' });
		expect(corrected).toEqual({ ok: true, value: { version: 2 } });
		const after = await resultsJson(db, round);
		expect(after!.record).toMatchObject({ version: 2, correctionReason: '机构已于 3 月更名。' });
		expect(after!.proposals.find((p) => p.id === funded.id)).toMatchObject({ organisation: '更名后的社工服务中心', title: '改过的标题' });
		expect((await getPublicProject(db, funded.id))?.title).toBe('改过的标题');
		const log = await db.selectFrom('audit_log').selectAll().where('action', '=', 'round.correct_record').execute();
		expect(log).toMatchObject([{ actor_id: admin.id, entity_id: String(round.id), reason: '机构已于 3 月更名。' }]);
	});
});

describe('decision record, format 2', () => {
	const record2 = async (db: Awaited<ReturnType<typeof decidedRound>>['db'], round: Awaited<ReturnType<typeof decidedRound>>['round']) =>
		JSON.parse(JSON.stringify(await decisionRecord(db, round))) as DecisionRecord2;

	expect(EVALUATED_BASES).toHaveLength(4);
	for (const basis of EVALUATED_BASES) {
		it(`recomputes a round ranked by ${basis} from its record alone, with an independent implementation`, async () => {
			// Two lenient reviewers and one harsh one, so that the model has something to correct.
			const { db, round } = await decidedRound({ format: 2, basis, places: true, leniency: [20, 0, -20, 0, 10, 0] });
			const record = await record2(db, round);
			expect(decisionRecord2Schema.safeParse(record).error).toBeUndefined();
			expect(record.format).toBe('decision-record/2');
			expect(record.aggregation.basis).toBe(basis);
			expect(record.reviews).toHaveLength(35);
			expect(reviewTotals(record)).toEqual(record.reviews.map((r) => r.totalHundredths));
			// Every score follows from the reviews by the stated basis and rounding rule.
			const scores = recomputeScores(record);
			for (const p of record.proposals) expect([p.id, scores.get(p.id) ?? null]).toEqual([p.id, p.scoreHundredths]);
			const published = record.proposals.filter((p) => p.published.funded).map((p) => p.id).sort((a, b) => a - b);
			expect(published.length).toBeGreaterThan(1);
			expect(recomputeFundedList(record, scores)).toEqual(published);
			// The admin's inputs and the objection's effect are in the record.
			expect(record.proposals.some((p) => p.override?.kind === 'exclude')).toBe(true);
			expect(record.proposals.some((p) => p.reducedAward !== null)).toBe(true);
			expect(record.objections.map((o) => o.outcome).sort()).toEqual(['dismissed', 'upheld']);
			expect(record.proposals.every((p) => p.districtPlaceId !== null)).toBe(true);
			if (basis === 'additive_model') {
				const model = record.aggregation.model!;
				// The model really corrects here: biases are estimated and shrunk, not the plain mean.
				expect(model.shrinkage).not.toBeNull();
				expect(Object.keys(model.reviewerBias)).toHaveLength(6);
				expect(Object.values(model.reviewerBias).some((b) => Math.abs(b) > 0.5)).toBe(true);
				const plainMeans = recomputeScores({ ...record, aggregation: { ...record.aggregation, basis: 'mean' } });
				expect(record.proposals.some((p) => p.scoreHundredths !== plainMeans.get(p.id))).toBe(true);
				expect(recomputeNoiseVariance(record)).toBeCloseTo(model.noiseVariance!, 6);
				for (const p of record.proposals) expect(Math.round(model.fitted[String(p.id)] * 100)).toBe(p.scoreHundredths);
				expect(record.aggregation.interval.method).toBe('model');
			}
		});
	}

	it('names each reviewer by one pseudonym on every proposal, never by name, and states the rule in both languages', async () => {
		const { db, round, reviewers } = await decidedRound({ format: 2 });
		const record = await record2(db, round);
		const pseudonyms = new Set(record.reviews.map((r) => r.reviewer));
		expect([...pseudonyms].sort()).toEqual(['A', 'B', 'C', 'D', 'E', 'F']);
		// Reviewers rotate over proposals, so each pseudonym appears on several proposals.
		for (const name of pseudonyms) expect(record.reviews.filter((r) => r.reviewer === name).length).toBeGreaterThan(1);
		const text = JSON.stringify(record);
		for (const r of reviewers) for (const secret of [r.email, r.name]) expect(text).not.toContain(secret);
		expect(text).not.toContain('reviewerId');
		expect(text).not.toContain('私密备注');
		expect(record.rule.zh.length).toBe(record.rule.en.length);
		expect(record.rule.zh.join('')).toContain('四舍五入');
		expect(record.software.version).toMatch(/^\d+\.\d+\.\d+/);
		expect(record.rubric.criteria.reduce((s, c) => s + c.weight, 0)).toBe(100);
	});

	it('publishes a JSON Schema that is the format’s schema as it stands', () => {
		const file = JSON.parse(readFileSync(new URL('../../../static/decision-record-2.schema.json', import.meta.url), 'utf8'));
		expect(file).toEqual(JSON.parse(JSON.stringify(decisionRecord2JsonSchema())));
	});

	it('keeps a round decided under format 1 on its format-1 record', async () => {
		const { db, round } = await decidedRound({ format: 1 });
		expect(((await decisionRecord(db, round)) as DecisionRecord).format).toBe('decision-record/1');
	});
});
