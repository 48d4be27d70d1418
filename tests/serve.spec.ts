import { afterEach, describe, expect, it } from 'vitest';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import { createAppServer, workerCount, type Handler } from '../scripts/serve';

/** The server `npm start` runs, around stand-in handlers instead of the built app. */

const servers: http.Server[] = [];
afterEach(async () => {
	await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

async function serve(handler: Handler, compress = true): Promise<string> {
	const server = createAppServer(handler, {}, { compress });
	servers.push(server);
	await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
	return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

interface Raw {
	status: number;
	encoding: string | undefined;
	vary: string | undefined;
	/** The body as sent, still encoded. */
	bytes: Buffer;
	/** The body decoded by its Content-Encoding. */
	text: string;
}

function get(url: string, acceptEncoding?: string): Promise<Raw> {
	return new Promise((resolve, reject) => {
		const headers = acceptEncoding ? { 'accept-encoding': acceptEncoding } : {};
		http.get(url, { headers }, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (c: Buffer) => chunks.push(c));
			res.on('end', () => {
				const bytes = Buffer.concat(chunks);
				const encoding = res.headers['content-encoding'];
				const decoded = encoding === 'br' ? zlib.brotliDecompressSync(bytes) : encoding === 'gzip' ? zlib.gunzipSync(bytes) : bytes;
				resolve({ status: res.statusCode!, encoding, vary: res.headers.vary, bytes, text: decoded.toString('utf8') });
			});
		}).on('error', reject);
	});
}

const page = `<!doctype html><html lang="zh-CN"><body>${'<tr><td>社区长者助餐点</td><td>¥50,000.00</td></tr>'.repeat(400)}</body></html>`;

/** A handler that answers in one piece, so its length is known (a small one is sent as it is). */
const answering =
	(type: string, body: string | Buffer, headers: Record<string, string> = {}): Handler =>
	(_req, res) => {
		for (const [name, value] of Object.entries({ 'content-type': type, ...headers })) res.setHeader(name, value);
		res.end(body);
	};

describe('the production server', () => {
	it('sends HTML with brotli or gzip, as the browser asks, and plain to one that asks for neither', async () => {
		const base = await serve(answering('text/html', page));
		const br = await get(base, 'gzip, deflate, br');
		const gzip = await get(base, 'gzip');
		const plain = await get(base);
		expect([br.encoding, gzip.encoding, plain.encoding]).toEqual(['br', 'gzip', undefined]);
		for (const r of [br, gzip, plain]) expect(r.text).toBe(page);
		expect(br.bytes.length).toBeLessThan(Buffer.byteLength(page) / 10);
		expect(gzip.bytes.length).toBeLessThan(Buffer.byteLength(page) / 10);
		expect(br.vary).toMatch(/accept-encoding/i);
	});

	it('compresses JSON and CSV answers too, but not plain text, images or small answers', async () => {
		const json = JSON.stringify({ proposals: Array.from({ length: 300 }, (_, id) => ({ id, title: '长者助餐' })) });
		const csv = '编号 id,项目名称 title\n' + Array.from({ length: 300 }, (_, i) => `${i},长者助餐`).join('\n');
		const png = Buffer.alloc(4096, 7);
		const cases: [string, string | Buffer, string | undefined][] = [
			['application/json', json, 'br'],
			['text/csv; charset=utf-8', csv, 'br'],
			['text/plain; charset=utf-8', 'ok'.repeat(1000), undefined],
			['image/png', png, undefined],
			['text/html', '<p>短</p>', undefined]
		];
		for (const [type, body, expected] of cases) {
			const base = await serve(answering(type, body));
			const r = await get(base, 'br, gzip');
			expect(r.encoding, type).toBe(expected);
			expect(r.text).toBe(Buffer.from(body).toString('utf8'));
		}
		expect(cases).toHaveLength(5);
	});

	it('passes a precompressed file through as it is, never compressing it twice', async () => {
		const precompressed = zlib.brotliCompressSync(Buffer.from(page));
		const base = await serve(answering('text/html', precompressed, { 'content-encoding': 'br' }));
		const r = await get(base, 'br, gzip');
		expect(r.encoding).toBe('br');
		expect(r.bytes.equals(precompressed)).toBe(true);
		expect(r.text).toBe(page);
	});

	it('streams: the first part of a compressed answer arrives before the rest is written', async () => {
		let release: () => void = () => {};
		const rest = new Promise<void>((r) => (release = r));
		const base = await serve(async (_req, res) => {
			res.writeHead(200, { 'content-type': 'text/html' });
			res.write(`<p>${'先到的部分'.repeat(300)}</p>`);
			// The rest waits until the client has read the first part: without a flush per
			// write the first part would sit in the compressor and this answer would never end.
			await rest;
			res.end('<p>后来的部分</p>');
		});
		for (const encoding of ['br', 'gzip'] as const) {
			const text = await new Promise<string>((resolve, reject) => {
				http.get(base, { headers: { 'accept-encoding': encoding } }, (res) => {
					expect(res.headers['content-encoding']).toBe(encoding);
					const decoder = encoding === 'br' ? zlib.createBrotliDecompress() : zlib.createGunzip();
					let seen = '';
					decoder.on('data', (c: Buffer) => {
						seen += c.toString('utf8');
						if (seen.includes('先到的部分</p>')) release();
					});
					decoder.on('end', () => resolve(seen));
					decoder.on('error', reject);
					res.pipe(decoder);
				}).on('error', reject);
			});
			expect(text).toContain('后来的部分');
		}
	});

	it('leaves compression to a proxy with COMPRESSION=off', async () => {
		const base = await serve(answering('text/html', page), false);
		const r = await get(base, 'br, gzip');
		expect(r.encoding).toBeUndefined();
		expect(r.text).toBe(page);
	});

	it('reads WORKERS as a positive number or auto, and refuses anything else', () => {
		expect(workerCount({})).toBe(1);
		expect(workerCount({ WORKERS: '3' })).toBe(3);
		expect(workerCount({ WORKERS: 'auto' })).toBeGreaterThanOrEqual(1);
		for (const bad of ['0', '-1', '1.5', 'two']) expect(() => workerCount({ WORKERS: bad })).toThrow(/WORKERS/);
	});
});
