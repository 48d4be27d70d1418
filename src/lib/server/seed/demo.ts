import type { DB } from '../db';
import { indexPendingNeeds } from '../need-search';
import { createRound, getRoundById, overridePhase } from '../rounds';
import { getRubric } from '../rubric';
import { confirmFinalList } from '../decisions';
import { seedGrants, type GrantProgress } from './grants';
import { answerObjection } from '../objections';
import { seedPlaces } from './places';
import { DEMO_STREET_FUNDS, fundRound, seedDemoFunds } from './funds';
import { seedReview } from './review';
import { seedDecision } from './decision';
import { recordWeekendsOnly, yearsAround } from './calendar';
import { seedProposalDetails } from './proposals';
import { seedReportExtras } from './report-extras';
import { createUser } from '../users';
import { DISTRICTS, STREETS, type ServiceCategory } from '../../domain/catalogue';
import { utcToZonedInput, zonedToUtc } from '../../domain/time';
import { ROUND_DEFAULTS } from '../../domain/round-defaults';

/** A small deterministic random source, so every demo database is the same. */
export function seededRandom(seed: number) {
	let a = seed >>> 0;
	const next = () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	return {
		next,
		int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
		pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]
	};
}

export const DEMO_PASSWORD = 'demo-password-2026';
export const DEMO_ROUND_SLUG = '2026-weichuangtou';
export const DEMO_EARLIER_SLUG = '2025-weichuangtou';
export const DEMO_SECOND_SLUG = '2026-second';
/** The street fund's own round, run by its fund admin. */
export const DEMO_STREET_SLUG = '2026-nanhuaxi';
export const DEMO_FUND_ADMIN_EMAIL = 'fund-admin@demo.gz.cn';

const ORGANISATIONS: { name: string; kind: string; district: (typeof DISTRICTS)[number] }[] = [
	{ name: '海珠区南华西街社工服务站', kind: 'station', district: '海珠区' },
	{ name: '越秀区北京街社工服务站', kind: 'station', district: '越秀区' },
	{ name: '天河区石牌街家庭综合服务中心', kind: 'family_centre', district: '天河区' },
	{ name: '荔湾区逢源街社工服务站', kind: 'station', district: '荔湾区' },
	{ name: '白云区三元里街社工服务站', kind: 'station', district: '白云区' },
	{ name: '黄埔区大沙街家庭综合服务中心', kind: 'family_centre', district: '黄埔区' },
	{ name: '番禺区市桥街社工服务站', kind: 'station', district: '番禺区' },
	{ name: '花都区新华街社工服务站', kind: 'station', district: '花都区' },
	{ name: '南沙区珠江街社工服务站', kind: 'station', district: '南沙区' },
	{ name: '从化区街口街居民委员会', kind: 'residents_committee', district: '从化区' },
	{ name: '增城区荔城街社会工作服务中心', kind: 'social_org', district: '增城区' },
	{ name: '广州市启明志愿服务队', kind: 'volunteer_group', district: '越秀区' }
];

const STAFF_NAMES = ['李敏', '陈晓霞', '黄志强', '梁嘉欣', '吴海燕', '何永康', '罗丽华', '郑家豪', '谢婉婷', '冯国栋', '曾慧玲', '林志明'];
const REVIEWERS = [
	{ name: '张建华', affiliation: null },
	{ name: '刘淑芬', affiliation: null },
	{ name: '王立新', affiliation: null },
	{ name: '杨秀英', affiliation: null },
	{ name: '赵文博', affiliation: null },
	{ name: '孙丽娟', affiliation: null },
	{ name: '周卫东', affiliation: 2 },
	{ name: '徐美玲', affiliation: 5 }
];

const NEED_TEMPLATES: { category: ServiceCategory; title: string; description: string; group: string }[] = [
	{ category: 'elderly', title: '独居长者缺少日间陪伴', description: '小区里不少长者子女在外地，白天独自在家，希望有人定期上门探访、陪伴聊天。', group: '独居、空巢长者' },
	{ category: 'elderly', title: '长者饭堂送餐人手不足', description: '行动不便的长者无法到饭堂就餐，送餐志愿者太少，经常送晚。', group: '高龄、行动不便长者' },
	{ category: 'elderly', title: '老年人不会用智能手机挂号', description: '看病要手机预约挂号，很多老人不会操作，希望有手机课堂。', group: '60 岁以上居民' },
	{ category: 'children', title: '双职工家庭孩子放学后无人照看', description: '下午四点半放学到家长下班之间，孩子只能在街上玩，存在安全隐患。', group: '小学生' },
	{ category: 'children', title: '社区缺少儿童安全的活动空间', description: '小区里没有儿童游乐设施，孩子只能在停车场附近玩耍。', group: '3–12 岁儿童' },
	{ category: 'youth', title: '青少年沉迷网络游戏', description: '假期里不少初中生整天在家打游戏，家长希望有健康的兴趣活动。', group: '初中生' },
	{ category: 'disability', title: '残障人士出行无障碍设施不足', description: '社区出入口台阶多，轮椅使用者出门困难，需要无障碍改造和陪同出行。', group: '肢体残障居民' },
	{ category: 'disability', title: '心智障碍青年缺少日间活动', description: '成年心智障碍人士毕业后在家无事可做，家长压力很大。', group: '心智障碍青年及家庭' },
	{ category: 'hardship', title: '困境儿童课业辅导需求', description: '低保家庭孩子缺少课后辅导，成绩跟不上，家长无力负担补习费用。', group: '低保、低收入家庭儿童' },
	{ category: 'hardship', title: '重病家庭照顾者身心疲惫', description: '长期照顾重病家人的家属没有喘息时间，需要临时照护和心理支持。', group: '重病患者家庭照顾者' },
	{ category: 'migrants', title: '来穗务工人员子女融入困难', description: '外来务工家庭的孩子刚转学过来，说话口音重，在学校交不到朋友。', group: '来穗人员子女' },
	{ category: 'migrants', title: '新市民不了解社区办事流程', description: '很多新搬来的租户不知道居住证、积分入学怎么办理。', group: '来穗新市民' },
	{ category: 'environment', title: '老旧小区垃圾分类做不好', description: '楼道里垃圾乱放，分类投放点无人指导，夏天气味很大。', group: '老旧小区居民' },
	{ category: 'environment', title: '楼顶天台荒废可改造为社区菜园', description: '天台长期堆放杂物，居民希望改造成共享菜园，增加邻里交流。', group: '楼栋居民' },
	{ category: 'mutual_aid', title: '邻里之间互不认识缺少互助', description: '新建小区住户互不相识，遇到急事找不到人帮忙。', group: '小区全体居民' },
	{ category: 'mutual_aid', title: '希望建立社区时间银行', description: '不少退休居民愿意做义工，希望服务时长可以记录、将来兑换帮助。', group: '退休居民、志愿者' },
	{ category: 'corrections', title: '社区矫正对象就业困难', description: '社区矫正人员找工作屡屡碰壁，需要职业技能培训和就业指导。', group: '社区矫正对象' },
	{ category: 'drugs', title: '青少年禁毒宣传形式单一', description: '现有宣传以横幅为主，青少年不感兴趣，希望有互动式的禁毒教育。', group: '中学生' },
	{ category: 'other', title: '社区公共空间夜间照明不足', description: '小巷晚上很暗，老人和下晚班的居民走路不安全。', group: '夜间出行居民' }
];

/** Proposals, each with the service category of the needs it answers (its links are chosen by it). */
export const PROPOSAL_TEMPLATES: { category: ServiceCategory; title: string; summary: string }[] = [
	{ category: 'elderly', title: '“暖心到家”独居长者探访计划', summary: '组织 30 名邻里志愿者结对 60 名独居长者，每周上门探访，建立长者关怀档案与紧急联络机制。' },
	{ category: 'elderly', title: '长者饭堂“爱心送餐”志愿服务', summary: '招募并培训送餐志愿者，为高龄和行动不便长者提供每日送餐，并顺带健康关怀。' },
	{ category: 'elderly', title: '“银龄触网”长者智能手机课堂', summary: '开设 12 期手机课堂，由青少年志愿者一对一教长者使用挂号、支付和防诈骗功能。' },
	{ category: 'children', title: '四点半课堂：双职工家庭儿童课后托管', summary: '利用社区活动室开设课后托管，提供作业辅导、阅读和安全教育。' },
	{ category: 'disability', title: '“无碍同行”残障人士出行支持', summary: '联合街道推动出入口无障碍改造，并组建陪同出行志愿队。' },
	{ category: 'disability', title: '心青年日间活动坊', summary: '为心智障碍青年开设手工、烘焙和社区融合活动，为家长提供喘息服务。' },
	{ category: 'hardship', title: '困境儿童“成长伙伴”学业辅导', summary: '链接高校志愿者为困境家庭儿童提供每周两次学业辅导与成长陪伴。' },
	{ category: 'hardship', title: '照顾者喘息与互助小组', summary: '为长期照顾者提供临时照护、减压工作坊和互助小组。' },
	{ category: 'migrants', title: '“新羊城人”融入计划', summary: '为来穗家庭开展社区导览、政策讲解和亲子融合活动。' },
	{ category: 'environment', title: '垃圾分类“楼长制”示范', summary: '培育楼长和分类督导员，开展入户宣传和积分激励。' },
	{ category: 'environment', title: '天台共享菜园', summary: '与居民共建楼顶菜园，开展自然教育和邻里共耕活动。' },
	{ category: 'mutual_aid', title: '社区时间银行试点', summary: '建立志愿服务时长记录与兑换机制，激励居民互助。' },
	{ category: 'corrections', title: '“新起点”社区矫正对象技能培训', summary: '开展职业技能培训和就业对接，帮助矫正对象回归社会。' },
	{ category: 'drugs', title: '禁毒情景剧进校园', summary: '与中学合作排演禁毒情景剧，以互动方式开展禁毒教育。' },
	{ category: 'other', title: '“点亮小巷”夜间照明与安全巡逻', summary: '联合物业补装照明，组织居民志愿巡逻队。' },
	{ category: 'mutual_aid', title: '邻里节与楼道互助群', summary: '举办邻里节，建立楼道互助群和应急联络人机制。' },
	{ category: 'children', title: '儿童友好微空间改造', summary: '与儿童共同设计改造小区闲置角落，建设安全的游戏空间。' },
	{ category: 'youth', title: '青少年“数字戒瘾”兴趣营', summary: '开展运动、音乐和编程兴趣营，引导青少年健康使用网络。' },
	{ category: 'elderly', title: '长者防跌倒居家改造', summary: '为高龄长者评估居家风险，加装扶手和防滑设施。' },
	{ category: 'migrants', title: '新市民办事“一张图”', summary: '编制社区办事指南，开设周末政策咨询点。' }
];

const RESIDENT_NAMES = ['陈阿姨', '黄伯', '李女士', '王先生', '梁姐', '吴叔', '何小姐', '罗先生', '邓阿婆', '周女士'];

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

function scheduleAround(now: Date, daysIntoReview: number) {
	// Phases start at 09:00 Beijing time on days counted from today, so the demo round is in
	// expert review whenever it is seeded.
	const today = utcToZonedInput(now.toISOString(), 'Asia/Shanghai').slice(0, 10);
	const nineToday = Date.parse(zonedToUtc(`${today}T09:00`, 'Asia/Shanghai')!);
	const start = (d: number) => new Date(nineToday + d * DAY).toISOString();
	const r = -daysIntoReview;
	return {
		needs_call_at: start(r - 75),
		applications_at: start(r - 45),
		eligibility_at: start(r - 14),
		review_at: start(r),
		decision_at: start(r + 14),
		notice_at: start(r + 21),
		implementation_at: start(r + 28),
		closed_at: start(r + 365)
	};
}

/** The earlier round's decision, replayed at the times it would have happened (also the tests' world). */
export async function decideEarlierRound(db: DB, roundId: number, adminId: number) {
	const round = await getRoundById(db, roundId);
	if (!round) throw new Error('the earlier demo round is missing');
	const decided = new Date(Date.parse(round.decision_at) + DAY);
	await seedDecision(db, { roundSlug: round.slug, actorId: adminId, stage: 'notice' }, decided);
	const open = await db
		.selectFrom('objections')
		.select('id')
		.where('round_id', '=', roundId)
		.where('status', '=', 'open')
		.execute();
	for (const objection of open) {
		const answered = await answerObjection(
			db,
			{
				roundId,
				objectionId: objection.id,
				outcome: 'dismissed',
				effect: 'none',
				response: '经实地核实，活动中心装修已于本月完工，项目可按计划开展。',
				actorId: adminId
			},
			new Date(decided.getTime() + 2 * DAY)
		);
		if (!answered.ok) throw new Error(`demo objection: ${JSON.stringify(answered.errors)}`);
	}
	const noticed = await getRoundById(db, roundId);
	const confirmed = await confirmFinalList(
		db,
		{ roundId, actorId: adminId },
		new Date(Date.parse(noticed!.notice_ends_at!) + DAY)
	);
	if (!confirmed.ok) throw new Error(`demo confirm: ${JSON.stringify(confirmed.errors)}`);
	// The notice held the round in its notice phase; from here its schedule rules (closed).
	await overridePhase(db, noticed!, null, adminId, '演示：公示结束，按日程推进');
}

/** How far each funded project of the earlier round got in its year (by id order). */
export function demoGrantPlan(i: number, count: number): GrantProgress {
	if (i === count - 1) return 'terminated';
	if (i === count - 2) return 'signed';
	return (['completed', 'completed', 'midterm', 'paid'] as const)[i % 4];
}

export interface DemoAccounts {
	admin: string;
	/** The street fund's admin, who runs that fund's round only. */
	fundAdmin: { email: string; fund: string };
	stations: { email: string; organisation: string }[];
	reviewers: string[];
	/** The reviewer who evaluated the 2025 round's reports. */
	evaluator: string;
}

/** How the demo labels the calendar years it makes up. */
export const DEMO_CALENDAR_SOURCE = '演示数据：仅按周末计算，并非国务院办公厅的放假安排（正式使用前请录入当年通知）';

/** Seeds the demo world; returns the accounts it made (all with DEMO_PASSWORD). */
export async function seedDemo(db: DB, now = new Date()): Promise<DemoAccounts> {
	const rnd = seededRandom(2026);
	const iso = (d: Date) => d.toISOString();
	await seedPlaces(db);
	const adminEmail = 'admin@demo.gz.cn';
	const adminId = await createUser(db, { email: adminEmail, name: '慈善会管理员', password: DEMO_PASSWORD, role: 'admin' });
	// The demo publishes notices around today: the years the real calendar lacks count weekends only.
	await recordWeekendsOnly(db, { years: yearsAround(now), source: DEMO_CALENDAR_SOURCE, actorId: adminId });

	const orgIds: number[] = [];
	const stations: DemoAccounts['stations'] = [];
	const staffIds: number[] = [];
	for (const [i, org] of ORGANISATIONS.entries()) {
		const { id } = await db
			.insertInto('organisations')
			.values({ name: org.name, kind: org.kind, district: org.district, created_at: iso(now) })
			.returning('id')
			.executeTakeFirstOrThrow();
		orgIds.push(id);
		const email = `station${String(i + 1).padStart(2, '0')}@demo.gz.cn`;
		staffIds.push(await createUser(db, { email, name: STAFF_NAMES[i], password: DEMO_PASSWORD, role: 'station', organisationId: id }));
		stations.push({ email, organisation: org.name });
	}
	const reviewerIds: { id: number; org: number | null }[] = [];
	const reviewers: string[] = [];
	for (const [i, r] of REVIEWERS.entries()) {
		const email = `reviewer${i + 1}@demo.gz.cn`;
		const org = r.affiliation === null ? null : orgIds[r.affiliation];
		reviewerIds.push({ id: await createUser(db, { email, name: r.name, password: DEMO_PASSWORD, role: 'reviewer', organisationId: org }), org });
		reviewers.push(email);
	}

	const roundBase = {
		...ROUND_DEFAULTS,
	};
	const earlierId = await createRound(
		db,
		{ ...roundBase, slug: DEMO_EARLIER_SLUG, title: '2025 年社区公益微创投', year: 2025, pool_fen: 20_000_000, ...scheduleAround(new Date(now.getTime() - 365 * DAY), 10) },
		adminId
	);
	const currentId = await createRound(
		db,
		{ ...roundBase, slug: DEMO_ROUND_SLUG, title: '2026 年社区公益微创投', year: 2026, ...scheduleAround(now, 5) },
		adminId
	);
	// Every fen of the pools comes from the funds: a year of donations, allocated as each round opened.
	const money = await seedDemoFunds(db, adminId, now, seededRandom(1616).next);
	const poolOf = async (id: number) => (await db.selectFrom('rounds').select(['pool_fen', 'needs_call_at']).where('id', '=', id).executeTakeFirstOrThrow());
	for (const id of [earlierId, currentId]) {
		const r = await poolOf(id);
		await money.allocatePool(id, Number(r.pool_fen), r.needs_call_at.slice(0, 10));
	}

	const receiptCode = () => {
		// Demo codes are random too: codes must never be guessable from one another.
		let s = '';
		const alphabet = 'abcdefghijkmnpqrstuvwxyz23456789';
		for (let i = 0; i < 12; i++) s += alphabet[rnd.int(0, alphabet.length - 1)];
		return s;
	};

	/**
	 * Needs reported during the round's needs call (from its start until it closes, or until now
	 * when it is still open), each published a little later but never after that end: no need
	 * reads as published in the future, or after stations had to answer it.
	 */
	async function seedNeeds(roundId: number, count: number) {
		const round = (await getRoundById(db, roundId))!;
		const opened = Date.parse(round.needs_call_at) + HOUR;
		const closes = Math.min(Date.parse(round.applications_at), now.getTime()) - HOUR;
		const published: { id: number; category: ServiceCategory }[] = [];
		for (let i = 0; i < count; i++) {
			const template = NEED_TEMPLATES[i % NEED_TEMPLATES.length];
			const district = DISTRICTS[rnd.int(0, DISTRICTS.length - 1)];
			const street = rnd.pick(STREETS[district]);
			const status = i % 12 === 5 ? 'declined' : i % 9 === 7 ? 'new' : 'published';
			const created = new Date(opened + rnd.next() * (closes - opened) * 0.8);
			const publishedAt = new Date(Math.min(created.getTime() + rnd.int(2, 48) * HOUR, closes));
			const withContact = rnd.next() < 0.6;
			const { id } = await db
				.insertInto('needs')
				.values({
					round_id: roundId,
					receipt_code: receiptCode(),
					title: `${street}：${template.title}`,
					description: template.description,
					category: template.category,
					district,
					street,
					affected_group: template.group,
					affected_count: rnd.int(8, 300),
					urgency: rnd.pick(['low', 'medium', 'high'] as const),
					contact_name: withContact ? rnd.pick(RESIDENT_NAMES) : null,
					contact_phone: withContact ? `13${rnd.int(0, 9)}${String(rnd.int(0, 99_999_999)).padStart(8, '0')}` : null,
					status,
					decline_reason: status === 'declined' ? '该诉求属于物业维修范围，已转交街道城管部门处理。' : null,
					support_count: status === 'published' ? rnd.int(0, 80) : 0,
					created_at: iso(created),
					published_at: status === 'published' ? iso(publishedAt) : null
				})
				.returning('id')
				.executeTakeFirstOrThrow();
			if (status === 'published') published.push({ id, category: template.category });
		}
		return published;
	}

	async function seedProposals(
		roundId: number,
		count: number,
		needs: { id: number; category: ServiceCategory }[],
		submittedAt: Date,
		finished: boolean
	) {
		const rubric = await getRubric(db, roundId);
		const ids: { id: number; requested: number; total: number }[] = [];
		for (let i = 0; i < count; i++) {
			const template = PROPOSAL_TEMPLATES[i % PROPOSAL_TEMPLATES.length];
			const orgIndex = i % orgIds.length;
			const requested = rnd.int(10, 50) * 100_000;
			const status = finished ? 'eligible' : i === 3 ? 'ineligible' : i === 17 ? 'submitted' : 'eligible';
			const { id } = await db
				.insertInto('proposals')
				.values({
					round_id: roundId,
					organisation_id: orgIds[orgIndex],
					title: template.title,
					summary: template.summary,
					requested_fen: requested,
					status,
					decision_reason: status === 'ineligible' ? '预算中含固定资产购置（空调），不符合资助范围。' : null,
					created_by: staffIds[orgIndex],
					created_at: iso(submittedAt),
					updated_at: iso(submittedAt),
					submitted_at: iso(submittedAt)
				})
				.returning('id')
				.executeTakeFirstOrThrow();
			// Up to two published needs of the proposal's own category: its project's categories
			// (read from its needs) then say what the proposal is about.
			const own = needs.filter((n) => n.category === template.category).map((n) => n.id);
			if (own.length === 0) throw new Error(`demo: no published ${template.category} need for “${template.title}”`);
			const linked = new Set([own[i % own.length], own[(i + 1) % own.length]]);
			for (const needId of linked) await db.insertInto('proposal_needs').values({ proposal_id: id, need_id: needId }).execute();
			if (status !== 'eligible') continue;
			// Five reviewers without a conflict; in the current round some have not finished.
			const panel = reviewerIds.filter((r) => r.org !== orgIds[orgIndex]);
			const quality = rnd.next();
			let sum = 0;
			let n = 0;
			for (let k = 0; k < 5; k++) {
				const reviewer = panel[(i + k) % panel.length];
				const done = finished || rnd.next() < 0.7;
				const { id: assignmentId } = await db
					.insertInto('review_assignments')
					.values({
						round_id: roundId,
						proposal_id: id,
						reviewer_id: reviewer.id,
						status: done ? 'submitted' : 'assigned',
						comment: done ? '项目回应了社区需求，建议细化活动安排和成效指标。' : null,
						private_note: done ? '预算中宣传费用略高，可在评审会上讨论。' : null,
						assigned_at: iso(submittedAt),
						submitted_at: done ? iso(new Date(submittedAt.getTime() + 3 * DAY)) : null
					})
					.returning('id')
					.executeTakeFirstOrThrow();
				if (!done) continue;
				let total = 0;
				for (const c of rubric) {
					const score = Math.max(0, Math.min(c.scale_max, Math.round(4 + quality * 5 + rnd.int(-1, 1))));
					total += (score / c.scale_max) * c.weight;
					await db.insertInto('review_scores').values({ assignment_id: assignmentId, criterion_id: c.id, score }).execute();
				}
				sum += total;
				n += 1;
			}
			ids.push({ id, requested, total: n ? sum / n : 0 });
		}
		return ids;
	}

	// The earlier round went through the whole decision as it would have a year ago: funding
	// line, public notice with two objections answered, confirmed final list; now it is closed.
	const earlierNeeds = await seedNeeds(earlierId, 24);
	await seedProposals(earlierId, 10, earlierNeeds, new Date(now.getTime() - 400 * DAY), true);
	// Each proposal's plan (budget, activities, indicators, matching) before the decision: the
	// published record freezes what the public reads of each project, and the reports and the
	// matching pledged at signing answer that plan.
	await seedProposalDetails(db, (await db.selectFrom('proposals').select('id').where('round_id', '=', earlierId).orderBy('id').execute()).map((p) => p.id));
	await decideEarlierRound(db, earlierId, adminId);
	// …and its year of work: agreements signed, tranches paid, most projects closed, one still
	// waiting for its first payment, one terminated with its unspent money returned.
	// The reports behind the later tranches are accepted in the portal, and graded by the demo
	// evaluator (a reviewer of no organisation, so without a conflict).
	const evaluator = reviewerIds.find((r) => r.org === null)!;
	await seedGrants(db, { roundId: earlierId, actorId: adminId, plan: demoGrantPlan, evaluatorId: evaluator.id }, now);

	// The current round: in expert review, with band guidance, expertise, a panel and a declared
	// conflict.
	const currentNeeds = await seedNeeds(currentId, 60);
	await seedProposals(currentId, 20, currentNeeds, new Date(now.getTime() - 25 * DAY), false);
	await seedReview(db, { roundSlug: DEMO_ROUND_SLUG }, now);

	// A second round of the year, just opened for needs, so a visitor can report one.
	const secondId = await createRound(
		db,
		{ ...roundBase, slug: DEMO_SECOND_SLUG, title: '2026 年第二批社区公益微创投', year: 2026, pool_fen: 20_000_000, ...scheduleAround(now, -60) },
		adminId
	);
	await seedNeeds(secondId, 12);
	const second = await poolOf(secondId);
	await money.allocatePool(secondId, Number(second.pool_fen), second.needs_call_at.slice(0, 10));
	await money.receiveRest();

	// The street fund's own small round, open for applications, run by the fund's own admin;
	// its pool is what the street fund allocated (up to ¥30,000 of its residents' donations).
	const streetFund = await db.selectFrom('funds').select(['id', 'name', 'balance_fen']).where('name', '=', DEMO_STREET_FUNDS[0].name).executeTakeFirstOrThrow();
	const streetId = await createRound(
		db,
		{ ...roundBase, slug: DEMO_STREET_SLUG, title: `${streetFund.name} 2026 年社区微创投`, year: 2026, pool_fen: 0, grant_max_fen: 1_000_000, ...scheduleAround(now, -20) },
		adminId
	);
	await db.updateTable('rounds').set({ fund_id: streetFund.id }).where('id', '=', streetId).execute();
	const streetRound = await poolOf(streetId);
	await fundRound(db, { fundId: streetFund.id, roundId: streetId, amountFen: Math.min(Number(streetFund.balance_fen), 3_000_000), on: streetRound.needs_call_at.slice(0, 10), actorId: adminId, withIncome: false });
	await seedNeeds(streetId, 6);
	await createUser(db, { email: DEMO_FUND_ADMIN_EMAIL, name: '南华西街基金管理员', password: DEMO_PASSWORD, role: 'fund_admin', fundId: streetFund.id });

	// Budgets, activities, indicators and matching funds for every proposal.
	const proposals = await db.selectFrom('proposals').select('id').orderBy('id').execute();
	await seedProposalDetails(db, proposals.map((p) => p.id));
	// One approved budget change and two approved photos on the earlier round's running project.
	await seedReportExtras(db, { roundId: earlierId, actorId: adminId }, now);
	await indexPendingNeeds(db);

	return {
		admin: adminEmail,
		fundAdmin: { email: DEMO_FUND_ADMIN_EMAIL, fund: streetFund.name },
		stations,
		reviewers,
		evaluator: reviewers[reviewerIds.indexOf(evaluator)]
	};
}
