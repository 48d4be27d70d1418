import { describe, expect, it } from 'vitest';
import { freshDb, makeRound, makeUser } from '../../../tests/helpers/db';
import { allocate, recordIncome, saveFund } from './funds';
import { importIncomes } from './fund-import';
import { fundDisclosure, fundLedgerCsv, publicFunds, roundLedger, roundLedgerCsv, roundSources } from './fund-disclosure';

const NAMED = '李阿姨';
const PRIVATE = ['王大爷', '赵先生（未同意公开）', '孙女士'];

describe('donors in public', () => {
	it('are named only with their consent: never in the fund’s or the round’s JSON, CSV or lists otherwise', async () => {
		const db = await freshDb();
		const admin = await makeUser(db, 'admin');
		const made = await saveFund(db, null, { name: '北京街社区慈善基金', kind: 'federation', streetId: null, host: '', description: '' }, admin.id);
		if (!made.ok) throw new Error('fund');
		const fundId = made.value;
		const income = (donorName: string, donorConsent: boolean, reference: string) =>
			recordIncome(db, { fundId, amountFen: 1_000_000, receivedOn: '2026-02-01', sourceType: 'resident', donorName, donorConsent, campaign: '广益联募', reference, actorId: admin.id });
		expect((await income(NAMED, true, 'YH-1')).ok).toBe(true);
		expect((await income(PRIVATE[0], false, 'YH-2')).ok).toBe(true);
		expect((await income(PRIVATE[1], false, 'YH-3')).ok).toBe(true);
		const file = `日期,金额,来源类型,捐赠方,同意公开,募捐活动,流水号\n2026-02-03,100,个人,${PRIVATE[2]},否,,IMP-1\n`;
		expect((await importIncomes(db, { fundId, bytes: new TextEncoder().encode(file), actorId: admin.id })).ok).toBe(true);
		const round = await makeRound(db, 'review', { pool_fen: 0 });
		expect((await allocate(db, { fundId, roundId: round.id, amountFen: 2_000_000, allocatedOn: '2026-02-05', reason: null, actorId: admin.id })).ok).toBe(true);

		const disclosure = (await fundDisclosure(db, fundId))!;
		const outputs = {
			fundJson: JSON.stringify(disclosure),
			fundCsv: fundLedgerCsv(disclosure, '匿名'),
			funds: JSON.stringify(await publicFunds(db)),
			roundJson: JSON.stringify(await roundLedger(db, round)),
			roundCsv: roundLedgerCsv(await roundLedger(db, round)),
			sources: JSON.stringify(await roundSources(db, round.id))
		};
		for (const [what, text] of Object.entries(outputs)) {
			for (const name of PRIVATE) expect(text, `${what} names ${name}`).not.toContain(name);
			// Nor the bank references, which could lead back to an account.
			expect(text, `${what} shows a reference`).not.toMatch(/YH-\d|IMP-1/);
		}
		expect(outputs.fundJson).toContain(NAMED);
		expect(outputs.fundCsv).toContain(NAMED);
		expect(disclosure.incomes.map((i) => i.donor)).toEqual([NAMED, null, null, null]);
		expect(outputs.fundCsv.split('\r\n').filter((l) => l.includes('匿名'))).toHaveLength(3);
	});
});
