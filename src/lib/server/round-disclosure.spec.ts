import { describe, expect, it } from 'vitest';
import { freshDb } from '../../../tests/helpers/db';
import { AWARD, signedProject } from '../../../tests/helpers/signed-project';
import { recordPayment } from './grants';
import { projectLedger } from './grant-views';
import { projectReport, reviewReport, saveReport } from './project-reports';
import { disclosureDay, remindDueDisclosures, roundDisclosure, roundDisclosureCsv } from './round-disclosure';
import { addMonths } from '../domain/disclosure';

const DAY = 86_400_000;

describe('the round’s disclosure report', () => {
	it('counts money, reports and visits only up to the chosen day', async () => {
		const db = await freshDb();
		const w = await signedProject(db);
		const round = (await db.selectFrom('rounds').selectAll().where('id', '=', w.round.id).executeTakeFirstOrThrow());
		const tranche1 = (await projectLedger(db, w.id))!.tranches[0];
		const admin = { proposalId: w.id, roundId: w.round.id, actorId: w.admin.id };
		expect((await recordPayment(db, { ...admin, trancheId: tranche1.id, amountFen: tranche1.amountFen, paidOn: w.today, reference: 'PZ-1' })).ok).toBe(true);
		const current = (await projectReport(db, w.id, 'midterm'))!.report.content;
		const content = {
			...current,
			activities: current.activities.map((a) => ({ ...a, dates: '每周三', sessions: 10, visits: 320 })),
			lines: current.lines.map((l) => ({ ...l, actualFen: l.budgetFen / 2, explanation: '活动过半' })),
			narrative: '按计划开展。'
		};
		expect((await saveReport(db, { proposalId: w.id, organisationId: w.org, kind: 'midterm', actorId: w.station.id, version: 0, content, submit: true })).ok).toBe(true);
		expect((await reviewReport(db, { ...admin, kind: 'midterm', decision: 'accept', comment: null })).ok).toBe(true);

		const today = await roundDisclosure(db, round, w.today);
		expect(today.projects).toHaveLength(1);
		expect(today.projects[0]).toMatchObject({ id: w.id, stage: 'in_progress', awardedFen: AWARD, paidFen: tranche1.amountFen, spentFen: AWARD / 2, returnedFen: 0, visits: 320 });
		expect(today.projects[0].reports[0]).toMatchObject({ kind: 'midterm', submittedOn: w.today, acceptedOn: w.today });
		expect(today.totals).toEqual({ awardedFen: AWARD, paidFen: tranche1.amountFen, spentFen: AWARD / 2, returnedFen: 0, visits: 320 });

		// The day before: not signed yet, nothing paid, no report in, so nothing spent or visited.
		const dayBefore = new Date(Date.parse(`${w.today}T12:00:00Z`) - DAY).toISOString().slice(0, 10);
		const before = await roundDisclosure(db, round, dayBefore);
		expect(before.projects[0]).toMatchObject({ stage: 'funded', awardedFen: AWARD, paidFen: 0, spentFen: 0, visits: 0 });
		expect(before.projects[0].reports[0]).toMatchObject({ submittedOn: null, acceptedOn: null });

		const csv = roundDisclosureCsv(today).replace(/^\uFEFF/, '').split('\r\n');
		expect(csv[0].startsWith('as_of,id,title,organisation,stage,awarded_fen,paid_fen,spent_fen,returned_fen')).toBe(true);
		expect(csv[1]).toContain(`${w.today},${w.id},`);
		expect(csv[1]).toContain(`,in_progress,${AWARD},${tranche1.amountFen},${AWARD / 2},0,`);
		expect(csv.filter((l) => l.includes(',total,'))).toHaveLength(1);

		// A day in the future or not a day is read as today, and says so.
		expect(disclosureDay(round, '2999-01-01')).toEqual({ asOf: w.today, invalid: true });
		expect(disclosureDay(round, '2025-02-30')).toEqual({ asOf: w.today, invalid: true });
		expect(disclosureDay(round, dayBefore)).toEqual({ asOf: dayBefore, invalid: false });
	});

	it('reminds the admins once when a three-monthly disclosure is near, for projects over six months', async () => {
		const db = await freshDb();
		const w = await signedProject(db);
		const end = new Date(Date.now() + 365 * DAY).toISOString();
		await db.updateTable('rounds').set({ closed_at: end }).where('id', '=', w.round.id).execute();
		const firstDue = addMonths(w.today, 3);
		const tenDaysBefore = new Date(Date.parse(`${firstDue}T04:00:00Z`) - 10 * DAY);
		expect(await remindDueDisclosures(db, new Date(Date.parse(`${firstDue}T04:00:00Z`) - 20 * DAY))).toBe(0);
		expect(await remindDueDisclosures(db, tenDaysBefore)).toBe(1);
		expect(await remindDueDisclosures(db, tenDaysBefore)).toBe(0);
		const notices = await db.selectFrom('notices').select(['user_id', 'link']).where('kind', '=', 'notice.disclosureDue').execute();
		expect(notices).toEqual([{ user_id: w.admin.id, link: `/rounds/${w.round.slug}/disclosure?asOf=${firstDue}` }]);
	});
});
