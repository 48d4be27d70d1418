import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	test: {
		include: ['src/**/*.spec.ts', 'tests/**/*.spec.ts'],
		environment: 'node',
		expect: { requireAssertions: true },
		testTimeout: 20_000
	}
});
