import { describe, expect, it, vi } from 'vitest';
import type { RequestEvent } from '@sveltejs/kit';
import { sendableHeaders } from './headers';

const event = {
	request: new Request('http://localhost/login?next=x', { method: 'POST' }),
	url: new URL('http://localhost/login?next=x')
} as unknown as RequestEvent;

describe('sendableHeaders', () => {
	it('passes a response whose headers Node can send', async () => {
		const response = new Response(null, { status: 303, headers: { location: '/admin?q=%E9%95%BF' } });
		expect(await sendableHeaders({ event, resolve: async () => response })).toBe(response);
	});

	it('turns a header Node would refuse into a logged 500 without the cookies it carried', async () => {
		const log = vi.spyOn(console, 'error').mockImplementation(() => {});
		// Fetch's Headers take VT and FF; Node's writeHead throws ERR_INVALID_CHAR on them.
		const headers = new Headers({ location: '/\u000b/x' });
		headers.append('set-cookie', 'session=abc; Path=/; HttpOnly');
		const answer = await sendableHeaders({ event, resolve: async () => new Response(null, { status: 303, headers }) });
		expect(answer.status).toBe(500);
		expect(answer.headers.get('set-cookie')).toBeNull();
		expect(answer.headers.get('location')).toBeNull();
		expect(await answer.text()).not.toMatch(/ERR_INVALID_CHAR|TypeError/);
		expect(log).toHaveBeenCalledTimes(1);
		const logged = String(log.mock.calls[0][0]);
		expect(logged).toContain('[500] POST /login');
		expect(logged).toMatch(/ERR_INVALID_CHAR|Invalid character/);
		expect(logged).toMatch(/\n\s+at /); // the stack
		expect(logged).not.toContain('next=x'); // no query: it may hold personal data
		log.mockRestore();
	});
});
