import type { DB } from '../db';
import { sqliteOf } from '../db';
import { createRound } from '../rounds';
import { getRubric } from '../rubric';
import { hashPassword } from '../auth/password';
import { DISTRICTS, SERVICE_CATEGORIES, STREETS } from '../../domain/catalogue';
import { seededRandom } from './demo';

/**
 * A whole city's round at full size, for the benchmark and for trying the app at scale: 11
 * districts, ~180 streets, ~2,800 communities, 20,000 needs, 2,000 proposals with budgets, 60
 * reviewers and 10,000 reviews, the same every time for the same seed.
 *
 * Rows go in through prepared statements in one transaction (Kysely's per-row overhead would
 * take minutes at this size). Columns that later migrations add are left to their defaults;
 * the place table and the needs' place columns are filled when the schema has them.
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

function columnsOf(db: DB, table: string): Set<string> {
	const rows = sqliteOf(db).prepare(`PRAGMA table_info(${table})`).all() as { name: string }[];
	return new Set(rows.map((r) => r.name));
}

/** Seeds the city into a migrated, empty database. */
export async function seedCity(db: DB, options: CityOptions = {}): Promise<CitySummary> {
	const seed = options.seed ?? 2026;
	const scale = options.scale ?? 1;
	const now = options.now ?? new Date();
	const rnd = seededRandom(seed);
	const sqlite = sqliteOf(db);
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
		pool_fen: 3_000_000_000,
		grant_min_fen: 500_000,
		grant_max_fen: 5_000_000,
		proposals_per_org: 2,
		reviewers_per_proposal: 5,
		time_zone: 'Asia/Shanghai'
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
	const needColumns = columnsOf(db, 'needs');
	const hasPlaces = columnsOf(db, 'places').size > 0;
	const hasBudget = columnsOf(db, 'budget_lines').has('unit_price_fen');
	const withPlaceIds = hasPlaces && needColumns.has('community_id');

	const summary = sqlite.transaction(() => {
		const created = iso(at - 100 * DAY);
		// Places, and a flat list of communities to draw needs from.
		const flat: { district: string; street: string; community: string; ids: [number, number, number] | null }[] = [];
		const insertPlace = hasPlaces
			? sqlite.prepare(
					'INSERT INTO places (kind, name, parent_id, path, position, created_at) VALUES (?, ?, ?, ?, ?, ?)'
				)
			: null;
		let streetCount = 0;
		places.forEach(({ district, streets }, d) => {
			const districtId = insertPlace ? Number(insertPlace.run('district', district, null, district, d, created).lastInsertRowid) : 0;
			streets.forEach(({ street, communities }, s) => {
				streetCount += 1;
				const streetPath = `${district}/${street}`;
				const streetId = insertPlace ? Number(insertPlace.run('street', street, districtId, streetPath, s, created).lastInsertRowid) : 0;
				communities.forEach((community, c) => {
					const communityId = insertPlace
						? Number(insertPlace.run('community', community, streetId, `${streetPath}/${community}`, c, created).lastInsertRowid)
						: 0;
					flat.push({ district, street, community, ids: insertPlace ? [districtId, streetId, communityId] : null });
				});
			});
		});

		const insertUser = sqlite.prepare(
			'INSERT INTO users (email, name, password_hash, role, organisation_id, created_at) VALUES (?, ?, ?, ?, ?, ?)'
		);
		const adminEmail = 'admin@city.gz.cn';
		insertUser.run(adminEmail, '市慈善会管理员', passwordHash, 'admin', null, created);

		const insertOrg = sqlite.prepare('INSERT INTO organisations (name, kind, district, created_at) VALUES (?, ?, ?, ?)');
		const orgs: { id: number; staff: number; district: string }[] = [];
		const stationEmails: string[] = [];
		for (let i = 0; i < counts.organisations; i++) {
			const place = flat[(i * 7) % flat.length];
			const kind = i % 5 === 0 ? 'family_centre' : i % 7 === 0 ? 'social_org' : 'station';
			const name = `${place.district}${place.street}${kind === 'family_centre' ? '家庭综合服务中心' : '社工服务站'}${i + 1}`;
			const id = Number(insertOrg.run(name, kind, place.district, created).lastInsertRowid);
			const email = `station${i + 1}@city.gz.cn`;
			const staff = Number(insertUser.run(email, `社工${i + 1}`, passwordHash, 'station', id, created).lastInsertRowid);
			orgs.push({ id, staff, district: place.district });
			stationEmails.push(email);
		}
		const reviewers: number[] = [];
		const reviewerEmails: string[] = [];
		for (let i = 0; i < counts.reviewers; i++) {
			const email = `reviewer${i + 1}@city.gz.cn`;
			reviewers.push(Number(insertUser.run(email, `评审专家${i + 1}`, passwordHash, 'reviewer', null, created).lastInsertRowid));
			reviewerEmails.push(email);
		}

		const placeColumns = withPlaceIds ? ', district_id, street_id, community_id, community' : needColumns.has('community') ? ', community' : '';
		const placeParams = withPlaceIds ? ', ?, ?, ?, ?' : needColumns.has('community') ? ', ?' : '';
		const insertNeed = sqlite.prepare(
			`INSERT INTO needs (round_id, receipt_code, title, description, category, district, street, affected_group,
			 affected_count, urgency, contact_name, contact_phone, status, decline_reason, support_count, created_at, published_at${placeColumns})
			 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?${placeParams})`
		);
		const alphabet = 'abcdefghijkmnpqrstuvwxyz23456789';
		const receipt = () => {
			let s = '';
			for (let i = 0; i < 12; i++) s += alphabet[rnd.int(0, alphabet.length - 1)];
			return s;
		};
		const seenReceipts = new Set<string>();
		const needsOf: Record<number, number[]> = { [earlierId]: [], [currentId]: [] };
		for (let i = 0; i < counts.needs; i++) {
			const roundId = i % 5 === 0 ? earlierId : currentId;
			const since = roundId === earlierId ? at - 455 * DAY : at - 80 * DAY;
			const place = flat[rnd.int(0, flat.length - 1)];
			const [category, title, group] = NEED_TITLES[rnd.int(0, NEED_TITLES.length - 1)];
			const status = i % 13 === 6 ? 'declined' : i % 11 === 4 ? 'new' : 'published';
			const createdAt = since + rnd.int(0, 29 * 86_400) * 1000;
			let code = receipt();
			while (seenReceipts.has(code)) code = receipt();
			seenReceipts.add(code);
			const contact = rnd.next() < 0.6;
			const params: unknown[] = [
				roundId,
				code,
				`${place.community}：${title}`,
				`${place.district}${place.street}${place.community}的居民反映：${title}，希望社工站和志愿者一起想办法。`,
				category,
				place.district,
				place.street,
				group,
				rnd.int(5, 500),
				rnd.pick(['low', 'medium', 'high'] as const),
				contact ? '居民' : null,
				contact ? `13${rnd.int(0, 9)}${String(rnd.int(0, 99_999_999)).padStart(8, '0')}` : null,
				status,
				status === 'declined' ? '该诉求属于物业维修范围，已转交街道处理。' : null,
				status === 'published' ? rnd.int(0, 120) : 0,
				iso(createdAt),
				status === 'published' ? iso(createdAt + 2 * DAY) : null
			];
			if (withPlaceIds) params.push(...place.ids!, place.community);
			else if (needColumns.has('community')) params.push(place.community);
			const id = Number(insertNeed.run(...params).lastInsertRowid);
			if (status === 'published') needsOf[roundId].push(id);
		}

		const insertProposal = sqlite.prepare(
			`INSERT INTO proposals (round_id, organisation_id, title, summary, requested_fen, status, award_fen, decision_reason,
			 created_by, created_at, updated_at, submitted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
		);
		const linkNeed = sqlite.prepare('INSERT OR IGNORE INTO proposal_needs (proposal_id, need_id) VALUES (?, ?)');
		const insertLine = hasBudget
			? sqlite.prepare(
					'INSERT INTO budget_lines (proposal_id, position, category, item, unit, quantity, unit_price_fen) VALUES (?, ?, ?, ?, ?, ?, ?)'
				)
			: null;
		const insertAssignment = sqlite.prepare(
			`INSERT INTO review_assignments (round_id, proposal_id, reviewer_id, status, comment, private_note, assigned_at, submitted_at)
			 VALUES (?, ?, ?, ?, ?, ?, ?, ?)`
		);
		const insertScore = sqlite.prepare('INSERT INTO review_scores (assignment_id, criterion_id, score) VALUES (?, ?, ?)');
		const fund = sqlite.prepare("UPDATE proposals SET status = ?, award_fen = ?, decision_reason = ? WHERE id = ?");

		let reviews = 0;
		const earlierScored: { id: number; requested: number; score: number }[] = [];
		for (let i = 0; i < counts.proposals; i++) {
			const roundId = i % 5 === 0 ? earlierId : currentId;
			const finished = roundId === earlierId;
			const org = orgs[Math.floor(i / 2) % orgs.length];
			// Whole hundreds of yuan, so budget lines divide evenly.
			const requested = rnd.int(10, 50) * 100_000;
			const status = !finished && i % 29 === 3 ? 'ineligible' : 'eligible';
			const submitted = finished ? at - 420 * DAY : at - 30 * DAY;
			const id = Number(
				insertProposal.run(
					roundId,
					org.id,
					`${org.district}${PROPOSAL_TITLES[i % PROPOSAL_TITLES.length]}`,
					'链接社区志愿者与驻点社工，开展定期探访、小组活动和社区倡导，回应居民提出的需求。',
					requested,
					status,
					null,
					status === 'ineligible' ? '预算中含固定资产购置，不符合资助范围。' : null,
					org.staff,
					iso(submitted),
					iso(submitted),
					iso(submitted)
				).lastInsertRowid
			);
			const needs = needsOf[roundId];
			if (needs.length) for (let k = 0; k < 2; k++) linkNeed.run(id, needs[rnd.int(0, needs.length - 1)]);
			if (insertLine) {
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
					insertLine.run(id, position, category, item, unit, quantity, amounts[position] / quantity);
				});
			}
			if (status !== 'eligible') continue;
			const quality = rnd.next();
			let sum = 0;
			for (let k = 0; k < 5; k++) {
				const reviewer = reviewers[(i + k * 7) % reviewers.length];
				const done = finished || rnd.next() < 0.7;
				const assignment = Number(
					insertAssignment.run(
						roundId,
						id,
						reviewer,
						done ? 'submitted' : 'assigned',
						done ? '项目回应了社区需求，建议细化活动安排和成效指标。' : null,
						done ? '预算中宣传费用略高。' : null,
						iso(submitted + DAY),
						done ? iso(submitted + 4 * DAY) : null
					).lastInsertRowid
				);
				reviews += 1;
				if (!done) continue;
				let total = 0;
				for (const c of rubrics[roundId]) {
					const score = Math.max(0, Math.min(c.scale_max, Math.round(c.scale_max * (0.4 + quality * 0.5) + rnd.int(-1, 1))));
					total += (score / c.scale_max) * c.weight;
					insertScore.run(assignment, c.id, score);
				}
				sum += total;
			}
			if (finished) earlierScored.push({ id, requested, score: sum / 5 });
		}

		// The earlier round: the best-scored proposals funded until the pool runs out.
		let left = base.pool_fen / 10;
		for (const p of earlierScored.sort((a, b) => b.score - a.score || a.id - b.id)) {
			const funded = p.requested <= left;
			if (funded) left -= p.requested;
			fund.run(funded ? 'funded' : 'not_funded', funded ? p.requested : null, funded ? null : '资助总额已用完（按评分排序）。', p.id);
		}
		sqlite.prepare('UPDATE rounds SET results_published_at = ?, pool_fen = ? WHERE id = ?').run(iso(at - 330 * DAY), base.pool_fen / 10, earlierId);

		return {
			roundSlug: CITY_ROUND_SLUG,
			earlierSlug: CITY_EARLIER_SLUG,
			adminEmail,
			reviewerEmails,
			stationEmails,
			password: CITY_PASSWORD,
			counts: {
				districts: places.length,
				streets: streetCount,
				communities: flat.length,
				needs: counts.needs,
				proposals: counts.proposals,
				reviewers: counts.reviewers,
				reviews,
				organisations: counts.organisations
			}
		};
	})();
	sqlite.pragma('optimize');
	return summary;
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
			slug: input.slug,
			title: input.title,
			year: input.year,
			pool_fen: 10_000_000,
			grant_min_fen: 500_000,
			grant_max_fen: 5_000_000,
			proposals_per_org: 2,
			reviewers_per_proposal: 5,
			time_zone: 'Asia/Shanghai',
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
