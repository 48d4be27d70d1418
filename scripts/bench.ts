/**
 * `npm run bench`: builds the app, seeds the city-scale data into a throw-away database, starts
 * the production server (`npm start`'s scripts/start.js: compression, WORKERS) and loads it from
 * this process over loopback with autocannon, then prints the tables and appends them to
 * bench/results.md. Every request says `Accept-Encoding: gzip, deflate, br`, as browsers do.
 *
 * Per page-cache setting: one row per public page (each also as a ratio to /healthz measured on
 * the same server), the two posting rows, and the mixed rows (the board and a need page read
 * while residents submit needs at a steady rate). Then, once: what each public page weighs (its
 * HTML raw and as sent with gzip and brotli, and the JavaScript a first visit loads, gzipped),
 * and the same rows on one and on two server processes (WORKERS=2), with the cache off.
 *
 * Options: `--no-build` (use the existing build/), `--duration S` per row (default 6),
 * `--connections N` (default 32), `--cache on|off|both` (default both: before and after the
 * anonymous page cache), `--submit-rate N` (needs per second in the mixed rows, default 120),
 * `--no-workers` (skip the one-vs-two-processes comparison), `--db sqlite|postgres|both`
 * (default sqlite), `--no-append` (print only). While working on one page: `--only a,b` (only the
 * rows whose name contains one of these words, besides /healthz; implies --no-append),
 * `--no-weights` (skip the page weights), `--reuse-db` (SQLite: keep the city a previous run
 * seeded in tests/.tmp/bench instead of seeding it again).
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
import http from 'node:http';
import { gzipSync } from 'node:zlib';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { cpus, loadavg, totalmem } from 'node:os';
import { sql } from 'kysely';
import { describeTarget, migrate, openDatabase, resetDatabase, type DB, type Engine } from '../src/lib/server/db';
import { startCluster, type Cluster } from '../tests/helpers/postgres-cluster';
import { needForm as needFormOf } from '../tests/helpers/scale';
import { targetEnv } from '../tests/helpers/test-targets';
import { CITY_EARLIER_SLUG, CITY_PASSWORD, CITY_ROUND_SLUG, seedCity, seedOpenCall } from '../src/lib/server/seed/city';

interface AutocannonResult {
	requests: { average: number; total: number };
	duration: number;
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
const SUBMIT_RATE = Number(option('submit-rate', '120'));
/** Words naming the rows to run (`--only`); null: every row. */
const ONLY = process.argv.includes('--only') ? option('only', '').split(',').map((w) => w.trim()).filter(Boolean) : null;
const APPEND = !process.argv.includes('--no-append') && !ONLY;
/** What a browser sends; every row asks for compressed answers, as residents' phones do. */
const BROWSER = { accept: 'text/html', 'accept-encoding': 'gzip, deflate, br' };
const ENGINES = ({ sqlite: ['sqlite'], postgres: ['postgres'], both: ['sqlite', 'postgres'] } as Record<string, Engine[]>)[option('db', 'sqlite')];
if (!ENGINES) throw new Error('--db takes sqlite, postgres or both');
const DIR = 'tests/.tmp/bench';
const DB_PATH = `${DIR}/city.db`;
/** The database of the engine being measured: DB_PATH, or a PostgreSQL URL. */
let TARGET = DB_PATH;
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

/** Memory of the server: its process and, with WORKERS, every worker under it. */
function rssOf(pid: number): { rss: number; peak: number } {
	const one = (p: number) => {
		const status = readFileSync(`/proc/${p}/status`, 'utf8');
		const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
		return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
	};
	let children: number[] = [];
	try {
		children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
	} catch {
		/* not Linux: the one process */
	}
	return [pid, ...children].map(one).reduce((a, b) => ({ rss: a.rss + b.rss, peak: a.peak + b.peak }));
}

/** Seeds the city and a small round whose needs call is open, for the submission row. */
async function prepare(): Promise<void> {
	if (process.argv.includes('--reuse-db') && TARGET === DB_PATH && existsSync(DB_PATH)) {
		console.log(`Reusing the city in ${DB_PATH}`);
		const db = openDatabase(TARGET);
		await migrate(db);
		await db.destroy();
		return;
	}
	rmSync(DIR, { recursive: true, force: true });
	mkdirSync(DIR, { recursive: true });
	await resetDatabase(TARGET);
	const db = openDatabase(TARGET);
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

async function targets(db: DB): Promise<Targets> {
	const current = await db.selectFrom('rounds').select('id').where('slug', '=', CITY_ROUND_SLUG).executeTakeFirstOrThrow();
	const earlier = await db.selectFrom('rounds').select('id').where('slug', '=', CITY_EARLIER_SLUG).executeTakeFirstOrThrow();
	const needIds = (
		await db.selectFrom('needs').select('id').where('round_id', '=', current.id).where('status', '=', 'published').orderBy('id').limit(500).execute()
	).map((r) => r.id);
	const projectIds = (
		await db.selectFrom('proposals').select('id').where('round_id', '=', earlier.id).where('status', '=', 'funded').orderBy('id').limit(200).execute()
	).map((r) => r.id);
	// The need form with its places by text and by id (the test helpers' form), and a nasty text.
	const needForm: Record<string, string> = {
		...(await needFormOf(TARGET)),
		title: '楼道灯坏了很久没人修',
		description: '晚上老人下楼看不清台阶，已经有人摔倒，希望尽快想办法。<script>alert(1)</script> 🙏',
		affected_count: '40',
		urgency: 'high'
	};
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
	return { needIds, projectIds, needForm, reviewer: { email: busiest.email, assignments, criteria } };
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

async function load(base: string, name: string, expected: number, requests: AutocannonRequest[], options: Record<string, unknown> = {}): Promise<Row> {
	// A second unmeasured first: the JIT, SQLite's page cache and the page cache warm up.
	await autocannon({ url: base, connections: CONNECTIONS, duration: 1, requests, ...options });
	const result = await autocannon({ url: base, connections: CONNECTIONS, duration: DURATION, requests, ...options });
	return rowOf(name, expected, result);
}

function rowOf(name: string, expected: number, result: AutocannonResult): Row {
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
	return [{ method: 'GET', headers: BROWSER, setupRequest: (req) => ({ ...req, path: paths[i++ % paths.length] }) }];
}

interface Server {
	base: string;
	child: ChildProcess;
}

async function startServer(env: Record<string, string>): Promise<Server> {
	const port = await freePort();
	const base = `http://127.0.0.1:${port}`;
	const child = spawn(process.execPath, ['scripts/start.js'], {
		env: { ...process.env, ...targetEnv(TARGET), PORT: String(port), HOST: '127.0.0.1', ORIGIN: base, RATE_LIMITS: 'off', ...env },
		stdio: ['ignore', 'inherit', 'inherit']
	});
	await waitFor(`${base}/healthz`, child);
	return { base, child };
}

async function stopServer(server: Server): Promise<void> {
	const exited = new Promise((r) => server.child.once('exit', r));
	server.child.kill('SIGTERM');
	await exited;
}

/** The public pages, each a list of URLs the row rotates over. */
function publicPages(t: Targets): [string, string[]][] {
	const board = `/rounds/${CITY_ROUND_SLUG}/needs`;
	const filtered = ['海珠区', '天河区', '白云区', '番禺区'].flatMap((d) =>
		['elderly', 'children'].map((c) => `${board}?district=${encodeURIComponent(d)}&category=${c}&page=2`)
	);
	const districtPage3 = ['海珠区', '天河区', '白云区', '番禺区'].map((d) => `${board}?district=${encodeURIComponent(d)}&page=3`);
	return [
		['home page', ['/']],
		['needs board, page 1', [board]],
		['needs board, district and category, page 2', filtered],
		['needs board, district, page 3', districtPage3],
		// 老人 is in no need of the seeded city (a search's worst case without an index: every
		// text read); 长者 is in about 2,300 of them.
		['needs board, text search 老人', [`${board}?q=${encodeURIComponent('老人')}`]],
		['needs board, text search 长者', [`${board}?q=${encodeURIComponent('长者')}`]],
		['a need page (500 needs)', t.needIds.map((id) => `/needs/${id}`)],
		['results page', [`/rounds/${CITY_EARLIER_SLUG}/results`]],
		['a project page (funded projects)', t.projectIds.map((id) => `/projects/${id}`)],
		['results.json', [`/rounds/${CITY_EARLIER_SLUG}/results.json`]],
		['stats page', [`/rounds/${CITY_ROUND_SLUG}/stats`, `/rounds/${CITY_EARLIER_SLUG}/stats`]],
		['public notice', [`/rounds/${CITY_EARLIER_SLUG}/notice`]]
	];
}

const POST_HEADERS = (base: string) => ({ origin: base, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' });

/** A resident's need form, each with a fresh submission key; `acknowledged` collects the 303s. */
function needSubmissions(base: string, t: Targets, acknowledged: string[]): AutocannonRequest[] {
	return [
		{
			method: 'POST',
			path: `/rounds/${CALL_SLUG}/needs/new`,
			headers: POST_HEADERS(base),
			setupRequest: (req, context) => {
				const key = submissionKey();
				context.key = key;
				return { ...req, body: new URLSearchParams({ ...t.needForm, submission_key: key }).toString() };
			},
			onResponse: (status, _body, context) => {
				if (status === 303) acknowledged.push(context.key as string);
			}
		}
	];
}

/** How many acknowledged submissions have no row: must be 0. */
async function lostSubmissions(acknowledged: string[]): Promise<number> {
	const check = openDatabase(TARGET);
	const stored = new Set<string>();
	for (let i = 0; i < acknowledged.length; i += 500) {
		const rowsFound = await check.selectFrom('needs').select('submission_key').where('submission_key', 'in', acknowledged.slice(i, i + 500)).execute();
		for (const r of rowsFound) stored.add(r.submission_key!);
	}
	await check.destroy();
	return acknowledged.filter((k) => !stored.has(k)).length;
}

/**
 * Reads `paths` at full speed while residents submit needs at SUBMIT_RATE per second (to the
 * open call: new needs wait for moderation, so no page read here shows them, but each write is
 * a commit every page cache sees).
 */
async function mixed(base: string, t: Targets, name: string, paths: string[]): Promise<{ read: Row; submitted: number; lost: number }> {
	const acknowledged: string[] = [];
	const writers = autocannon({ url: base, connections: 8, overallRate: SUBMIT_RATE, duration: DURATION + 1, requests: needSubmissions(base, t, acknowledged) });
	await new Promise((r) => setTimeout(r, 500));
	const readers = autocannon({ url: base, connections: CONNECTIONS, duration: DURATION, requests: rotating(paths) });
	const [write, read] = await Promise.all([writers, readers]);
	const lost = await lostSubmissions(acknowledged);
	const submitted = acknowledged.length / (write.duration || DURATION + 1);
	const row = rowOf(name, 200, read);
	row.note = `${submitted.toFixed(0)} needs/s submitted meanwhile${lost ? `, ${lost} LOST` : ''}`;
	return { read: row, submitted, lost };
}

interface Run {
	rows: Row[];
	memory: { rss: number; peak: number };
	checks: string[];
}

/** Every row on one server: the public pages, the two posting rows, the mixed rows. */
async function runRows(server: Server, t: Targets, options: { only?: string[]; mixed?: boolean; reviewer?: boolean } = {}): Promise<Run> {
	const { base } = server;
	const rows: Row[] = [];
	const checks: string[] = [];
	const wanted = (name: string) =>
		(!options.only || options.only.includes(name)) && (name === '/healthz' || !ONLY || ONLY.some((w) => name.includes(w)));
	const get = async (name: string, paths: string[]) => {
		if (!wanted(name)) return;
		process.stdout.write(`  ${name}…\n`);
		rows.push(await load(base, name, 200, rotating(paths)));
	};
	await get('/healthz', ['/healthz']);
	for (const [name, paths] of publicPages(t)) await get(name, paths);

	// A resident submitting a need: every acknowledged (303) submission must have its row.
	if (wanted('resident submits a need (POST)')) {
		process.stdout.write('  submit a need…\n');
		const acknowledged: string[] = [];
		const submit = await load(base, 'resident submits a need (POST)', 303, needSubmissions(base, t, acknowledged));
		rows.push(submit);
		const lost = await lostSubmissions(acknowledged);
		checks.push(`need submissions: ${acknowledged.length} acknowledged with 303, ${lost} without their row`);
		if (lost) submit.note = `${lost} LOST`;
		if (!acknowledged.length) submit.note = 'no 303: is the form out of date? see the server log';
	}

	if (options.reviewer !== false && wanted('reviewer saves scores (POST)')) {
		// A reviewer saving scores, signed in, over their open assignments.
		process.stdout.write('  reviewer saves scores…\n');
		const cookie = await signIn(base, t.reviewer.email);
		let turn = 0;
		rows.push(
			await load(base, 'reviewer saves scores (POST)', 303, [
				{
					method: 'POST',
					headers: { ...POST_HEADERS(base), cookie },
					setupRequest: (req) => {
						const id = t.reviewer.assignments[turn++ % t.reviewer.assignments.length];
						const body = new URLSearchParams({ comment: '方案清晰，建议补充成效指标。', privateNote: '' });
						for (const c of t.reviewer.criteria) body.set(`score_${c.id}`, String((turn % c.max) + 1));
						return { ...req, path: `/review/assignments/${id}?/save`, body: body.toString() };
					}
				}
			])
		);
	}

	if (options.mixed !== false) {
		for (const [name, paths] of [
			['mixed: needs board, page 1, while residents submit', [`/rounds/${CITY_ROUND_SLUG}/needs`]],
			['mixed: a need page, while residents submit', t.needIds.map((id) => `/needs/${id}`)]
		] as const) {
			if (!wanted(name)) continue;
			process.stdout.write(`  ${name}…\n`);
			const { read, submitted, lost } = await mixed(base, t, name, [...paths]);
			rows.push(read);
			checks.push(`${name}: ${submitted.toFixed(0)} needs/s submitted, ${lost} lost`);
		}
	}
	return { rows, memory: rssOf(server.child.pid!), checks };
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

// ---------------------------------------------------------------------------------------------
// What each public page weighs
// ---------------------------------------------------------------------------------------------

/** The bytes of `path` as the server sends them with `encoding` (none: as they are). */
function bytesSent(base: string, path: string, encoding: string | null): Promise<{ status: number; bytes: Buffer; encoding: string | undefined; link: string }> {
	return new Promise((resolve, reject) => {
		const headers: Record<string, string> = { accept: 'text/html' };
		if (encoding) headers['accept-encoding'] = encoding;
		http
			.get(base + path, { headers, agent: false }, (res) => {
				const chunks: Buffer[] = [];
				res.on('data', (c: Buffer) => chunks.push(c));
				res.on('end', () =>
					resolve({ status: res.statusCode!, bytes: Buffer.concat(chunks), encoding: res.headers['content-encoding'], link: String(res.headers.link ?? '') })
				);
			})
			.on('error', reject);
	});
}

/**
 * The scripts a first visit to `path` loads: the modulepreload links the page names, in its
 * `Link` header (where SvelteKit puts them) or in its HTML; paths in build/client.
 */
function firstLoadScripts(html: string, linkHeader: string, path: string): string[] {
	const files = new Set<string>();
	const add = (href: string) => files.add(new URL(href, new URL(path, 'http://localhost')).pathname);
	for (const m of linkHeader.matchAll(/<([^>]+)>;[^,]*rel="?modulepreload/g)) add(m[1]);
	for (const m of html.matchAll(/<link[^>]+rel="modulepreload"[^>]*>/g)) {
		const href = /href="([^"]+)"/.exec(m[0])?.[1];
		if (href) add(href);
	}
	return [...files];
}

interface Weight {
	page: string;
	path: string;
	html: number;
	gzip: number;
	br: number;
	scripts: number;
	jsRaw: number;
	jsGzip: number;
}

async function weigh(base: string, t: Targets): Promise<Weight[]> {
	const pages: [string, string][] = [
		['home page', '/'],
		['a round page', `/rounds/${CITY_ROUND_SLUG}`],
		['needs board', `/rounds/${CITY_ROUND_SLUG}/needs`],
		['report a need (form)', `/rounds/${CALL_SLUG}/needs/new`],
		['a need page', `/needs/${t.needIds[0]}`],
		['results page', `/rounds/${CITY_EARLIER_SLUG}/results`],
		['a project page', `/projects/${t.projectIds[0]}`],
		['public notice', `/rounds/${CITY_EARLIER_SLUG}/notice`],
		['stats page', `/rounds/${CITY_EARLIER_SLUG}/stats`],
		['results.json', `/rounds/${CITY_EARLIER_SLUG}/results.json`]
	];
	const out: Weight[] = [];
	for (const [page, path] of pages) {
		const plain = await bytesSent(base, path, null);
		const gzip = await bytesSent(base, path, 'gzip');
		const br = await bytesSent(base, path, 'br');
		if (plain.status !== 200) throw new Error(`${path} answered ${plain.status}`);
		const scripts = path.endsWith('.json') ? [] : firstLoadScripts(plain.bytes.toString('utf8'), plain.link, path);
		let jsRaw = 0;
		let jsGzip = 0;
		for (const file of scripts) {
			const content = readFileSync(`build/client${file}`);
			jsRaw += content.length;
			jsGzip += gzipSync(content, { level: 9 }).length;
		}
		out.push({
			page,
			path,
			html: plain.bytes.length,
			gzip: gzip.encoding === 'gzip' ? gzip.bytes.length : NaN,
			br: br.encoding === 'br' ? br.bytes.length : NaN,
			scripts: scripts.length,
			jsRaw,
			jsGzip
		});
	}
	return out;
}

function weightTable(weights: Weight[]): string {
	const kb = (n: number) => (Number.isFinite(n) ? (n / 1024).toFixed(1) : '–');
	return [
		'| page | HTML KB | gzip KB | brotli KB | first-load JS files | JS KB | JS KB gzipped |',
		'|---|---:|---:|---:|---:|---:|---:|',
		...weights.map((w) => `| ${w.page} | ${kb(w.html)} | ${kb(w.gzip)} | ${kb(w.br)} | ${w.scripts} | ${kb(w.jsRaw)} | ${kb(w.jsGzip)} |`)
	].join('\n');
}

// ---------------------------------------------------------------------------------------------
// The run
// ---------------------------------------------------------------------------------------------

if (!process.argv.includes('--no-build')) {
	console.log('Building…');
	execFileSync('npm', ['run', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
}
if (!existsSync('build/handler.js') || !existsSync('build/scripts/serve.js')) throw new Error('no complete build/: run without --no-build');
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
		TARGET = DB_PATH;
		let version = '';
		if (engine === 'postgres') {
			if (process.env.DATABASE_URL) TARGET = process.env.DATABASE_URL;
			else {
				cluster = await startCluster();
				TARGET = cluster.url('bench');
			}
		}
		console.log(`\n${ENGINE_NAMES[engine]}: ${describeTarget(TARGET)}`);
		await prepare();
		const db = openDatabase(TARGET);
		const t = await targets(db);
		if (engine === 'postgres') version = ` ${(await sql<{ server_version: string }>`show server_version`.execute(db)).rows[0].server_version}`;
		await db.destroy();

		const header = `## ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC · ${ENGINE_NAMES[engine]}${version} · commit ${commit} · ${cpus().length} cores (${cpus()[0]?.model.trim() ?? '?'}) · ${Math.round(totalmem() / 2 ** 30)} GB · Node ${process.version} · load average ${loadavg()[0].toFixed(1)} at the start (other work on the machine makes every row slower; the ratios to /healthz of the same run hold better)`;
		const sections = [
			header,
			'',
			`City-scale data (20,000 needs, 2,000 proposals, 10,000 reviews) on ${ENGINE_NAMES[engine]}${engine === 'postgres' ? ` (the app's pool: ${process.env.DATABASE_POOL_SIZE ?? 10} connections per process)` : ''}, ${CONNECTIONS} connections, ${DURATION} s per row, autocannon on loopback, RATE_LIMITS=off, \`Accept-Encoding: gzip, deflate, br\` on every request, one server process unless said.`
		];
		const oneWorkerCacheOff: Row[] = [];
		let weighed = false;
		for (const mode of CACHE_MODES) {
			console.log(`\nPage cache ${mode}:`);
			const server = await startServer({ PAGE_CACHE: mode });
			let run: Run;
			try {
				if (!weighed && !process.argv.includes('--no-weights')) {
					weighed = true;
					process.stdout.write('  page weights…\n');
					const weights = await weigh(server.base, t);
					const section = [
						'',
						'### What each public page weighs',
						'',
						weightTable(weights),
						'',
						'HTML as sent by the server (raw, and with `Accept-Encoding: gzip` and `br`); first-load JS: the scripts the page names as `modulepreload` (its `Link` header and HTML), each gzipped at level 9 (as the build precompresses them).'
					].join('\n');
					console.log(section);
					sections.push(section);
				}
				run = await runRows(server, t);
			} finally {
				await stopServer(server);
			}
			if (mode === 'off') oneWorkerCacheOff.push(...run.rows);
			const section = [
				'',
				`### Anonymous page cache ${mode === 'on' ? 'on (the default)' : 'off (PAGE_CACHE=off)'}`,
				'',
				table(run.rows),
				'',
				`Server memory after the run: ${run.memory.rss.toFixed(0)} MB RSS (peak ${run.memory.peak.toFixed(0)} MB). ${run.checks.join('; ')}.`
			].join('\n');
			console.log(section);
			sections.push(section);
		}

		if (!process.argv.includes('--no-workers') && oneWorkerCacheOff.length) {
			// The same rows on two processes, cache off: what a second core buys for uncached pages.
			console.log('\nWORKERS=2, page cache off:');
			const compared = ['/healthz', 'needs board, page 1', 'needs board, text search 老人', 'a need page (500 needs)', 'results page', 'resident submits a need (POST)'];
			const server = await startServer({ PAGE_CACHE: 'off', WORKERS: '2' });
			let run: Run;
			try {
				run = await runRows(server, t, { only: compared, mixed: false, reviewer: false });
			} finally {
				await stopServer(server);
			}
			const f = (n: number, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : '–');
			const lines = ['| request | 1 process req/s | p99 ms | 2 processes req/s | p99 ms | 2 ÷ 1 |', '|---|---:|---:|---:|---:|---:|'];
			for (const two of run.rows) {
				const one = oneWorkerCacheOff.find((r) => r.name === two.name);
				if (!one) continue;
				lines.push(`| ${two.name}${two.errors ? ` (${two.errors} errors)` : ''} | ${f(one.rps)} | ${f(one.p99)} | ${f(two.rps)} | ${f(two.p99)} | ${f(two.rps / one.rps, 2)} |`);
			}
			const section = [
				'',
				'### One process or two (WORKERS=2), page cache off',
				'',
				lines.join('\n'),
				'',
				`Two processes' memory after the run: ${run.memory.rss.toFixed(0)} MB RSS (peak ${run.memory.peak.toFixed(0)} MB), primary included. ${run.checks.join('; ')}. The load generator runs on the same machine and takes a core of its own.`
			].join('\n');
			console.log(section);
			sections.push(section);
		}

		if (APPEND) {
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
