import { expect, test } from '@playwright/test';
import { CITY_PASSWORD } from '../../src/lib/server/seed/city';
import { CALL_SLUG, freePort, needForm, prepareDatabase, startServer, stop, submissionKey, type Server } from '../helpers/scale';
import pg from 'pg';
import { postgresUrl, withDatabase } from '../helpers/test-targets';
import { e2eEngine } from './db';
import { startSmtpCatcher } from '../helpers/smtp-catcher';

/**
 * Two app servers (two `npm start`, each with its own port, pool and page cache) on one
 * PostgreSQL database, as behind a load balancer: what one node writes, the other serves at once;
 * sessions and sign-in throttling are the database's, not a node's; killing one node loses
 * nothing it acknowledged while the other keeps serving. Rate limits are on, the client address
 * taken from X-Forwarded-For as behind a proxy; every request but the sign-in guesses comes from
 * an address of its own, so only the throttling under test applies.
 */

interface Answer {
	status: number;
	headers: Headers;
	body: string;
}

let addresses = 0;
/** Requests each node answered, for the closing figures. */
const requests = { A: 0, B: 0 };

async function send(
	node: Server,
	path: string,
	options: { method?: string; form?: Record<string, string>; cookie?: string; address?: string } = {}
): Promise<Answer> {
	requests[node === nodes.A ? 'A' : 'B'] += 1;
	addresses += 1;
	const response = await fetch(node.base + path, {
		method: options.method ?? (options.form ? 'POST' : 'GET'),
		redirect: 'manual',
		headers: {
			accept: 'text/html',
			origin: node.base,
			'x-forwarded-for': options.address ?? `10.${(addresses >> 16) & 255}.${(addresses >> 8) & 255}.${addresses & 255}`,
			...(options.form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
			...(options.cookie ? { cookie: options.cookie } : {})
		},
		body: options.form ? new URLSearchParams(options.form) : undefined
	});
	return { status: response.status, headers: response.headers, body: await response.text() };
}

/** The cookies a response sets, as a Cookie header. */
const cookiesOf = (answer: Answer) =>
	answer.headers
		.getSetCookie()
		.map((c) => c.split(';')[0])
		.join('; ');

const nodes = {} as { A: Server; B: Server };
let target = '';
let admin = '';
let station = '';
let callRoundId = 0;
let smtp: Awaited<ReturnType<typeof startSmtpCatcher>>;

test.describe('two app servers on one PostgreSQL', () => {
	test.describe.configure({ mode: 'serial', timeout: 120_000 });

	test.beforeAll(async () => {
		test.skip(e2eEngine() !== 'postgres', 'several servers share one database only on PostgreSQL: a SQLite file belongs to the one machine it is on');
		target = await prepareDatabase('two-nodes', 'postgres');
		// Both nodes send mail to one SMTP server; each signs its mail with its own sender address.
		smtp = await startSmtpCatcher();
		const env = { RATE_LIMITS: 'on', ADDRESS_HEADER: 'x-forwarded-for', XFF_DEPTH: '1', SMTP_URL: smtp.url };
		// One after the other: the second must find a port the first did not take.
		nodes.A = await startServer(target, await freePort(), { ...env, SMTP_FROM: 'node-a@portal.test' });
		nodes.B = await startServer(target, await freePort(), { ...env, SMTP_FROM: 'node-b@portal.test' });
		({ admin, station, callRoundId } = await withDatabase(target, async (db) => ({
			admin: (await db.selectFrom('users').select('email').where('role', '=', 'admin').orderBy('id').executeTakeFirstOrThrow()).email,
			station: (await db.selectFrom('users').select('email').where('role', '=', 'station').orderBy('id').executeTakeFirstOrThrow()).email,
			callRoundId: (await db.selectFrom('rounds').select('id').where('slug', '=', CALL_SLUG).executeTakeFirstOrThrow()).id
		})));
	});

	test.afterAll(async () => {
		for (const node of [nodes.A, nodes.B]) if (node) await stop(node, 'SIGKILL');
		await smtp?.close();
		if (nodes.A) console.log(`two nodes: ${requests.A} requests answered by A, ${requests.B} by B`);
	});

	const signIn = async (node: Server) => {
		const answer = await send(node, '/login', { form: { email: admin, password: CITY_PASSWORD } });
		expect(answer.status, answer.body.slice(0, 300)).toBe(303);
		return cookiesOf(answer);
	};

	test('a session from A works on B, and signing out on B ends it on A', async () => {
		const cookie = await signIn(nodes.A);
		expect(cookie).toMatch(/session=/);
		const onB = await send(nodes.B, '/admin', { cookie });
		expect(onB.status).toBe(200);
		expect((await send(nodes.B, '/admin')).status).toBe(303);

		expect((await send(nodes.B, '/logout', { method: 'POST', cookie })).status).toBe(303);
		const afterward = await send(nodes.A, '/admin', { cookie });
		expect(afterward.status).toBe(303);
		expect(afterward.headers.get('location')).toMatch(/^\/login/);
	});

	test('a need posted on A and published on A is on B’s board at once, past B’s page cache', async () => {
		const cookie = await signIn(nodes.A);
		const board = `/rounds/${CALL_SLUG}/needs`;
		const form = await needForm(target);
		// B's cached copy must still be fresh (a page is kept 5 s) when the write lands, or a stale
		// read could not happen anyway; on a slow machine, try again with another need.
		let checked = false;
		for (let attempt = 1; attempt <= 3 && !checked; attempt++) {
			const title = `两台服务器之间的需求 ${attempt}`;
			let cachedAt = 0;
			for (let i = 0; i < 20 && !cachedAt; i++) {
				const read = await send(nodes.B, board);
				expect(read.status).toBe(200);
				expect(read.body).not.toContain(title);
				if (read.headers.get('x-page-cache') === 'hit') cachedAt = Date.now();
			}
			expect(cachedAt, 'B serves the board from its page cache').toBeGreaterThan(0);

			const key = submissionKey('nodes');
			const posted = await send(nodes.A, `/rounds/${CALL_SLUG}/needs/new`, { form: { ...form, title, submission_key: key } });
			expect(posted.status, posted.body.slice(0, 300)).toBe(303);
			const id = await withDatabase(target, async (db) =>
				(await db.selectFrom('needs').select('id').where('submission_key', '=', key).executeTakeFirstOrThrow()).id
			);
			const published = await send(nodes.A, `/admin/rounds/${callRoundId}/needs?/publish`, { form: { id: String(id), status: 'new' }, cookie });
			expect(published.status, published.body.slice(0, 300)).toBe(303);

			const read = await send(nodes.B, board);
			if (Date.now() - cachedAt > 4_000) continue;
			expect(read.headers.get('x-page-cache')).toBeNull();
			expect(read.body).toContain(title);
			checked = true;
		}
		expect(checked, 'B was read while its cached board was fresh').toBe(true);
	});

	test('30 failed sign-ins split across A and B are throttled as one', async () => {
		const answers: { node: 'A' | 'B'; status: number }[] = [];
		for (let i = 0; i < 30; i++) {
			const node = i % 2 ? 'B' : 'A';
			// Thirty addresses: only the account's count can throttle them.
			const answer = await send(nodes[node], '/login', { form: { email: station, password: `guess-${i}` }, address: `192.0.2.${i + 1}` });
			answers.push({ node, status: answer.status });
		}
		const statuses = answers.map((a) => a.status);
		expect(statuses.every((s) => s === 400 || s === 429), statuses.join(' ')).toBe(true);
		// Each node lets five failures through free; counted per node, neither would refuse anyone
		// before it had seen five failures itself. One count: each refuses with fewer of its own.
		for (const node of ['A', 'B'] as const) {
			const own = answers.filter((a) => a.node === node);
			const firstRefusal = own.findIndex((a) => a.status === 429);
			expect(firstRefusal, `${node}: ${own.map((a) => a.status).join(' ')}`).toBeGreaterThanOrEqual(0);
			expect(own.slice(0, firstRefusal).filter((a) => a.status === 400).length).toBeLessThan(5);
		}
		expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(18);
		console.log(`sign-in guesses: ${statuses.filter((s) => s === 400).length} heard, ${statuses.filter((s) => s === 429).length} throttled (${statuses.join(' ')})`);
	});

	test('300 e-mails waiting in the outbox are sent once each, by both nodes sending at the same time', async () => {
		const count = 300;
		const subject = (i: number) => `发件箱去重 ${String(i).padStart(3, '0')}`;
		const at = new Date().toISOString();
		await withDatabase(target, (db) =>
			db
				.insertInto('outbox')
				.values(Array.from({ length: count }, (_, i) => ({ recipient: `resident${i}@portal.test`, subject: subject(i), body: '发件箱', created_at: at, next_attempt_at: at })))
				.execute()
		);
		const unsent = () =>
			withDatabase(target, async (db) =>
				Number((await db.selectFrom('outbox').select((eb) => eb.fn.countAll<number>().as('n')).where('subject', 'like', '发件箱去重%').where('sent_at', 'is', null).executeTakeFirstOrThrow()).n)
			);
		// Any request that may write wakes a node's sender: keep both awake, side by side, until done.
		for (let round = 0; round < 300 && (await unsent()) > 0; round++) {
			await Promise.all([send(nodes.A, '/logout', { method: 'POST' }), send(nodes.B, '/logout', { method: 'POST' })]);
		}
		expect(await unsent()).toBe(0);
		const ours = smtp.mails.filter((m) => m.subject.startsWith('发件箱去重'));
		const bySubject = new Map<string, string[]>();
		for (const m of ours) bySubject.set(m.subject, [...(bySubject.get(m.subject) ?? []), m.from]);
		const twice = [...bySubject].filter(([, senders]) => senders.length > 1);
		expect(twice, 'no message went out twice').toEqual([]);
		expect(bySubject.size).toBe(count);
		const fromA = ours.filter((m) => m.from === 'node-a@portal.test').length;
		const fromB = ours.filter((m) => m.from === 'node-b@portal.test').length;
		expect(fromA + fromB).toBe(count);
		// Both sent: otherwise the test would not have exercised two senders claiming the same rows.
		expect(fromA, `A sent ${fromA}, B sent ${fromB}`).toBeGreaterThan(0);
		expect(fromB, `A sent ${fromA}, B sent ${fromB}`).toBeGreaterThan(0);
		console.log(`outbox on two nodes: ${count} messages, ${fromA} sent by A and ${fromB} by B, none twice`);
	});

	test('SIGKILL of A mid-write loses nothing it acknowledged, and B keeps serving', async () => {
		const form = await needForm(target);
		const acknowledged: string[] = [];
		const fromB: number[] = [];
		let killed = false;
		// Six residents posting needs to A back to back; A dies once 60 have their receipt.
		const residents = Array.from({ length: 6 }, async () => {
			for (let i = 0; i < 100 && !killed; i++) {
				const key = submissionKey('kill');
				let status: number;
				try {
					status = (await send(nodes.A, `/rounds/${CALL_SLUG}/needs/new`, { form: { ...form, submission_key: key } })).status;
				} catch {
					break; // the connection died with A: not acknowledged
				}
				if (status === 303) acknowledged.push(key);
				else if (!killed) expect(status).toBe(303);
				if (acknowledged.length >= 60 && !killed) {
					killed = true;
					nodes.A.child.kill('SIGKILL');
				}
			}
		});
		// Meanwhile, and after, a reader on B.
		const reader = (async () => {
			while (!killed) fromB.push((await send(nodes.B, `/rounds/${CALL_SLUG}/needs`)).status);
			for (let i = 0; i < 20; i++) fromB.push((await send(nodes.B, `/rounds/${CALL_SLUG}/needs`)).status);
		})();
		await Promise.all([...residents, reader]);
		expect(killed, 'the stream reached the kill point').toBe(true);
		await stop(nodes.A, 'SIGKILL');

		expect(fromB.filter((s) => s !== 200)).toEqual([]);
		const stored = await withDatabase(target, async (db) =>
			(await db.selectFrom('needs').select('submission_key').where('submission_key', 'like', 'kill%').execute()).map((r) => r.submission_key)
		);
		expect(acknowledged.filter((k) => !stored.includes(k))).toEqual([]);
		// B takes the writes now: a resent form gets its first receipt, not a second need; a new one is stored.
		expect((await send(nodes.B, `/rounds/${CALL_SLUG}/needs/new`, { form: { ...form, submission_key: acknowledged[0] } })).status).toBe(303);
		const key = submissionKey('afterkill');
		expect((await send(nodes.B, `/rounds/${CALL_SLUG}/needs/new`, { form: { ...form, submission_key: key } })).status).toBe(303);
		const copies = await withDatabase(target, async (db) => ({
			resent: (await db.selectFrom('needs').select('id').where('submission_key', '=', acknowledged[0]).execute()).length,
			fresh: (await db.selectFrom('needs').select('id').where('submission_key', '=', key).execute()).length
		}));
		expect(copies).toEqual({ resent: 1, fresh: 1 });
		console.log(
			`SIGKILL of A: ${acknowledged.length} acknowledged, ${stored.length} stored (${stored.length - acknowledged.length} unacknowledged kept), B answered ${fromB.length} reads, all 200`
		);
	});

	test('/healthz fails while the database is unreachable, and recovers when it is back', async () => {
		const name = new URL(target).pathname.slice(1);
		const admin = new pg.Client({ connectionString: postgresUrl('postgres') });
		await admin.connect();
		const reachable = async (allow: boolean) => {
			await admin.query(`alter database ${name} allow_connections ${allow}`);
			if (!allow) await admin.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1', [name]);
		};
		try {
			expect((await send(nodes.B, '/healthz')).status).toBe(200);
			await reachable(false);
			const down = await send(nodes.B, '/healthz');
			expect(down.status).toBe(503);
			expect(down.body).toBe('database unavailable');
			await reachable(true);
			expect((await send(nodes.B, '/healthz')).status).toBe(200);
		} finally {
			await reachable(true).catch(() => {});
			await admin.end();
		}
	});
});
