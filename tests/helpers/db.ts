import { sql } from 'kysely';
import type { DB } from '../../src/lib/server/db';
import { createRound, type RoundInput } from '../../src/lib/server/rounds';
import { fundRound, seedFund } from '../../src/lib/server/seed/funds';
import { normaliseEmail } from '../../src/lib/server/users';
import { hashPassword } from '../../src/lib/server/auth/password';
import { recordWeekendsOnly, yearsAround } from '../../src/lib/server/seed/calendar';
import { PHASES, PHASE_START, type Phase } from '../../src/lib/domain/phases';
import type { ProposalStatus, Role } from '../../src/lib/server/schema';
import { ROUND_DEFAULTS } from '../../src/lib/domain/round-defaults';

export { freshDb, freshDatabaseTarget, openTestDatabase, TEST_ENGINE } from './test-database';

const DAY = 24 * 60 * 60 * 1000;

/**
 * A schedule under which `phase` is the phase in force at `now`: earlier phases started a day
 * apart in the past, later ones start a day apart in the future.
 */
export function scheduleFor(phase: Phase, now = new Date()): Record<(typeof PHASE_START)[keyof typeof PHASE_START], string> {
	const current = PHASES.indexOf(phase);
	const out = {} as Record<(typeof PHASE_START)[keyof typeof PHASE_START], string>;
	PHASES.slice(1).forEach((p, i) => {
		const offset = i + 1 - current; // ≤ 0 for phases that have started
		const at = offset <= 0 ? now.getTime() + (offset - 1) * DAY : now.getTime() + offset * DAY;
		out[PHASE_START[p as keyof typeof PHASE_START]] = new Date(at).toISOString();
	});
	return out;
}

/** What test databases record for the years the real calendar lacks: clearly not an arrangement. */
export const TEST_CALENDAR_SOURCE = 'test calendar: weekends only (not a State Council arrangement)';

/**
 * Gives a test database a calendar for last year, this year and next (as test data, through the
 * function an admin's form uses), so that a notice published "now" can be counted in any year;
 * the years already recorded (2025 and 2026 by the migration) are left as they are.
 */
export async function withTestCalendar(db: DB, now = new Date()): Promise<number[]> {
	return recordWeekendsOnly(db, { years: yearsAround(now), source: TEST_CALENDAR_SOURCE, actorId: null });
}

let counter = 0;

/** A round in `phase` now, in a database whose calendar covers the years around now. */
export async function makeRound(db: DB, phase: Phase, overrides: Partial<RoundInput> = {}) {
	await withTestCalendar(db);
	counter += 1;
	const id = await createRound(
		db,
		{
			...ROUND_DEFAULTS,
			slug: `round-${counter}`,
			title: `测试轮次 ${counter}`,
			year: 2026,
			...scheduleFor(phase),
			...overrides
		},
		null
	);
	const round = await db.selectFrom('rounds').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
	// Its pool is money in the ledger, as every round's is: a test fund's income, allocated to it.
	if (round.pool_fen > 0 && (await hasFunds(db))) {
		const fundId = await seedFund(db, { name: TEST_FUND_NAME, kind: 'federation' }, null);
		await fundRound(db, { fundId, roundId: id, amountFen: round.pool_fen, on: '2026-01-05', actorId: null });
	}
	return round;
}

export const TEST_FUND_NAME = '测试慈善基金';

/** Whether the database has the funds yet (a migration test builds rounds before them). */
async function hasFunds(db: DB): Promise<boolean> {
	const row = await db
		.withoutPlugins()
		.selectFrom('kysely_migration' as never)
		.select(sql<string>`name`.as('name'))
		.where(sql.ref('name'), '=', '2026_11_29_0500_funds')
		.executeTakeFirst();
	return row !== undefined;
}

export async function makeOrganisation(db: DB, name = `机构 ${++counter}`) {
	const { id } = await db
		.insertInto('organisations')
		.values({ name, kind: 'station', district: '海珠区', created_at: new Date().toISOString() })
		.returning('id')
		.executeTakeFirstOrThrow();
	return id;
}

export const TEST_PASSWORD = 'correct horse battery';
let testPasswordHash: Promise<string> | undefined;

/**
 * A user of `role` who signs in with TEST_PASSWORD. The argon2id hash (19 MiB, on purpose slow) is
 * computed once per test process and shared: createUser hashes for real in the tests of sign-in.
 */
export async function makeUser(db: DB, role: Role, organisationId: number | null = null) {
	counter += 1;
	// The process id keeps accounts apart when test processes share one database (end-to-end workers).
	const email = normaliseEmail(`${role}${counter}.${process.pid}@example.org`);
	testPasswordHash ??= hashPassword(TEST_PASSWORD);
	const { id } = await db
		.insertInto('users')
		.values({
			email,
			name: `${role} ${counter}`,
			password_hash: await testPasswordHash,
			role,
			organisation_id: organisationId,
			created_at: new Date().toISOString()
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	return { id, email, password: TEST_PASSWORD };
}

/** A proposal written straight into the table, in any status, by a new staff user of `organisationId`. */
export async function makeProposal(
	db: DB,
	roundId: number,
	organisationId: number,
	status: ProposalStatus = 'eligible',
	requestedFen = 3_000_000
) {
	const author = await makeUser(db, 'station', organisationId);
	const now = new Date().toISOString();
	const { id } = await db
		.insertInto('proposals')
		.values({
			round_id: roundId,
			organisation_id: organisationId,
			title: `社区项目 ${requestedFen}`,
			summary: '项目简介',
			requested_fen: requestedFen,
			status,
			award_fen: null,
			decision_reason: null,
			created_by: author.id,
			created_at: now,
			updated_at: now,
			submitted_at: status === 'draft' ? null : now
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	return id;
}

/** Holds a round in `phase`, as an admin's override would. */
export async function setPhase(db: DB, roundId: number, phase: Phase) {
	await db.updateTable('rounds').set({ phase_override: phase }).where('id', '=', roundId).execute();
}
