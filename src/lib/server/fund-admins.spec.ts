import { describe, expect, it } from 'vitest';
import { freshDb, makeOrganisation, makeProposal, makeRound, makeUser } from '../../../tests/helpers/db';
import type { DB } from './db';
import { ownLineRefusal, ownProposalRefusal, roundsRunBy, runsRound } from './fund-admins';
import { findRounds, roundsOfFund } from './fund-rounds';
import { saveFund } from './funds';
import { acceptInvitation, createInvitation } from './auth/invite';
import { seedPlaces } from './seed/places';

async function fund(db: DB, actorId: number, streetId: number | null = null) {
	const made = await saveFund(db, null, { name: `街道基金 ${Math.random()}`, kind: streetId === null ? 'sponsor' : 'street', streetId, host: '', description: '' }, actorId);
	if (!made.ok) throw new Error('fund');
	return made.value;
}

async function owned(db: DB, fundId: number | null, phase: Parameters<typeof makeRound>[1] = 'applications') {
	const round = await makeRound(db, phase);
	await db.updateTable('rounds').set({ fund_id: fundId }).where('id', '=', round.id).execute();
	return { ...round, fund_id: fundId };
}

describe('who runs a round', () => {
	it('a federation admin runs every round; a fund admin only its own fund’s, never the federation’s or another fund’s', async () => {
		const db = await freshDb();
		const admin = await makeUser(db, 'admin');
		const mine = await fund(db, admin.id);
		const theirs = await fund(db, admin.id);
		const [own, other, city] = [await owned(db, mine), await owned(db, theirs), await owned(db, null)];
		const federation = { role: 'admin', fundId: null };
		const fundAdmin = { role: 'fund_admin', fundId: mine };
		expect([own, other, city].map((r) => runsRound(federation, r))).toEqual([true, true, true]);
		expect([own, other, city].map((r) => runsRound(fundAdmin, r))).toEqual([true, false, false]);
		// A fund admin without a fund, and the other roles, run nothing.
		expect([own, other, city].some((r) => runsRound({ role: 'fund_admin', fundId: null }, r))).toBe(false);
		expect([own, city].some((r) => runsRound({ role: 'station', fundId: mine }, r))).toBe(false);

		const listed = (await roundsRunBy(db, fundAdmin)).map((r) => r.id);
		expect(listed).toEqual([own.id]);
		expect((await roundsRunBy(db, federation)).map((r) => r.id).sort()).toEqual([own.id, other.id, city.id].sort());
	});

	it('refuses a fund admin deciding its own station’s proposal or its round’s line, and leaves the federation free to', async () => {
		const db = await freshDb();
		const admin = await makeUser(db, 'admin');
		const mine = await fund(db, admin.id);
		const station = await makeOrganisation(db);
		const stranger = await makeOrganisation(db);
		const round = await owned(db, mine, 'eligibility');
		const fundAdmin = { role: 'fund_admin', fundId: mine, organisationId: station };
		const federation = { role: 'admin', fundId: null, organisationId: null };

		expect(ownProposalRefusal(fundAdmin, stranger).ok).toBe(true);
		const refused = ownProposalRefusal(fundAdmin, station);
		expect(refused).toMatchObject({ ok: false, status: 409, errors: { _form: { key: 'fundAdmin.err.ownProposal' } } });
		expect(ownProposalRefusal(federation, station).ok).toBe(true);

		// A draft of its station decides nothing yet; a submitted one puts the line in the federation's hands.
		await makeProposal(db, round.id, stranger, 'submitted');
		await makeProposal(db, round.id, station, 'draft');
		expect((await ownLineRefusal(db, fundAdmin, round.id)).ok).toBe(true);
		await makeProposal(db, round.id, station, 'submitted');
		expect(await ownLineRefusal(db, fundAdmin, round.id)).toMatchObject({ ok: false, errors: { _form: { key: 'fundAdmin.err.ownLine' } } });
		expect((await ownLineRefusal(db, federation, round.id)).ok).toBe(true);
		// A fund admin not linked to a station decides its round's line.
		expect((await ownLineRefusal(db, { role: 'fund_admin', fundId: mine, organisationId: null }, round.id)).ok).toBe(true);
	});

	it('makes an invited fund admin an account of its fund (and its operating station), and a station’s invitation of no fund', async () => {
		const db = await freshDb();
		const admin = await makeUser(db, 'admin');
		const mine = await fund(db, admin.id);
		const station = await makeOrganisation(db);
		const invite = async (role: 'fund_admin' | 'station', email: string) => {
			const { token } = await createInvitation(db, { email, name: '新同事', role, organisationId: station, fundId: mine, createdBy: admin.id });
			const accepted = await acceptInvitation(db, token, { name: '新同事', password: 'a-long-password' });
			if (!accepted.ok) throw new Error('accept');
			return db.selectFrom('users').select(['role', 'fund_id', 'organisation_id']).where('id', '=', accepted.value.userId).executeTakeFirstOrThrow();
		};
		expect(await invite('fund_admin', 'fund@example.org')).toEqual({ role: 'fund_admin', fund_id: mine, organisation_id: station });
		expect(await invite('station', 'station@example.org')).toEqual({ role: 'station', fund_id: null, organisation_id: station });
	});
});

describe('finding a street’s fund and its rounds', () => {
	it('walks district, then street, to the street fund’s rounds and the city-wide rounds open now', async () => {
		const db = await freshDb();
		await seedPlaces(db);
		const admin = await makeUser(db, 'admin');
		const district = await db.selectFrom('places').select(['id']).where('kind', '=', 'district').orderBy('position').orderBy('id').executeTakeFirstOrThrow();
		const streets = await db.selectFrom('places').select(['id']).where('parent_id', '=', district.id).orderBy('position').orderBy('id').execute();
		expect(streets.length).toBeGreaterThan(1);
		const streetFund = await fund(db, admin.id, streets[0].id);
		const own = await owned(db, streetFund);
		const elsewhere = await owned(db, await fund(db, admin.id, streets[1].id));
		const city = await owned(db, null);
		const closed = await owned(db, null, 'closed');
		const draft = await owned(db, streetFund, 'draft');

		const start = await findRounds(db, { district: null, street: null });
		expect(start.districts.length).toBeGreaterThan(0);
		expect([start.streets, start.found]).toEqual([[], null]);
		// A street of another district, or nonsense, is ignored: pick a street of the district.
		const picked = await findRounds(db, { district: String(district.id), street: 'x' });
		expect(picked.streets.map((s) => s.id)).toEqual(streets.map((s) => s.id));
		expect(picked.found).toBeNull();

		const found = await findRounds(db, { district: String(district.id), street: String(streets[0].id) });
		expect(found.found?.funds.map((f) => [f.id, f.rounds.map((r) => r.slug)])).toEqual([[streetFund, [own.slug]]]);
		const citySlugs = found.found?.cityRounds.map((r) => r.slug) ?? [];
		expect(citySlugs).toContain(city.slug);
		expect(citySlugs).not.toContain(closed.slug);
		expect(citySlugs).not.toContain(elsewhere.slug);
		expect(citySlugs).not.toContain(draft.slug);

		expect((await roundsOfFund(db, streetFund)).map((r) => r.slug)).toEqual([own.slug]);
	});
});
