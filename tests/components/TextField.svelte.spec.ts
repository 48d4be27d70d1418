import { flushSync, hydrate, mount, unmount } from 'svelte';
import { afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { markAppStarted } from '$lib/hydration';
import { loadMessages } from '$lib/i18n';
import Harness from './FieldHarness.svelte';
import { FIELDS, type FieldName } from './fields';

/**
 * TextField in a real Chromium: a resident who types before the page's scripts arrive keeps what
 * they typed when the page hydrates (a textarea has no server default in Svelte, so hydration would
 * otherwise put the server's text back, or nothing), and a field whose value changes later (another
 * record, a reset) shows the new value.
 */
const mounted: ReturnType<typeof mount>[] = [];
let target: HTMLElement;

beforeAll(() => loadMessages('zh-CN'));
afterEach(() => {
	for (const component of mounted.splice(0)) unmount(component);
	target?.remove();
});

/** The field's server HTML in the document, as a browser shows it before the scripts run. */
function serverRendered(name: FieldName): HTMLElement {
	target = document.createElement('div');
	target.innerHTML = inject('serverHtml')[name];
	document.body.append(target);
	return target;
}

function hydrateField(name: FieldName) {
	const component = hydrate(Harness, { target, props: { field: FIELDS[name] } });
	mounted.push(component);
	flushSync();
	return component;
}

const control = (name: string) => target.querySelector<HTMLInputElement | HTMLTextAreaElement>(`[name="${name}"]`)!;

describe('TextField before and after hydration', () => {
	it('renders the label, the stored value and the optional marker on the server', () => {
		serverRendered('story');
		expect(control('story').value).toBe('楼下长者缺少午餐');
		expect(target.querySelector('label')?.textContent).toBe('需求描述');
		serverRendered('contact');
		expect(target.querySelector('label')?.textContent).toBe('联系电话（选填）');
	});

	it('keeps what was typed into a textarea before the scripts arrived', () => {
		serverRendered('story');
		control('story').value = '楼下长者缺少午餐，周末也需要';
		hydrateField('story');
		expect(control('story').value).toBe('楼下长者缺少午餐，周末也需要');
	});

	it('keeps what was typed into an input before the scripts arrived', () => {
		serverRendered('contact');
		control('contact').value = '13912345678';
		hydrateField('contact');
		expect(control('contact').value).toBe('13912345678');
	});

	it('leaves an empty field empty, and an untouched one with its stored text', () => {
		serverRendered('empty');
		hydrateField('empty');
		expect(control('note').value).toBe('');
		serverRendered('story');
		hydrateField('story');
		expect(control('story').value).toBe('楼下长者缺少午餐');
	});

	it('shows a new value given after the app started (another record, a reset)', () => {
		markAppStarted();
		target = document.createElement('div');
		document.body.append(target);
		let field = $state({ ...FIELDS.story });
		const component = mount(Harness, { target, props: { get field() { return field; } } });
		mounted.push(component);
		flushSync();
		expect(control('story').value).toBe('楼下长者缺少午餐');
		field = { ...FIELDS.story, value: '另一条需求' };
		flushSync();
		expect(control('story').value).toBe('另一条需求');
	});
});
