/**
 * `npm run bench`: builds the app, seeds the city-scale data into a throw-away database, starts
 * the production server (`node build`) and loads it from this process over loopback with
 * autocannon, then prints one table per server setting and appends them to bench/results.md.
 *
 * Options: `--no-build` (use the existing build/), `--duration S` per row (default 6),
 * `--connections N` (default 32), `--cache on|off|both` (default both: before and after the
 * anonymous page cache), `--db sqlite|postgres|both` (default sqlite), `--no-append` (print only).
 *
 * On PostgreSQL the city goes into the database of DATABASE_URL, which the bench empties first
 * (give it one of its own), or, without DATABASE_URL, into a throw-away cluster it starts and
 * stops (the server binaries must be installed, see scripts/with-postgres.ts).
 *
 * The servers run with RATE_LIMITS=off (one address sends thousands of requests) and
 * ORIGIN set to their loopback address. Every POST row is checked afterwards: each 303 the
 * server sent must have its row in the database.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { sql } from 'kysely';
import { cpus, totalmem } from 'node:os';
import { describeTarget, migrate, openDatabase, resetDatabase, type DB, type Engine } from '../src/lib/server/db';
import { startCluster, type Cluster } from '../tests/helpers/postgres-cluster';
import { needForm } from '../tests/helpers/scale';
import { targetEnv } from '../tests/helpers/test-targets';
import { CITY_EARLIER_SLUG, CITY_PASSWORD, CITY_ROUND_SLUG, seedCity, seedOpenCall } from '../src/lib/server/seed/city';

interface AutocannonResult {
	requests: { average: number; total: number };
	latency: { p50: number; p99: number };
	errors: number;
	timeouts: number;
	statusCodeStats: Record<string, { count: number }>;
}
interface AutocannonRequest {
	method?: string;
	path?: string;
	headers?: Record<string, string>;
	body?: string;
	setupRequest?: (req: AutocannonRequest, context: Record<string, unknown>) => AutocannonRequest;
	onResponse?: (status: number, body: string, context: Record<string, unknown>) => void;
}
type Autocannon = (options: Record<string, unknown>) => Promise<AutocannonResult>;
// autocannon ships no types; it is a devDependency used only here.
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

function option(name: string, fallback: string): string {
	const i = process.argv.indexOf(`--${name}`);
	return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}
const DURATION = Number(option('duration', '6'));
const CONNECTIONS = Number(option('connections', '32'));
const CACHE_MODES = { on: ['on'], off: ['off'], both: ['off', 'on'] }[option('cache', 'both')] ?? ['off', 'on'];
const ENGINES: Engine[] = { sqlite: ['sqlite'], postgres: ['postgres'], both: ['sqlite', 'postgres'] }[option('db', 'sqlite')] as Engine[];
if (!ENGINES) throw new Error('--db takes sqlite, postgres or both');
const DIR = 'tests/.tmp/bench';
const DB_PATH = `${DIR}/city.db`;
const CALL_SLUG = 'city-call-bench';

const ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';
let keyCounter = 0;
/** A submission key the need form accepts ([a-z2-9]{16,64}), unique within the run. */
function submissionKey(): string {
	let n = ++keyCounter;
	let s = '';
	do {
		s = ALPHABET[n % 32] + s;
		n = Math.floor(n / 32);
	} while (n > 0);
	return `bench${process.pid.toString(32).replace(/[01l]/g, 'z')}x${s}`.padEnd(16, 'z');
}

async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
		});
	});
}

async function waitFor(url: string, child: ChildProcess): Promise<void> {
	for (let i = 0; i < 300; i++) {
		if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
		try {
			if ((await fetch(url)).ok) return;
		} catch {
			/* not listening yet */
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	throw new Error(`${url} did not answer`);
}

function rssOf(pid: number): { rss: number; peak: number } {
	const status = readFileSync(`/proc/${pid}/status`, 'utf8');
	const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
	return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

/** Seeds the city and a small round whose needs call is open, for the submission row. */
async function prepare(target: string): Promise<void> {
	rmSync(DIR, { recursive: true, force: true });
	mkdirSync(DIR, { recursive: true });
	await resetDatabase(target);
	const db = openDatabase(target);
	await migrate(db);
	const started = Date.now();
	const city = await seedCity(db, { seed: 2026 });
	await seedOpenCall(db, { slug: CALL_SLUG, title: '需求征集（压测用）', year: 2025 });
	console.log(`Seeded the city in ${((Date.now() - started) / 1000).toFixed(1)} s: ${JSON.stringify(city.counts)}`);
	await db.destroy();
}

interface Targets {
	needIds: number[];
	projectIds: number[];
	needForm: Record<string, string>;
	reviewer: { email: string; assignments: number[]; criteria: { id: number; max: number }[] };
}

async function targets(db: DB, target: string): Promise<Targets> {
	const current = await db.selectFrom('rounds').select('id').where('slug', '=', CITY_ROUND_SLUG).executeTakeFirstOrThrow();
	const earlier = await db.selectFrom('rounds').select('id').where('slug', '=', CITY_EARLIER_SLUG).executeTakeFirstOrThrow();
	const needIds = (
		await db.selectFrom('needs').select('id').where('round_id', '=', current.id).where('status', '=', 'published').orderBy('id').limit(500).execute()
	).map((r) => r.id);
	const projectIds = (
		await db.selectFrom('proposals').select('id').where('round_id', '=', earlier.id).where('status', '=', 'funded').orderBy('id').limit(200).execute()
	).map((r) => r.id);
	const busiest = await db
		.selectFrom('review_assignments')
		.innerJoin('users', 'users.id', 'review_assignments.reviewer_id')
		.select(['users.email', (eb) => eb.fn.countAll<number>().as('n')])
		.where('review_assignments.round_id', '=', current.id)
		.where('review_assignments.status', '=', 'assigned')
		.groupBy('users.email')
		.orderBy('n', 'desc')
		.executeTakeFirstOrThrow();
	const assignments = (
		await db
			.selectFrom('review_assignments')
			.innerJoin('users', 'users.id', 'review_assignments.reviewer_id')
			.select('review_assignments.id')
			.where('users.email', '=', busiest.email)
			.where('review_assignments.status', '=', 'assigned')
			.where('review_assignments.round_id', '=', current.id)
			.execute()
	).map((r) => r.id);
	const criteria = (
		await db.selectFrom('rubric_criteria').select(['id', 'scale_max']).where('round_id', '=', current.id).orderBy('position').execute()
	).map((c) => ({ id: c.id, max: c.scale_max }));
	const form = {
		...(await needForm(target)),
		title: '楼道灯坏了很久没人修',
		description: '晚上老人下楼看不清台阶，已经有人摔倒，希望尽快想办法。<script>alert(1)</script> 🙏',
		affected_count: '40',
		urgency: 'high'
	};
	return { needIds, projectIds, needForm: form, reviewer: { email: busiest.email, assignments, criteria } };
}

async function signIn(base: string, email: string): Promise<string> {
	const response = await fetch(`${base}/login`, {
		method: 'POST',
		redirect: 'manual',
		headers: { origin: base, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ email, password: CITY_PASSWORD })
	});
	const cookie = response.headers.getSetCookie().find((c) => c.startsWith('session='));
	if (response.status !== 303 || !cookie) throw new Error(`sign-in as ${email} failed: ${response.status}`);
	return cookie.split(';')[0];
}

interface Row {
	name: string;
	rps: number;
	p50: number;
	p99: number;
	errors: number;
	total: number;
	note?: string;
}

async function load(base: string, name: string, expected: number, requests: AutocannonRequest[]): Promise<Row> {
	// A second unmeasured first: the JIT, SQLite's page cache and the page cache warm up.
	await autocannon({ url: base, connections: CONNECTIONS, duration: 1, requests });
	const result = await autocannon({
		url: base,
		connections: CONNECTIONS,
		duration: DURATION,
		requests
	});
	const unexpected = Object.entries(result.statusCodeStats)
		.filter(([code]) => Number(code) !== expected)
		.reduce((n, [, s]) => n + s.count, 0);
	return {
		name,
		rps: result.requests.average,
		p50: result.latency.p50,
		p99: result.latency.p99,
		errors: unexpected + result.errors + result.timeouts,
		total: result.requests.total
	};
}

/** Rotates a GET over many pages, as visitors do, rather than one page over and over. */
function rotating(paths: string[]): AutocannonRequest[] {
	let i = 0;
	return [{ method: 'GET', setupRequest: (req) => ({ ...req, path: paths[i++ % paths.length] }) }];
}

async function runServer(
	target: string,
	mode: string,
	t: Targets
): Promise<{ rows: Row[]; memory: { rss: number; peak: number }; checks: string[] }> {
	const port = await freePort();
	const base = `http://127.0.0.1:${port}`;
	const child = spawn(process.execPath, ['build'], {
		env: {
			...process.env,
			...targetEnv(target),
			PORT: String(port),
			HOST: '127.0.0.1',
			ORIGIN: base,
			RATE_LIMITS: 'off',
			PAGE_CACHE: mode
		},
		stdio: ['ignore', 'inherit', 'inherit']
	});
	const checks: string[] = [];
	try {
		await waitFor(`${base}/healthz`, child);
		const html = { accept: 'text/html' };
		const resultsJson = `/rounds/${CITY_EARLIER_SLUG}/results.json`;
		const hasJson = (await fetch(base + resultsJson)).status === 200;
		const rows: Row[] = [];
		const get = async (name: string, paths: string[]) => {
			process.stdout.write(`  ${name}…\n`);
			rows.push(await load(base, name, 200, rotating(paths).map((r) => ({ ...r, headers: html }))));
		};
		await get('/healthz', ['/healthz']);
		await get('home page', ['/']);
		await get('needs board, page 1', [`/rounds/${CITY_ROUND_SLUG}/needs`]);
		const filters = ['海珠区', '天河区', '白云区', '番禺区'].flatMap((d) =>
			['elderly', 'children'].map((c) => `/rounds/${CITY_ROUND_SLUG}/needs?district=${encodeURIComponent(d)}&category=${c}&page=2`)
		);
		await get('needs board, filtered', filters);
		await get('a need page (500 needs)', t.needIds.map((id) => `/needs/${id}`));
		await get('results page', [`/rounds/${CITY_EARLIER_SLUG}/results`]);
		await get('a project page (funded projects)', t.projectIds.map((id) => `/projects/${id}`));
		if (hasJson) await get('results.json', [resultsJson]);
		else rows.push({ name: 'results.json', rps: NaN, p50: NaN, p99: NaN, errors: 0, total: 0, note: 'no such endpoint in this build' });

		// A resident submitting a need: every acknowledged (303) submission must have its row.
		process.stdout.write('  submit a need…\n');
		const acknowledged: string[] = [];
		const needPath = `/rounds/${CALL_SLUG}/needs/new`;
		const post = { origin: base, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' };
		const submit = await load(base, 'resident submits a need (POST)', 303, [
			{
				method: 'POST',
				path: needPath,
				headers: post,
				setupRequest: (req, context) => {
					const key = submissionKey();
					context.key = key;
					return { ...req, body: new URLSearchParams({ ...t.needForm, submission_key: key }).toString() };
				},
				onResponse: (status, _body, context) => {
					if (status === 303) acknowledged.push(context.key as string);
				}
			}
		]);
		rows.push(submit);
		const check = openDatabase(target);
		const stored = new Set<string>();
		for (let i = 0; i < acknowledged.length; i += 500) {
			const rowsFound = await check.selectFrom('needs').select('submission_key').where('submission_key', 'in', acknowledged.slice(i, i + 500)).execute();
			for (const r of rowsFound) stored.add(r.submission_key!);
		}
		await check.destroy();
		const lost = acknowledged.filter((k) => !stored.has(k)).length;
		checks.push(`need submissions: ${acknowledged.length} acknowledged with 303, ${lost} without their row`);
		if (lost) submit.note = `${lost} LOST`;
		if (!acknowledged.length) submit.note = 'no 303: is the form out of date? see the server log';

		// A reviewer saving scores, signed in, over their open assignments.
		process.stdout.write('  reviewer saves scores…\n');
		const cookie = await signIn(base, t.reviewer.email);
		let turn = 0;
		rows.push(
			await load(base, 'reviewer saves scores (POST)', 303, [
				{
					method: 'POST',
					headers: { ...post, cookie },
					setupRequest: (req) => {
						const id = t.reviewer.assignments[turn++ % t.reviewer.assignments.length];
						const body = new URLSearchParams({ comment: '方案清晰，建议补充成效指标。', privateNote: '' });
						for (const c of t.reviewer.criteria) body.set(`score_${c.id}`, String((turn % c.max) + 1));
						return { ...req, path: `/review/assignments/${id}?/save`, body: body.toString() };
					}
				}
			])
		);
		return { rows, memory: rssOf(child.pid!), checks };
	} finally {
		child.kill('SIGTERM');
		await new Promise((r) => child.once('exit', r));
	}
}

function table(rows: Row[]): string {
	const baseline = rows[0].rps;
	const f = (n: number, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : '–');
	const lines = [
		'| request | req/s | × /healthz | p50 ms | p99 ms | errors |',
		'|---|---:|---:|---:|---:|---:|',
		...rows.map(
			(r) =>
				`| ${r.name}${r.note ? ` (${r.note})` : ''} | ${f(r.rps)} | ${f(r.rps / baseline, 2)} | ${f(r.p50)} | ${f(r.p99)} | ${r.errors} |`
		)
	];
	return lines.join('\n');
}

if (!process.argv.includes('--no-build')) {
	console.log('Building…');
	execFileSync('npx', ['vite', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
}
if (!existsSync('build/index.js')) throw new Error('no build/: run without --no-build');

const commit = (() => {
	try {
		return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
	} catch {
		return 'unknown';
	}
})();
const ENGINE_NAMES: Record<Engine, string> = { sqlite: 'SQLite', postgres: 'PostgreSQL' };
let cluster: Cluster | null = null;
process.on('exit', () => cluster?.stop());
try {
	for (const engine of ENGINES) {
		let target = DB_PATH;
		let version = '';
		if (engine === 'postgres') {
			if (process.env.DATABASE_URL) target = process.env.DATABASE_URL;
			else {
				cluster = await startCluster();
				target = cluster.url('bench');
			}
		}
		console.log(`\n${ENGINE_NAMES[engine]}: ${describeTarget(target)}`);
		await prepare(target);
		const db = openDatabase(target);
		const t = await targets(db, target);
		if (engine === 'postgres') version = ` ${(await sql<{ v: string }>`show server_version`.execute(db)).rows[0].v}`;
		await db.destroy();

		const header = `## ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC · ${ENGINE_NAMES[engine]}${version} · commit ${commit} · ${cpus().length} cores (${cpus()[0]?.model.trim() ?? '?'}) · ${Math.round(totalmem() / 2 ** 30)} GB · Node ${process.version}`;
		const sections = [
			header,
			'',
			`City-scale data (20,000 needs, 2,000 proposals, 10,000 reviews) on ${ENGINE_NAMES[engine]}${engine === 'postgres' ? ` (the app's pool: ${process.env.DATABASE_POOL_SIZE ?? 10} connections; a throw-away cluster on this machine, fsync off, unless DATABASE_URL named one)` : ''}, ${CONNECTIONS} connections, ${DURATION} s per row, autocannon on loopback, RATE_LIMITS=off.`
		];
		for (const mode of CACHE_MODES) {
			console.log(`\nPage cache ${mode}:`);
			const { rows, memory, checks } = await runServer(target, mode, t);
			const section = [
				'',
				`### ${ENGINE_NAMES[engine]}, anonymous page cache ${mode === 'on' ? 'on (the default)' : 'off (PAGE_CACHE=off)'}`,
				'',
				table(rows),
				'',
				`Server memory after the run: ${memory.rss.toFixed(0)} MB RSS (peak ${memory.peak.toFixed(0)} MB). ${checks.join('; ')}.`
			].join('\n');
			console.log(section);
			sections.push(section);
		}
		if (!process.argv.includes('--no-append')) {
			mkdirSync('bench', { recursive: true });
			appendFileSync('bench/results.md', `\n${sections.join('\n')}\n`);
			console.log('\nAppended to bench/results.md');
		}
		cluster?.stop();
		cluster = null;
	}
} finally {
	cluster?.stop();
}
