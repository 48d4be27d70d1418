import { describe, expect, it } from 'vitest';
import { fail, isRedirect, redirect, type RequestEvent } from '@sveltejs/kit';
import { freshDb } from '../../../tests/helpers/db';
import { runOnce } from './submissions';

function post(fields: Record<string, string>, user: { id: number } | null = null, path = '/station/proposals/new?round=r&/submit') {
	const url = new URL(`http://localhost${path}`);
	return {
		url,
		request: new Request(url, { method: 'POST', body: new URLSearchParams(fields) }),
		locals: { user }
	} as unknown as RequestEvent;
}

/** What a form action did: its redirect, or its failure. */
async function answer(promise: Promise<unknown>) {
	try {
		const value = await promise;
		return { value };
	} catch (e) {
		if (isRedirect(e)) return { status: e.status, location: e.location };
		throw e;
	}
}

const KEY = 'k'.repeat(24);

describe('runOnce', () => {
	it('runs a form sent twice at once only once, and gives both the first answer', async () => {
		const db = await freshDb();
		let runs = 0;
		const action = async (event: RequestEvent) => {
			await event.request.formData();
			runs += 1;
			await new Promise((r) => setTimeout(r, 30));
			redirect(303, `/station/proposals/${runs}`);
		};
		const fields = { submission_key: KEY, title: '长者饭堂' };
		const [a, b] = await Promise.all([
			answer(runOnce(db, post(fields, { id: 7 }), action)),
			answer(runOnce(db, post(fields, { id: 7 }), action))
		]);
		expect(runs).toBe(1);
		expect(a).toEqual({ status: 303, location: '/station/proposals/1' });
		expect(b).toEqual(a);
		// Sent again later, the same form still gets its first answer.
		expect(await answer(runOnce(db, post(fields, { id: 7 }), action))).toEqual(a);
		expect(runs).toBe(1);
	});

	it('keeps submissions of other people, other actions and other contents apart', async () => {
		const db = await freshDb();
		let runs = 0;
		const action = async () => {
			runs += 1;
			redirect(303, `/done/${runs}`);
		};
		await answer(runOnce(db, post({ submission_key: KEY, title: 'a' }, { id: 1 }), action));
		await answer(runOnce(db, post({ submission_key: KEY, title: 'a' }, { id: 2 }), action));
		await answer(runOnce(db, post({ submission_key: KEY, title: 'a' }, null), action));
		await answer(runOnce(db, post({ submission_key: KEY, title: 'a' }, { id: 1 }, '/station/proposals/new?round=r&/save'), action));
		await answer(runOnce(db, post({ submission_key: KEY, title: 'b' }, { id: 1 }), action));
		expect(runs).toBe(5);
	});

	it('forgets a refused submission, so the corrected form can be sent with the same key', async () => {
		const db = await freshDb();
		let runs = 0;
		const action = async () => {
			runs += 1;
			if (runs === 1) return fail(400, { errors: {} });
			redirect(303, '/ok');
		};
		const fields = { submission_key: KEY, title: 'x' };
		expect((await answer(runOnce(db, post(fields, { id: 1 }), action))).value).toMatchObject({ status: 400 });
		expect(await answer(runOnce(db, post(fields, { id: 1 }), action))).toEqual({ status: 303, location: '/ok' });
		expect(runs).toBe(2);
		expect(await db.selectFrom('form_submissions').select('state').execute()).toEqual([{ state: 'done' }]);
	});

	it('forgets a submission sent to sign in first', async () => {
		const db = await freshDb();
		const toSignIn = async () => {
			redirect(303, '/login?next=%2Fstation');
		};
		expect(await answer(runOnce(db, post({ submission_key: KEY }), toSignIn))).toMatchObject({ location: '/login?next=%2Fstation' });
		expect(await db.selectFrom('form_submissions').selectAll().execute()).toEqual([]);
	});

	it('forgets a submission whose action failed with an error', async () => {
		const db = await freshDb();
		const boom = async () => {
			throw new Error('disk full');
		};
		await expect(runOnce(db, post({ submission_key: KEY }, { id: 1 }), boom)).rejects.toThrow('disk full');
		expect(await db.selectFrom('form_submissions').selectAll().execute()).toEqual([]);
	});

	it('runs a form without a key (an old page, a script) as it is', async () => {
		const db = await freshDb();
		let runs = 0;
		const action = async () => {
			runs += 1;
			redirect(303, '/x');
		};
		await answer(runOnce(db, post({ title: 'x' }, { id: 1 }), action));
		await answer(runOnce(db, post({ title: 'x', submission_key: 'not a key!' }, { id: 1 }), action));
		expect(runs).toBe(2);
	});
});
