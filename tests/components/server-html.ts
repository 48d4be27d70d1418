import type { TestProject } from 'vitest/node';
import { createServer } from 'vite';
import { FIELDS, type FieldName } from './fields';

declare module 'vitest' {
	export interface ProvidedContext {
		/** Each field's HTML as the server sends it, for the browser tests to hydrate. */
		serverHtml: Record<FieldName, string>;
	}
}

/**
 * The component tests hydrate what the server really rendered: this global set-up (in Node, before
 * the browser starts) renders each test field through the app's own Vite config and Svelte's
 * server renderer, exactly as a page's server render does.
 */
export default async function setup(project: TestProject): Promise<void> {
	const vite = await createServer({ server: { middlewareMode: true, hmr: false }, appType: 'custom', logLevel: 'error' });
	try {
		const { render } = await vite.ssrLoadModule('svelte/server');
		const { default: Harness } = await vite.ssrLoadModule('/tests/components/FieldHarness.svelte');
		const html = Object.fromEntries(
			Object.entries(FIELDS).map(([name, field]) => [name, render(Harness, { props: { field } }).body as string])
		) as Record<FieldName, string>;
		project.provide('serverHtml', html);
	} finally {
		await vite.close();
	}
}
