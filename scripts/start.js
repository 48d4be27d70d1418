// `npm start`: the built server (build/scripts/serve.js around adapter-node's build/handler.js:
// compression, and WORKERS=N processes). adapter-node takes the site to be https:// when ORIGIN
// is unset, and SvelteKit then refuses every form posted from http://localhost as cross-site, so
// a local run defaults ORIGIN to the local address. Set ORIGIN to the public URL in production.
process.env.ORIGIN ??= `http://localhost:${process.env.PORT ?? 3000}`;
// Attachments may be up to 10 MB; adapter-node's own default refuses bodies over 512 KB.
process.env.BODY_SIZE_LIMIT ??= '12M';
const { start } = await import('../build/scripts/serve.js');
await start({
	app: async () => (await import('../build/handler.js')).handler,
	migrate: () => import('../build/scripts/migrate.js')
});
