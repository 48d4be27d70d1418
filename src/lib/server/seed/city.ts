import type { Insertable, Kysely, Transaction } from 'kysely';
import { indexPendingNeeds } from '../need-search';
import type { DB } from '../db';
import { refreshPlannerStatistics } from '../db';
import type { Database } from '../schema';
import { createRound } from '../rounds';
import { getRubric } from '../rubric';
import { hashPassword } from '../auth/password';
import { DISTRICTS, SERVICE_CATEGORIES, STREETS } from '../../domain/catalogue';
import { seedCityFunds } from './funds';
import { seededRandom } from './demo';
import { seedGrants, type GrantProgress } from './grants';
import { ROUND_DEFAULTS } from '../../domain/round-defaults';

/**
 * A whole city's round at full size, for the benchmark and for trying the app at scale: 11
 * districts, ~180 streets, ~2,800 communities, 20,000 needs, 2,000 proposals with budgets, 60
 * reviewers and 10,000 reviews, the same every time for the same seed.
 *
 * Rows go in many to an insert, in one transaction, on either engine. Columns that later
 * migrations add are left to their defaults.
 */

export const CITY_PASSWORD = 'city-password-2026';
export const CITY_ROUND_SLUG = 'city-2026';
export const CITY_EARLIER_SLUG = 'city-2025';

export interface CityOptions {
	seed?: number;
	/** 1 is the full city; the tests use a small fraction. */
	scale?: number;
	now?: Date;
}

export interface CitySummary {
	roundSlug: string;
	earlierSlug: string;
	adminEmail: string;
	reviewerEmails: string[];
	stationEmails: string[];
	password: string;
	counts: {
		districts: number;
		streets: number;
		communities: number;
		needs: number;
		proposals: number;
		reviewers: number;
		reviews: number;
		organisations: number;
	};
}

const DAY = 24 * 60 * 60 * 1000;

const SYLLABLES = [...'新华东南西北中和平安康乐永兴宏昌盛泰福寿吉祥明光金银星月龙凤云海江山河湖沙石林松竹梅兰桂荔榕花城港湾岗塘岭田园桥庄'];
const COMMUNITY_SUFFIX = ['社区', '社区', '社区', '村', '花园社区', '新村社区'];

const NEED_TITLES = [
	['elderly', '独居长者缺少日间陪伴', '独居、空巢长者'],
	['elderly', '长者饭堂送餐人手不足', '高龄长者'],
	['children', '双职工家庭孩子放学后无人照看', '小学生'],
	['youth', '青少年假期缺少健康活动', '初中生'],
	['disability', '残障人士出行无障碍设施不足', '肢体残障居民'],
	['hardship', '困境儿童课业辅导需求', '低保家庭儿童'],
	['migrants', '新市民不了解社区办事流程', '来穗新市民'],
	['environment', '老旧小区垃圾分类做不好', '老旧小区居民'],
	['mutual_aid', '邻里之间互不认识缺少互助', '小区居民'],
	['corrections', '社区矫正对象就业困难', '社区矫正对象'],
	['drugs', '青少年禁毒宣传形式单一', '中学生'],
	['other', '小巷夜间照明不足', '夜间出行居民']
] as const;

const PROPOSAL_TITLES = [
	'“暖心到家”独居长者探访计划',
	'四点半课堂：课后托管',
	'“无碍同行”残障人士出行支持',
	'困境儿童“成长伙伴”学业辅导',
	'“新羊城人”融入计划',
	'垃圾分类“楼长制”示范',
	'社区时间银行试点',
	'禁毒情景剧进校园',
	'“点亮小巷”夜间安全巡逻',
	'邻里节与楼道互助群'
];

function placeName(rnd: ReturnType<typeof seededRandom>, suffix: string, taken: Set<string>): string {
	for (;;) {
		const name = rnd.pick(SYLLABLES) + rnd.pick(SYLLABLES) + suffix;
		if (!taken.has(name)) {
			taken.add(name);
			return name;
		}
	}
}

/** The city's places: every district, ~180 streets (the real ones first), ~2,800 communities. */
export function cityPlaces(seed: number, scale = 1) {
	const rnd = seededRandom(seed * 31 + 1);
	const streetTotal = Math.max(DISTRICTS.length, Math.round(180 * scale));
	const perStreet = 15.5;
	return DISTRICTS.map((district, d) => {
		const count = Math.floor(streetTotal / DISTRICTS.length) + (d < streetTotal % DISTRICTS.length ? 1 : 0);
		const taken = new Set<string>(STREETS[district]);
		const names = [...STREETS[district]].slice(0, count);
		while (names.length < count) names.push(placeName(rnd, '街', taken));
		return {
			district,
			streets: names.map((street) => {
				const n = Math.max(1, Math.round(perStreet + rnd.int(-2, 2)));
				const seen = new Set<string>();
				return { street, communities: Array.from({ length: n }, () => placeName(rnd, rnd.pick(COMMUNITY_SUFFIX), seen)) };
			})
		};
	});
}

/** Rows per insert: far below both engines' limit on bound values (SQLite 32,766, PostgreSQL 65,535). */
const CHUNK = 500;

async function insertAll<T extends keyof Database & string>(
	trx: Transaction<Database>,
	table: T,
	rows: Insertable<Database[T]>[]
): Promise<number[]> {
	const ids: number[] = [];
	for (let i = 0; i < rows.length; i += CHUNK) {
		const chunk = rows.slice(i, i + CHUNK);
		// Ids are handed out in the order of the rows, on both engines, inside this one transaction.
		const inserted = (await (trx as unknown as Kysely<Record<string, { id: number }>>)
			.insertInto(table)
			.values(chunk as never)
			.returning('id')
			.execute()) as { id: number }[];
		ids.push(...inserted.map((r) => r.id).sort((a, b) => a - b));
	}
	return ids;
}

async function insertMany<T extends keyof Database & string>(trx: Transaction<Database>, table: T, rows: Insertable<Database[T]>[]) {
	for (let i = 0; i < rows.length; i += CHUNK) {
		await (trx as unknown as Kysely<Record<string, object>>)
			.insertInto(table)
			.values(rows.slice(i, i + CHUNK) as never)
			.execute();
	}
}

/** Seeds the city into a migrated, empty database. */
export async function seedCity(db: DB, options: CityOptions = {}): Promise<CitySummary> {
	const seed = options.seed ?? 2026;
	const scale = options.scale ?? 1;
	const now = options.now ?? new Date();
	const rnd = seededRandom(seed);
	const iso = (ms: number) => new Date(ms).toISOString();
	const at = now.getTime();

	const counts = {
		needs: Math.round(20_000 * scale),
		proposals: Math.round(2_000 * scale),
		reviewers: Math.max(6, Math.round(60 * Math.min(1, scale * 10))),
		organisations: Math.max(4, Math.round(1_000 * scale))
	};
	// One hash for every account: argon2 is slow on purpose, and these are test accounts.
	const passwordHash = await hashPassword(CITY_PASSWORD);

	const base = {
		...ROUND_DEFAULTS,
		pool_fen: 3_000_000_000,
	};
	const schedule = (reviewStart: number) => ({
		needs_call_at: iso(reviewStart - 75 * DAY),
		applications_at: iso(reviewStart - 45 * DAY),
		eligibility_at: iso(reviewStart - 14 * DAY),
		review_at: iso(reviewStart),
		decision_at: iso(reviewStart + 14 * DAY),
		notice_at: iso(reviewStart + 21 * DAY),
		implementation_at: iso(reviewStart + 28 * DAY),
		closed_at: iso(reviewStart + 300 * DAY)
	});
	const earlierId = await createRound(
		db,
		{ ...base, slug: CITY_EARLIER_SLUG, title: '2025 年全市社区公益微创投', year: 2025, ...schedule(at - 380 * DAY) },
		null
	);
	const currentId = await createRound(
		db,
		{ ...base, slug: CITY_ROUND_SLUG, title: '2026 年全市社区公益微创投', year: 2026, ...schedule(at - 5 * DAY) },
		null
	);
	const rubrics = { [earlierId]: await getRubric(db, earlierId), [currentId]: await getRubric(db, currentId) };

	const places = cityPlaces(seed, scale);

	const summary = await db.transaction().execute(async (trx) => {
		const created = iso(at - 100 * DAY);
		// Places, level by level, and a flat list of communities to draw needs from.
		const districtIds = await insertAll(
			trx,
			'places',
			places.map(({ district }, d) => ({ kind: 'district', name: district, parent_id: null, path: district, position: d, created_at: created }))
		);
		const streetRows = places.flatMap(({ district, streets }, d) =>
			streets.map(({ street, communities }, s) => ({ district, street, communities, districtId: districtIds[d], position: s }))
		);
		const streetIds = await insertAll(
			trx,
			'places',
			streetRows.map((r) => ({ kind: 'street', name: r.street, parent_id: r.districtId, path: `${r.district}/${r.street}`, position: r.position, created_at: created }))
		);
		const flat = streetRows.flatMap((r, i) =>
			r.communities.map((community, c) => ({ district: r.district, street: r.street, community, districtId: r.districtId, streetId: streetIds[i], position: c }))
		);
		const communityIds = await insertAll(
			trx,
			'places',
			flat.map((f) => ({
				kind: 'community',
				name: f.community,
				parent_id: f.streetId,
				path: `${f.district}/${f.street}/${f.community}`,
				position: f.position,
				created_at: created
			}))
		);

		const adminEmail = 'admin@city.gz.cn';
		const user = (email: string, name: string, role: 'admin' | 'station' | 'reviewer', organisation_id: number | null) => ({
			email,
			name,
			password_hash: passwordHash,
			role,
			organisation_id,
			created_at: created
		});
		await insertMany(trx, 'users', [user(adminEmail, '市慈善会管理员', 'admin', null)]);

		const orgRows = Array.from({ length: counts.organisations }, (_, i) => {
			const place = flat[(i * 7) % flat.length];
			const kind = i % 5 === 0 ? 'family_centre' : i % 7 === 0 ? 'social_org' : 'station';
			const name = `${place.district}${place.street}${kind === 'family_centre' ? '家庭综合服务中心' : '社工服务站'}${i + 1}`;
			return { name, kind, district: place.district, created_at: created };
		});
		const orgIds = await insertAll(trx, 'organisations', orgRows);
		const stationEmails = orgRows.map((_, i) => `station${i + 1}@city.gz.cn`);
		const staffIds = await insertAll(
			trx,
			'users',
			stationEmails.map((email, i) => user(email, `社工${i + 1}`, 'station', orgIds[i]))
		);
		const orgs = orgRows.map((o, i) => ({ id: orgIds[i], staff: staffIds[i], district: o.district }));
		const reviewerEmails = Array.from({ length: counts.reviewers }, (_, i) => `reviewer${i + 1}@city.gz.cn`);
		const reviewers = await insertAll(
			trx,
			'users',
			reviewerEmails.map((email, i) => user(email, `评审专家${i + 1}`, 'reviewer', null))
		);

		const alphabet = 'abcdefghijkmnpqrstuvwxyz23456789';
		const receipt = () => {
			let s = '';
			for (let i = 0; i < 12; i++) s += alphabet[rnd.int(0, alphabet.length - 1)];
			return s;
		};
		const seenReceipts = new Set<string>();
		const needRows = Array.from({ length: counts.needs }, (_, i) => {
			const roundId = i % 5 === 0 ? earlierId : currentId;
			const since = roundId === earlierId ? at - 455 * DAY : at - 80 * DAY;
			const p = rnd.int(0, flat.length - 1);
			const place = flat[p];
			const [category, title, group] = NEED_TITLES[rnd.int(0, NEED_TITLES.length - 1)];
			const status = i % 13 === 6 ? 'declined' : i % 11 === 4 ? 'new' : 'published';
			const createdAt = since + rnd.int(0, 29 * 86_400) * 1000;
			let code = receipt();
			while (seenReceipts.has(code)) code = receipt();
			seenReceipts.add(code);
			const contact = rnd.next() < 0.6;
			return {
				round_id: roundId,
				receipt_code: code,
				title: `${place.community}：${title}`,
				description: `${place.district}${place.street}${place.community}的居民反映：${title}，希望社工站和志愿者一起想办法。`,
				category,
				district: place.district,
				street: place.street,
				affected_group: group,
				affected_count: rnd.int(5, 500),
				urgency: rnd.pick(['low', 'medium', 'high'] as const),
				contact_name: contact ? '居民' : null,
				contact_phone: contact ? `13${rnd.int(0, 9)}${String(rnd.int(0, 99_999_999)).padStart(8, '0')}` : null,
				status: status as 'declined' | 'new' | 'published',
				decline_reason: status === 'declined' ? '该诉求属于物业维修范围，已转交街道处理。' : null,
				support_count: status === 'published' ? rnd.int(0, 120) : 0,
				created_at: iso(createdAt),
				published_at: status === 'published' ? iso(createdAt + 2 * DAY) : null,
				district_id: place.districtId,
				street_id: place.streetId,
				community_id: communityIds[p],
				community: place.community
			};
		});
		const needIds = await insertAll(trx, 'needs', needRows);
		const needsOf: Record<number, number[]> = { [earlierId]: [], [currentId]: [] };
		needRows.forEach((n, i) => {
			if (n.status === 'published') needsOf[n.round_id].push(needIds[i]);
		});

		// Proposals with what hangs off them, by the proposal's place in the list until it has an id.
		const proposalRows: Insertable<Database['proposals']>[] = [];
		const links: { proposal: number; need_id: number }[] = [];
		const lines: { proposal: number; position: number; category: string; item: string; unit: string; quantity: number; unit_price_fen: number }[] = [];
		const assignments: { proposal: number; reviewer_id: number; done: boolean; submitted: number; scores: [number, number][] }[] = [];
		const earlierScored: { proposal: number; requested: number; score: number }[] = [];
		for (let i = 0; i < counts.proposals; i++) {
			const roundId = i % 5 === 0 ? earlierId : currentId;
			const finished = roundId === earlierId;
			const org = orgs[Math.floor(i / 2) % orgs.length];
			// Whole hundreds of yuan, so budget lines divide evenly.
			const requested = rnd.int(10, 50) * 100_000;
			const status = !finished && i % 29 === 3 ? 'ineligible' : 'eligible';
			const submitted = finished ? at - 420 * DAY : at - 30 * DAY;
			proposalRows.push({
				round_id: roundId,
				organisation_id: org.id,
				title: `${org.district}${PROPOSAL_TITLES[i % PROPOSAL_TITLES.length]}`,
				summary: '链接社区志愿者与驻点社工，开展定期探访、小组活动和社区倡导，回应居民提出的需求。',
				requested_fen: requested,
				status: status as 'eligible' | 'ineligible',
				award_fen: null,
				decision_reason: status === 'ineligible' ? '预算中含固定资产购置，不符合资助范围。' : null,
				created_by: org.staff,
				created_at: iso(submitted),
				updated_at: iso(submitted),
				submitted_at: iso(submitted)
			});
			const needs = needsOf[roundId];
			if (needs.length) {
				const linked = new Set([needs[rnd.int(0, needs.length - 1)], needs[rnd.int(0, needs.length - 1)]]);
				for (const need_id of linked) links.push({ proposal: i, need_id });
			}
			const parts: [string, string, string, number][] = [
				['personnel', '项目社工补贴', '人·月', 0.25],
				['activities', '小组与社区活动', '场', 0.45],
				['materials', '活动物资', '批', 0.2],
				['publicity', '宣传品印制', '批', 0.1]
			];
			// Whole yuan per line; the last line takes the rest, so the lines add up to the request.
			const amounts = parts.map(([, , , share]) => Math.round((requested * share) / 1000) * 1000);
			amounts[amounts.length - 1] = requested - amounts.slice(0, -1).reduce((a, b) => a + b, 0);
			parts.forEach(([category, item, unit], position) => {
				const quantity = category === 'activities' ? 10 : 1;
				lines.push({ proposal: i, position, category, item, unit, quantity, unit_price_fen: amounts[position] / quantity });
			});
			if (status !== 'eligible') continue;
			const quality = rnd.next();
			let sum = 0;
			for (let k = 0; k < 5; k++) {
				const reviewer = reviewers[(i + k * 7) % reviewers.length];
				const done = finished || rnd.next() < 0.7;
				const scores: [number, number][] = [];
				if (done) {
					let total = 0;
					for (const c of rubrics[roundId]) {
						const score = Math.max(0, Math.min(c.scale_max, Math.round(c.scale_max * (0.4 + quality * 0.5) + rnd.int(-1, 1))));
						total += (score / c.scale_max) * c.weight;
						scores.push([c.id, score]);
					}
					sum += total;
				}
				assignments.push({ proposal: i, reviewer_id: reviewer, done, submitted, scores });
			}
			if (finished) earlierScored.push({ proposal: i, requested, score: sum / 5 });
		}
		const proposalIds = await insertAll(trx, 'proposals', proposalRows);
		await insertMany(
			trx,
			'proposal_needs',
			links.map((l) => ({ proposal_id: proposalIds[l.proposal], need_id: l.need_id }))
		);
		await insertMany(
			trx,
			'budget_lines',
			lines.map(({ proposal, ...line }) => ({ proposal_id: proposalIds[proposal], ...line }))
		);
		const assignmentIds = await insertAll(
			trx,
			'review_assignments',
			assignments.map((a) => ({
				round_id: proposalRows[a.proposal].round_id,
				proposal_id: proposalIds[a.proposal],
				reviewer_id: a.reviewer_id,
				status: a.done ? 'submitted' : 'assigned',
				comment: a.done ? '项目回应了社区需求，建议细化活动安排和成效指标。' : null,
				private_note: a.done ? '预算中宣传费用略高。' : null,
				assigned_at: iso(a.submitted + DAY),
				submitted_at: a.done ? iso(a.submitted + 4 * DAY) : null
			}))
		);
		await insertMany(
			trx,
			'review_scores',
			assignments.flatMap((a, i) => a.scores.map(([criterion_id, score]) => ({ assignment_id: assignmentIds[i], criterion_id, score })))
		);

		// The earlier round: the best-scored proposals funded until the pool runs out.
		let left = base.pool_fen / 10;
		for (const p of earlierScored.sort((a, b) => b.score - a.score || a.proposal - b.proposal)) {
			const funded = p.requested <= left;
			if (funded) left -= p.requested;
			await trx
				.updateTable('proposals')
				.set({
					status: funded ? 'funded' : 'not_funded',
					award_fen: funded ? p.requested : null,
					decision_reason: funded ? null : '资助总额已用完（按评分排序）。'
				})
				.where('id', '=', proposalIds[p.proposal])
				.execute();
		}
		await trx
			.updateTable('rounds')
			.set({ results_published_at: iso(at - 330 * DAY), pool_fen: base.pool_fen / 10 })
			.where('id', '=', earlierId)
			.execute();

		return {
			roundSlug: CITY_ROUND_SLUG,
			earlierSlug: CITY_EARLIER_SLUG,
			adminEmail,
			reviewerEmails,
			stationEmails,
			password: CITY_PASSWORD,
			counts: {
				districts: places.length,
				streets: streetRows.length,
				communities: flat.length,
				needs: counts.needs,
				proposals: counts.proposals,
				reviewers: counts.reviewers,
				reviews: assignments.length,
				organisations: counts.organisations
			}
		};
	});
	// Every street's community charity fund and the federation's give the pools their money.
	const pools = await db.selectFrom('rounds').select(['id', 'pool_fen', 'needs_call_at']).where('id', 'in', [earlierId, currentId]).orderBy('id').execute();
	await seedCityFunds(db, pools.map((r) => ({ id: r.id, poolFen: Number(r.pool_fen), on: r.needs_call_at.slice(0, 10) })), now, seededRandom(seed + 16).next);
	// The earlier round's year after the award, through the grant rules: every project signed and
	// paid in its tranches, all closed as completed but one, terminated with part of its money back.
	const admin = await db.selectFrom('users').select('id').where('email', '=', summary.adminEmail).executeTakeFirstOrThrow();
	await seedGrants(db, { roundId: earlierId, actorId: admin.id, plan: cityGrantPlan }, now);
	// The needs went in as rows: their text goes into the board's search index before the server reads it.
	await indexPendingNeeds(db);
	await refreshPlannerStatistics(db);
	return summary;
}

/** How far the city's earlier (closed) round's projects got: completed, the last one terminated. */
export function cityGrantPlan(i: number, count: number): GrantProgress {
	return i === count - 1 ? 'terminated' : 'completed';
}

/**
 * A small extra round whose needs call opened yesterday, for the load and fault tests that post
 * needs. An earlier `year` keeps it behind the city round on the home page.
 */
export async function seedOpenCall(db: DB, input: { slug: string; title: string; year: number }, now = new Date()) {
	const day = 24 * 60 * 60 * 1000;
	const at = (d: number) => new Date(now.getTime() + d * day).toISOString();
	return createRound(
		db,
		{
			...ROUND_DEFAULTS,
			slug: input.slug,
			title: input.title,
			year: input.year,
			pool_fen: 10_000_000,
			needs_call_at: at(-1),
			applications_at: at(30),
			eligibility_at: at(60),
			review_at: at(70),
			decision_at: at(80),
			notice_at: at(90),
			implementation_at: at(100),
			closed_at: at(400)
		},
		null
	);
}
