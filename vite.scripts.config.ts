import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';
import { messages } from './scripts/vite-plugin-messages';

/**
 * The operator's scripts (migrate, admin:create, backup, restore, db:copy) and the server `npm start` runs
 * (serve: compression and workers around adapter-node's handler) built to plain JavaScript in
 * build/scripts, beside the app they belong to, so that they run with `node` on a production
 * install (`npm ci --omit=dev`), where TypeScript tooling is absent. Packages stay external and
 * load from the production node_modules, as the built server's do.
 */
export default defineConfig({
	// Some scripts reach the message catalogue (e.g. a notice's words), whose loader names its modules.
	plugins: [messages()],
	resolve: { alias: { $lib: fileURLToPath(new URL('./src/lib', import.meta.url)) } },
	build: {
		ssr: true,
		target: 'node20',
		outDir: 'build/scripts',
		emptyOutDir: true,
		minify: false,
		rollupOptions: {
			input: {
				migrate: 'scripts/migrate.ts',
				'admin-create': 'scripts/admin-create.ts',
				backup: 'scripts/backup.ts',
				restore: 'scripts/restore.ts',
				'db-copy': 'scripts/db-copy.ts',
				retention: 'scripts/retention.ts',
				serve: 'scripts/serve.ts'
			},
			output: { format: 'esm', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' }
		}
	}
});
