/**
 * The production server behind `npm start` (scripts/start.js, built to build/scripts/serve.js):
 * adapter-node's request handler (build/handler.js) inside a Node HTTP server of our own, for two
 * things adapter-node's own server (build/index.js) cannot do:
 *
 * - Compression: HTML, JSON and CSV answers are sent with brotli or gzip, whichever the browser
 *   asks for (`Accept-Encoding`); the results of a city-scale round are over 200 KB of HTML, read
 *   on phones. `COMPRESSION=off` leaves it to a reverse proxy (see the README).
 * - Every core: `WORKERS=N` runs N server processes (node:cluster) on one port and one SQLite
 *   file. The first process migrates the database, then starts the others and replaces any that
 *   dies.
 *
 * adapter-node's server settings keep their meaning: HOST, PORT, SOCKET_PATH, SHUTDOWN_TIMEOUT,
 * IDLE_TIMEOUT, KEEP_ALIVE_TIMEOUT, HEADERS_TIMEOUT, LISTEN_PID and LISTEN_FDS (systemd socket
 * activation, one process only), with its graceful shutdown on SIGTERM and SIGINT. ORIGIN,
 * XFF_DEPTH, ADDRESS_HEADER, PROTOCOL_HEADER, HOST_HEADER, PORT_HEADER and BODY_SIZE_LIMIT are
 * read by the handler itself. (The project sets no adapter `envPrefix`, so the names are bare.)
 */
import cluster from 'node:cluster';
import { rmSync, statSync } from 'node:fs';
import http from 'node:http';
import { availableParallelism } from 'node:os';
import zlib from 'node:zlib';
import compression from 'compression';

type Env = Record<string, string | undefined>;
type Next = (error?: unknown) => void;
/** adapter-node's `handler` (build/handler.js): a connect-style middleware. */
export type Handler = (req: http.IncomingMessage, res: http.ServerResponse, next: Next) => void;

/** What is compressed here; static files come precompressed from adapter-node, images never gain. */
const COMPRESSED_TYPES = /^\s*(text\/html|application\/json|text\/csv)\s*(;|$)/i;

/**
 * The compression step. Each write is flushed (`Z_SYNC_FLUSH`, `BROTLI_OPERATION_FLUSH`) so a
 * streamed answer (a page whose load streams a promise) still reaches the browser chunk by chunk
 * instead of waiting in the compressor; a normal page is written in one chunk, so this costs it
 * a few bytes. An answer that already has a Content-Encoding (adapter-node's precompressed
 * `.br`/`.gz` assets) is left alone by `compression` itself.
 */
export function compressor() {
	return compression({
		filter: (_req, res) => COMPRESSED_TYPES.test(String(res.getHeader('content-type') ?? '')),
		flush: zlib.constants.Z_SYNC_FLUSH,
		brotli: { flush: zlib.constants.BROTLI_OPERATION_FLUSH }
	});
}

function integer(env: Env, name: string, fallback: number): number {
	const raw = env[name];
	if (raw === undefined || raw === '') return fallback;
	if (!/^\d+$/.test(raw)) throw new Error(`Invalid value for environment variable ${name}: ${JSON.stringify(raw)} (should be a non-negative integer)`);
	return Number.parseInt(raw, 10);
}

/** How many server processes `WORKERS` asks for: a positive number, or `auto` for one per core. */
export function workerCount(env: Env): number {
	const raw = env.WORKERS?.trim();
	if (!raw) return 1;
	if (raw === 'auto') return availableParallelism();
	const n = Number(raw);
	if (!Number.isInteger(n) || n < 1) throw new Error(`WORKERS should be a positive whole number or "auto", not ${JSON.stringify(raw)}`);
	return n;
}

export interface AppServerOptions {
	compress?: boolean;
	/** The cluster worker's number, sent as `X-Worker` so an operator can tell the processes apart. */
	worker?: number;
}

/** The HTTP server: compression, then adapter-node's handler. Not listening yet. */
export function createAppServer(handler: Handler, env: Env = process.env, options: AppServerOptions = {}): http.Server {
	const compress = options.compress === false ? null : compressor();
	const notFound = (res: http.ServerResponse) => (error?: unknown) => {
		if (error) console.error(error);
		res.statusCode = error ? 500 : 404;
		res.end(error ? 'internal error' : 'not found');
	};
	const server = http.createServer((req, res) => {
		if (options.worker !== undefined) res.setHeader('x-worker', String(options.worker));
		if (compress) compress(req, res, () => handler(req, res, notFound(res)));
		else handler(req, res, notFound(res));
	});
	if (env.KEEP_ALIVE_TIMEOUT) server.keepAliveTimeout = integer(env, 'KEEP_ALIVE_TIMEOUT', 5) * 1000;
	if (env.HEADERS_TIMEOUT) server.headersTimeout = integer(env, 'HEADERS_TIMEOUT', 60) * 1000;
	return server;
}

/** Where the server listens, for the log. */
function address(env: Env): string {
	if (env.SOCKET_PATH) return env.SOCKET_PATH;
	const host = !env.HOST || env.HOST === '0.0.0.0' ? 'localhost' : env.HOST;
	return `http://${host}:${env.PORT ?? 3000}`;
}

/** Removes a stale, empty socket file left by a previous run, as adapter-node does. */
function clearSocket(path: string) {
	try {
		if (statSync(path).size === 0) rmSync(path);
	} catch {
		/* none there */
	}
}

/**
 * Listens as adapter-node's server does and shuts down the same way on SIGTERM and SIGINT: stop
 * accepting, let requests in flight finish (at most SHUTDOWN_TIMEOUT seconds, default 30), then
 * emit `sveltekit:shutdown`. In a cluster worker the channel to the primary is closed too, so the
 * process ends once its work is done.
 */
export function listen(server: http.Server, env: Env = process.env, options: { clearSocket?: boolean } = {}): Promise<void> {
	const socketPath = env.SOCKET_PATH || undefined;
	const host = env.HOST ?? '0.0.0.0';
	const port = env.PORT ?? (socketPath ? undefined : '3000');
	const shutdownTimeout = integer(env, 'SHUTDOWN_TIMEOUT', 30);
	const idleTimeout = integer(env, 'IDLE_TIMEOUT', 0);
	const listenPid = integer(env, 'LISTEN_PID', 0);
	const listenFds = integer(env, 'LISTEN_FDS', 0);
	if (listenPid !== 0 && listenPid !== process.pid) throw new Error(`received LISTEN_PID ${listenPid} but current process id is ${process.pid}`);
	if (listenFds > 1) throw new Error(`only one socket is allowed for socket activation, but LISTEN_FDS was set to ${listenFds}`);
	const socketActivation = listenPid === process.pid && listenFds === 1;

	let requests = 0;
	let shutdownTimer: NodeJS.Timeout | undefined;
	let idleTimer: NodeJS.Timeout | undefined;
	const shutdown = (reason: 'SIGINT' | 'SIGTERM' | 'IDLE') => {
		if (shutdownTimer) return;
		// A keep-alive connection holds close() until it times out: close the idle ones first.
		server.closeIdleConnections();
		server.close((error) => {
			if (error) return;
			clearTimeout(shutdownTimer);
			clearTimeout(idleTimer);
			(process.emit as (event: string, reason: string) => boolean)('sveltekit:shutdown', reason);
			if (cluster.isWorker) process.disconnect?.();
		});
		shutdownTimer = setTimeout(() => server.closeAllConnections(), shutdownTimeout * 1000);
	};
	server.on('request', (req: http.IncomingMessage) => {
		requests++;
		if (socketActivation && idleTimer) idleTimer = void clearTimeout(idleTimer);
		req.on('close', () => {
			requests--;
			// Connections close as soon as they are idle, so they take no new request.
			if (shutdownTimer) server.closeIdleConnections();
			if (requests === 0 && socketActivation && idleTimeout) idleTimer = setTimeout(() => shutdown('IDLE'), idleTimeout * 1000);
		});
	});
	process.on('SIGTERM', shutdown);
	process.on('SIGINT', shutdown);

	return new Promise((resolve, reject) => {
		server.once('error', reject);
		const listening = () => {
			server.off('error', reject);
			resolve();
		};
		if (socketActivation) {
			server.listen({ fd: 3 }, () => {
				console.log('Listening on file descriptor 3');
				listening();
			});
			return;
		}
		if (socketPath && options.clearSocket !== false) clearSocket(socketPath);
		server.listen(socketPath ? { path: socketPath } : { host, port: Number(port) }, () => {
			if (!cluster.isWorker) console.log(`Listening on ${address(env)}`);
			listening();
		});
	});
}

export interface StartOptions {
	/** Loads adapter-node's handler (`import('../build/handler.js')`); loading it starts the app. */
	app: () => Promise<Handler>;
	/** Brings the database up to date (the built `npm run migrate`); run by the primary alone. */
	migrate: () => Promise<unknown>;
	env?: Env;
}

/** `npm start`: one server process, or with WORKERS=N a primary and N workers. */
export async function start({ app, migrate, env = process.env }: StartOptions): Promise<void> {
	const workers = workerCount(env);
	const compress = env.COMPRESSION !== 'off';
	if (cluster.isWorker) {
		const server = createAppServer(await app(), env, { compress, worker: cluster.worker!.id });
		await listen(server, env, { clearSocket: false });
		return;
	}
	if (workers === 1) {
		await listen(createAppServer(await app(), env, { compress }), env);
		return;
	}
	if (env.LISTEN_FDS) throw new Error('socket activation (LISTEN_FDS) serves from one process: unset WORKERS');
	// Kysely's migration lock guards one process only: migrate here, before any worker opens the file.
	await migrate();
	if (env.SOCKET_PATH) clearSocket(env.SOCKET_PATH);
	supervise(workers, integer(env, 'SHUTDOWN_TIMEOUT', 30), address(env));
}

/**
 * The primary: starts `count` workers, replaces one that dies (after a second when they die in
 * quick succession), and passes SIGTERM and SIGINT on. A worker that dies before it ever listened
 * means the server cannot start (a bad setting, an unreadable database): everything stops with
 * exit code 1 rather than restarting it forever.
 */
function supervise(count: number, shutdownTimeout: number, at: string) {
	const listened = new Set<number>();
	let stopping = false;
	let lastDeath = 0;
	const fork = () => cluster.fork().once('listening', function (this: { id: number }) {
		listened.add(this.id);
	});
	const stop = (code: number) => {
		if (stopping) return;
		stopping = true;
		process.exitCode = code;
		for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
		// A worker stuck past its own shutdown timeout is ended.
		setTimeout(() => {
			for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGKILL');
		}, (shutdownTimeout + 5) * 1000).unref();
	};
	cluster.on('exit', (worker, code, signal) => {
		if (stopping) return;
		const how = signal ?? `exit code ${code}`;
		if (!listened.has(worker.id)) {
			console.error(`worker ${worker.id} stopped before it could serve (${how}): stopping the server`);
			stop(1);
			return;
		}
		const now = Date.now();
		const wait = now - lastDeath < 1_000 ? 1_000 : 0;
		lastDeath = now;
		console.error(`worker ${worker.id} (pid ${worker.process.pid}) died (${how}); starting another`);
		setTimeout(() => stopping || fork(), wait);
	});
	process.on('SIGTERM', () => stop(0));
	process.on('SIGINT', () => stop(0));
	for (let i = 0; i < count; i++) fork();
	let ready = 0;
	cluster.on('listening', () => {
		if (++ready === count) console.log(`Listening on ${at} with ${count} workers`);
	});
}
