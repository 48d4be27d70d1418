import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { migrate, type Engine } from '../../src/lib/server/db';
import { seedCity, seedOpenCall } from '../../src/lib/server/seed/city';
import { emptyDatabase, targetEnv, withDatabase } from './test-targets';

/**
 * A production server (`npm start`'s scripts/start.js) of a test's own, on its own small city database (a file under
 * tests/.tmp, or a PostgreSQL database) and a port in 5500–5599, with RATE_LIMITS=off: for tests that kill the server,
 * load it, or throw hostile input at it, which must not disturb the shared end-to-end server
 * (its rate limits count per address, and its fixtures belong to the other tests).
 */

export const CALL_SLUG = 'resilience-call';

export async function portIsFree(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const probe = createServer();
		probe.once('error', () => resolve(false));
		probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
	});
}

export async function freePort(): Promise<number> {
	const start = 5500 + (process.pid % 50);
	for (let i = 0; i < 100; i++) {
		const port = 5500 + ((start - 5500 + i) % 100);
		if (await portIsFree(port)) return port;
	}
	throw new Error('no free port in 5500–5599');
}

/** A small city, plus a round whose needs call is open, in a database of this test's own: its path or URL. */
export async function prepareDatabase(name: string, engine: Engine = 'sqlite'): Promise<string> {
	const target = await emptyDatabase(name, engine);
	await withDatabase(target, async (db) => {
		await migrate(db);
		await seedCity(db, { seed: 11, scale: 0.01 });
		await seedOpenCall(db, { slug: CALL_SLUG, title: '需求征集（韧性测试）', year: 2024 });
	});
	return target;
}

export interface Server {
	base: string;
	child: ChildProcess;
	log: string[];
}

/** Starts `npm start`'s server on the database `target` (a SQLite path or a PostgreSQL URL). */
export async function startServer(target: string, port: number, env: Record<string, string> = {}): Promise<Server> {
	const base = `http://127.0.0.1:${port}`;
	const log: string[] = [];
	const child = spawn(process.execPath, ['scripts/start.js'], {
		env: { ...process.env, ...targetEnv(target), PORT: String(port), HOST: '127.0.0.1', ORIGIN: base, RATE_LIMITS: 'off', ...env },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	child.stdout!.on('data', (d) => log.push(String(d)));
	child.stderr!.on('data', (d) => log.push(String(d)));
	for (let i = 0; i < 200; i++) {
		if (child.exitCode !== null) throw new Error(`server exited: ${log.join('')}`);
		try {
			if ((await fetch(`${base}/healthz`)).ok) return { base, child, log };
		} catch {
			/* not yet listening */
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	child.kill('SIGKILL');
	throw new Error('server did not start');
}

export async function stop(server: Server, signal: NodeJS.Signals = 'SIGTERM') {
	if (server.child.exitCode !== null || server.child.signalCode !== null) return;
	const exited = new Promise((r) => server.child.once('exit', r));
	server.child.kill(signal);
	await exited;
}

/** The need form's fields: places by text and by id. */
export async function needForm(target: string): Promise<Record<string, string>> {
	const form: Record<string, string> = {
		title: '楼道灯坏了',
		description: '晚上老人下楼看不清台阶。',
		category: 'elderly',
		district: '海珠区',
		street: '沙园街',
		affected_group: '楼栋长者',
		affected_count: '12',
		urgency: 'medium',
		website: ''
	};
	const place = await withDatabase(target, (db) =>
		db
			.selectFrom('places as c')
			.innerJoin('places as s', 's.id', 'c.parent_id')
			.innerJoin('places as d', 'd.id', 's.parent_id')
			.select(['d.id as district_id', 's.id as street_id', 'c.id as community_id'])
			.where('c.kind', '=', 'community')
			.orderBy('c.id')
			.limit(1)
			.executeTakeFirst()
	);
	if (place) for (const [k, v] of Object.entries(place)) form[k] = String(v);
	return form;
}

let keys = 0;
const ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';
const encode = (n: number) => {
	let s = '';
	do {
		s = ALPHABET[n % 32] + s;
		n = Math.floor(n / 32);
	} while (n > 0);
	return s;
};
/** A submission key the form accepts ([a-z2-9]{16,64}), unique to this run. */
export function submissionKey(tag: string): string {
	keys += 1;
	return `${tag}${encode(process.pid)}x${encode(Date.now())}x${encode(keys)}`;
}

