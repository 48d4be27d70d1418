import { describe, expect, it } from 'vitest';
import chineseDays from 'chinese-days';
import { freshDb, makeOrganisation, makeProposal, makeRound, makeUser, setPhase, TEST_CALENDAR_SOURCE } from '../../../tests/helpers/db';
import { addReviews } from '../../../tests/helpers/decision';
import { SEEDED_YEARS } from '../../../migrations/2026_11_29_0250_work_calendar';
import { isWorkingDay } from '../domain/working-days';
import { drawLine, publishNotice } from './decisions';
import { listCalendarYears, previewCalendarYear, readCalendarYears, recordCalendarYear, workCalendar } from './work-calendar';

const weekendsOnly = (year: number, actorId: number | null) => ({
	year,
	holidays: [],
	makeupWorkdays: [],
	source: TEST_CALENDAR_SOURCE,
	departs: true,
	reason: null,
	actorId
});

describe('the calendar a new install starts with', () => {
	it('covers 2025 and 2026 and agrees with chinese-days on every day of them', async () => {
		const db = await freshDb();
		const calendar = await workCalendar(db);
		expect(calendar.years).toEqual([2025, 2026]);
		expect(await readCalendarYears(db)).toEqual(SEEDED_YEARS.map(({ year, holidays, makeupWorkdays }) => ({ year, holidays, makeupWorkdays })));
		// chinese-days compiles the State Council's notices (放假 and 调休 days) year by year.
		const disagreements: string[] = [];
		let days = 0;
		for (const year of calendar.years) {
			for (let d = new Date(Date.UTC(year, 0, 1)); d.getUTCFullYear() === year; d = new Date(d.getTime() + 86_400_000)) {
				const day = d.toISOString().slice(0, 10);
				days += 1;
				if (isWorkingDay(day, calendar) !== chineseDays.isWorkday(day)) disagreements.push(day);
			}
		}
		expect(days).toBe(365 * 2);
		expect(disagreements).toEqual([]);
		const listed = await listCalendarYears(db);
		expect(listed.map((y) => [y.year, y.recordedBy, y.departs, y.summary.workingDays])).toEqual([
			[2026, null, false, 248],
			[2025, null, false, 248]
		]);
		expect(listed[0].source).toMatch(/^国务院办公厅关于2026年部分节假日安排的通知/);
	});
});

describe('recording a year', () => {
	it('records a year an admin gives, who and when, and the pages read it at once', async () => {
		const db = await freshDb();
		const admin = await makeUser(db, 'admin');
		const before = workCalendar(db);
		// Read once until the next write.
		expect(await workCalendar(db)).toBe(await before);
		expect((await before).years).not.toContain(2033);

		// The holiday rules hold a year of weekends only, unless the admin confirms it departs.
		expect(await recordCalendarYear(db, { ...weekendsOnly(2033, admin.id), departs: false })).toEqual({
			ok: false,
			errors: { holidays: { key: 'calendar.err.fixedMissing', params: { day: '2033-01-01' } } }
		});
		expect(await recordCalendarYear(db, { ...weekendsOnly(2033, admin.id), source: '  ' })).toEqual({
			ok: false,
			errors: { source: { key: 'err.required' } }
		});
		const at = new Date('2032-11-10T02:00:00.000Z');
		expect(await recordCalendarYear(db, weekendsOnly(2033, admin.id), at)).toEqual({ ok: true, value: { replaced: false } });
		expect((await workCalendar(db)).years).toContain(2033);
		const [listed] = await listCalendarYears(db);
		expect(listed).toMatchObject({ year: 2033, source: TEST_CALENDAR_SOURCE, departs: true, recordedAt: at.toISOString(), holidays: [] });
		expect(listed.recordedBy).toMatch(/^admin /);
		// 2033 starts on a Saturday: 365 days, 105 of them weekend days.
		expect(listed.summary.workingDays).toBe(260);
		const log = await db.selectFrom('audit_log').select(['action', 'entity', 'entity_id', 'actor_id', 'detail']).execute();
		expect(log.filter((l) => l.entity === 'calendar_year')).toEqual([
			{
				action: 'calendar.record',
				entity: 'calendar_year',
				entity_id: '2033',
				actor_id: admin.id,
				detail: JSON.stringify({
					source: TEST_CALENDAR_SOURCE,
					holidays: [],
					makeupWorkdays: [],
					departures: ['fixedMissing', 'statutoryCount']
				})
			}
		]);
	});

	it('replaces a year only with a reason, and keeps what it replaced in the audit log', async () => {
		const db = await freshDb();
		const admin = await makeUser(db, 'admin');
		const seeded = SEEDED_YEARS.find((y) => y.year === 2026)!;
		const again = { ...seeded, departs: false, reason: null, actorId: admin.id };
		expect(await recordCalendarYear(db, again)).toEqual({ ok: false, errors: { reason: { key: 'calendar.err.reasonToReplace' } } });
		expect(await recordCalendarYear(db, { ...again, source: '国务院办公厅关于2026年部分节假日安排的通知（国办发明电〔2025〕7号）', reason: '补充文号' })).toEqual({
			ok: true,
			value: { replaced: true }
		});
		const row = await db.selectFrom('audit_log').select(['action', 'reason', 'detail']).where('entity', '=', 'calendar_year').executeTakeFirstOrThrow();
		expect(row).toMatchObject({ action: 'calendar.replace', reason: '补充文号' });
		expect(JSON.parse(row.detail!).previous).toEqual({ source: seeded.source, holidays: seeded.holidays, makeupWorkdays: seeded.makeupWorkdays });
		expect((await readCalendarYears(db)).find((y) => y.year === 2026)).toEqual({
			year: 2026,
			holidays: seeded.holidays,
			makeupWorkdays: seeded.makeupWorkdays
		});
	});

	it('refuses a change to the days a published notice counted, and allows one outside them', async () => {
		const db = await freshDb();
		const round = await makeRound(db, 'review', { slug: 'national-day', title: '国庆前公示的轮次' });
		const admin = await makeUser(db, 'admin');
		const reviewer = await makeUser(db, 'reviewer');
		const proposal = await makeProposal(db, round.id, await makeOrganisation(db));
		await addReviews(db, round.id, proposal, [80], [reviewer.id]);
		await setPhase(db, round.id, 'decision');
		await drawLine(db, { roundId: round.id, actorId: admin.id, shortReviewsReason: '测试：评审份数不足时划线' });
		// Published Tuesday 29 September 2026: 30 Sep, 8 Oct, 9 Oct, Saturday 10 Oct, 12 Oct.
		expect(await publishNotice(db, { roundId: round.id, actorId: admin.id }, new Date('2026-09-29T02:00:00.000Z'))).toEqual({
			ok: true,
			value: { endsAt: '2026-10-12T16:00:00.000Z' }
		});
		const seeded = SEEDED_YEARS.find((y) => y.year === 2026)!;
		const replace = (makeupWorkdays: string[]) => ({ ...seeded, makeupWorkdays, departs: true, reason: '测试', actorId: admin.id });

		// Without the Saturday worked on 10 October the notice would end a day later.
		const withoutOctober = replace(seeded.makeupWorkdays.filter((d) => d !== '2026-10-10'));
		expect((await previewCalendarYear(db, withoutOctober)).changedNotices).toEqual([{ slug: 'national-day', title: '国庆前公示的轮次' }]);
		expect(await recordCalendarYear(db, withoutOctober)).toEqual({
			ok: false,
			errors: { _form: { key: 'calendar.err.noticesChanged', params: { year: 2026, rounds: '国庆前公示的轮次' } } }
		});
		expect((await readCalendarYears(db)).find((y) => y.year === 2026)?.makeupWorkdays).toEqual(seeded.makeupWorkdays);

		// February is no notice's: changing it is allowed (the count then departs from 13, confirmed).
		const withoutFebruary = replace(seeded.makeupWorkdays.filter((d) => d !== '2026-02-28'));
		expect((await previewCalendarYear(db, withoutFebruary)).changedNotices).toEqual([]);
		expect((await recordCalendarYear(db, withoutFebruary)).ok).toBe(true);
	});

	it('refuses a day at the turn of the year that two years’ notices would say opposite things of', async () => {
		const db = await freshDb();
		const admin = await makeUser(db, 'admin');
		// The next year's notice makes Saturday 26 December 2026 a working day…
		expect((await recordCalendarYear(db, { ...weekendsOnly(2027, admin.id), makeupWorkdays: ['2026-12-26'] })).ok).toBe(true);
		expect(isWorkingDay('2026-12-26', await workCalendar(db))).toBe(true);
		// …so 2026 cannot make it a day off.
		const seeded = SEEDED_YEARS.find((y) => y.year === 2026)!;
		const clashing = { ...seeded, holidays: [...seeded.holidays, '2026-12-26'], departs: false, reason: '测试', actorId: admin.id };
		expect((await previewCalendarYear(db, clashing)).clash).toEqual({ day: '2026-12-26', year: 2027 });
		expect(await recordCalendarYear(db, clashing)).toEqual({
			ok: false,
			errors: { _form: { key: 'calendar.err.clash', params: { day: '2026-12-26', year: 2027 } } }
		});
	});
});
