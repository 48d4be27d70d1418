import type { DB } from '../db';
import { allocate, recordIncome, saveFund, type IncomeInput } from '../funds';
import type { FundKind } from '../../domain/fund-ledger';

/**
 * Seeds' and tests' way to put money behind a round: a fund, its incomes and its allocations,
 * through the same functions an admin's forms use (so the ledger they leave reconciles).
 */

function must<T>(outcome: { ok: true; value: T } | { ok: false; errors: unknown }, what: string): T {
	if (!outcome.ok) throw new Error(`${what}: ${JSON.stringify(outcome.errors)}`);
	return outcome.value;
}

/** The fund named `name`, added when missing. */
export async function seedFund(
	db: DB,
	input: { name: string; kind: FundKind; streetId?: number | null; host?: string; description?: string },
	actorId: number | null
): Promise<number> {
	const found = await db.selectFrom('funds').select('id').where('name', '=', input.name).executeTakeFirst();
	if (found) return found.id;
	// saveFund audits with an actor; a seed without one writes the row itself.
	if (actorId === null) {
		const row = await db
			.insertInto('funds')
			.values({ name: input.name, kind: input.kind, street_id: input.streetId ?? null, host: input.host ?? '', description: input.description ?? '', created_by: null, created_at: new Date().toISOString() })
			.returning('id')
			.executeTakeFirstOrThrow();
		return row.id;
	}
	return must(await saveFund(db, null, { name: input.name, kind: input.kind, streetId: input.streetId ?? null, host: input.host ?? '', description: input.description ?? '' }, actorId), 'fund');
}

export async function seedIncome(db: DB, input: Omit<IncomeInput, 'donorName' | 'donorConsent' | 'campaign' | 'reference'> & Partial<IncomeInput>, now?: Date) {
	return must(
		await recordIncome(db, { donorName: null, donorConsent: false, campaign: '', reference: '', ...input }, now ?? new Date(`${input.receivedOn}T12:00:00+08:00`)),
		'income'
	);
}

/** Gives `roundId` a pool of `amountFen`: an opening income into `fundId`, then the allocation. */
export async function fundRound(db: DB, input: { fundId: number; roundId: number; amountFen: number; on: string; actorId: number | null; withIncome?: boolean }) {
	if (input.withIncome !== false) {
		await seedIncome(db, { fundId: input.fundId, amountFen: input.amountFen, receivedOn: input.on, sourceType: 'federation', actorId: input.actorId });
	}
	return must(
		await allocate(db, { fundId: input.fundId, roundId: input.roundId, amountFen: input.amountFen, allocatedOn: input.on, reason: null, actorId: input.actorId }),
		'allocation'
	);
}

// ---------------------------------------------------------------------------------------------
// The demo's money: the federation's fund and two street funds, a year of donations, the pools.
// ---------------------------------------------------------------------------------------------

export const DEMO_FEDERATION_FUND = '广州市慈善会社区公益微创投基金';
export const DEMO_STREET_FUNDS = [
	{ name: '南华西街社区慈善基金', district: '海珠区', street: '南华西街' },
	{ name: '北京街社区慈善基金', district: '越秀区', street: '北京街' }
] as const;

const RESIDENTS = ['陈婆婆', '李伯', '黄女士', '梁先生', '何姨', '周同学', '吴先生', '郑女士'];
const BUSINESSES = ['南华西老字号糖水铺', '北京路商户联合会', '珠江物业服务有限公司', '岭南药业（广州）有限公司'];
const DAY_MS = 24 * 60 * 60 * 1000;

interface DemoIncome {
	fund: number;
	on: string;
	amountFen: number;
	sourceType: IncomeInput['sourceType'];
	donorName: string | null;
	donorConsent: boolean;
	campaign: string;
}

function dayOf(t: number): string {
	return new Date(t + 8 * 60 * 60 * 1000).toISOString().slice(0, 10);
}

/**
 * The demo's funds with sixteen months of incomes up to `now` (government money and joint
 * campaigns into the federation's fund; residents' and shops' donations into the street funds,
 * some donors named with their consent, most anonymous). Returns a function that allocates a
 * round's pool: first what each street fund had received by then (up to a share), the rest from
 * the federation's fund.
 */
export async function seedDemoFunds(db: DB, adminId: number, now: Date, random: () => number) {
	const federation = await seedFund(db, { name: DEMO_FEDERATION_FUND, kind: 'federation', host: '广州市慈善会', description: '慈善会统筹的社区公益微创投资金：政府购买服务资金与广益联募的定向捐赠。' }, adminId);
	const streets: number[] = [];
	for (const s of DEMO_STREET_FUNDS) {
		const street = await db
			.selectFrom('places as street')
			.innerJoin('places as district', 'district.id', 'street.parent_id')
			.select('street.id')
			.where('street.kind', '=', 'street')
			.where('street.name', '=', s.street)
			.where('district.name', '=', s.district)
			.executeTakeFirstOrThrow();
		streets.push(
			await seedFund(db, { name: s.name, kind: 'street', streetId: street.id, host: '广州市慈善会', description: `${s.district}${s.street}居民、商户共建的社区慈善基金，“由社区来，到社区去”。` }, adminId)
		);
	}
	const incomes: DemoIncome[] = [];
	const start = now.getTime() - 480 * DAY_MS;
	for (let month = 0; month < 16; month++) {
		const t = start + month * 30 * DAY_MS;
		if (month === 0 || month === 12) incomes.push({ fund: federation, on: dayOf(t + 3 * DAY_MS), amountFen: 35_000_000, sourceType: 'government', donorName: null, donorConsent: false, campaign: '' });
		if (month === 1 || month === 13) incomes.push({ fund: federation, on: dayOf(t + 9 * DAY_MS), amountFen: 8_000_000 + month * 100_000, sourceType: 'campaign', donorName: null, donorConsent: false, campaign: '广益联募·社区公益微创投' });
		for (const fund of streets) {
			for (let k = 0; k < 4; k++) {
				const named = random() < 0.3;
				incomes.push({
					fund,
					on: dayOf(t + (2 + k * 6) * DAY_MS),
					amountFen: Math.round(50 + random() * 1950) * 100,
					sourceType: 'resident',
					donorName: RESIDENTS[Math.floor(random() * RESIDENTS.length)],
					donorConsent: named,
					campaign: month % 12 === 8 ? '99公益日·社区慈善基金' : ''
				});
			}
			if (month % 3 === 1) {
				incomes.push({ fund, on: dayOf(t + 20 * DAY_MS), amountFen: 1_000_000, sourceType: 'business', donorName: BUSINESSES[Math.floor(random() * BUSINESSES.length)], donorConsent: random() < 0.7, campaign: '' });
			}
		}
	}
	incomes.sort((a, b) => a.on.localeCompare(b.on));
	let recorded = 0;
	const received = new Map<number, number>();
	const allocated = new Map<number, number>();
	/** Records the incomes received up to `day` not yet recorded. */
	const receiveUntil = async (day: string) => {
		for (; recorded < incomes.length && incomes[recorded].on <= day; recorded++) {
			const i = incomes[recorded];
			await seedIncome(db, { fundId: i.fund, amountFen: i.amountFen, receivedOn: i.on, sourceType: i.sourceType, donorName: i.donorName, donorConsent: i.donorConsent, campaign: i.campaign, actorId: adminId }, now);
			received.set(i.fund, (received.get(i.fund) ?? 0) + i.amountFen);
		}
	};
	return {
		/** Allocates `poolFen` to the round on `day`: each street fund up to a fifth of it, the federation the rest. */
		async allocatePool(roundId: number, poolFen: number, day: string) {
			await receiveUntil(day);
			let left = poolFen;
			for (const fund of streets) {
				const free = (received.get(fund) ?? 0) - (allocated.get(fund) ?? 0);
				const part = Math.min(free, Math.floor(poolFen / 5 / 100_000) * 100_000);
				if (part <= 0) continue;
				await fundRound(db, { fundId: fund, roundId, amountFen: part, on: day, actorId: adminId, withIncome: false });
				allocated.set(fund, (allocated.get(fund) ?? 0) + part);
				left -= part;
			}
			await fundRound(db, { fundId: federation, roundId, amountFen: left, on: day, actorId: adminId, withIncome: false });
		},
		/** The rest of the year's incomes, up to today. */
		async receiveRest() {
			await receiveUntil(dayOf(now.getTime()));
		}
	};
}

/**
 * The city's money: a community charity fund for every street, each giving its share of the
 * pools from residents' and shops' donations, and the federation's fund the rest from government
 * money. `rounds` are the pools to fill, each on the day it opened.
 */
export async function seedCityFunds(db: DB, rounds: { id: number; poolFen: number; on: string }[], now: Date, random: () => number) {
	const streets = await db
		.selectFrom('places as street')
		.innerJoin('places as district', 'district.id', 'street.parent_id')
		.select(['street.id', 'street.name', 'district.name as district'])
		.where('street.kind', '=', 'street')
		.orderBy('street.id')
		.execute();
	const federation = await seedFund(db, { name: DEMO_FEDERATION_FUND, kind: 'federation', host: '广州市慈善会' }, null);
	const names = new Set<string>();
	const funds: number[] = [];
	for (const s of streets) {
		let name = `${s.district}${s.name}社区慈善基金`;
		for (let n = 2; names.has(name); n++) name = `${s.district}${s.name}社区慈善基金（${n}）`;
		names.add(name);
		funds.push(await seedFund(db, { name, kind: 'street', streetId: s.id, host: '广州市慈善会' }, null));
	}
	const first = rounds.map((r) => r.on).sort()[0];
	const shares = rounds.map((r) => (funds.length ? Math.floor(r.poolFen / 2 / funds.length) : 0));
	for (const fundId of funds) {
		const total = shares.reduce((a, b) => a + b, 0) + Math.round(random() * 200_000);
		const fromResidents = Math.round(total * 0.6);
		await seedIncome(db, { fundId, amountFen: fromResidents, receivedOn: first, sourceType: 'resident', actorId: null }, now);
		await seedIncome(db, { fundId, amountFen: total - fromResidents, receivedOn: first, sourceType: 'business', donorName: BUSINESSES[fundId % BUSINESSES.length], donorConsent: true, actorId: null }, now);
	}
	const federationShare = rounds.map((r, i) => r.poolFen - shares[i] * funds.length);
	await seedIncome(db, { fundId: federation, amountFen: federationShare.reduce((a, b) => a + b, 0) + 100_000_000, receivedOn: first, sourceType: 'government', actorId: null }, now);
	for (const [i, r] of rounds.entries()) {
		if (shares[i] > 0) for (const fundId of funds) await fundRound(db, { fundId, roundId: r.id, amountFen: shares[i], on: r.on, actorId: null, withIncome: false });
		await fundRound(db, { fundId: federation, roundId: r.id, amountFen: federationShare[i], on: r.on, actorId: null, withIncome: false });
	}
	return { funds: funds.length + 1 };
}
