// The few options of `compression` (expressjs/compression) that scripts/serve.ts uses; its
// DefinitelyTyped package would bring Express's types along for nothing.
declare module 'compression' {
	import type { IncomingMessage, ServerResponse } from 'node:http';
	import type { BrotliOptions } from 'node:zlib';

	interface CompressionOptions {
		filter?: (req: IncomingMessage, res: ServerResponse) => boolean;
		threshold?: number | string;
		level?: number;
		flush?: number;
		brotli?: BrotliOptions;
	}
	type Middleware = (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void;
	function compression(options?: CompressionOptions): Middleware;
	export default compression;
}
