import type { SubmitFunction } from '@sveltejs/kit';

/**
 * A form's "sending" state for `use:enhance`: the button can be disabled while the request is
 * on its way, so a double click sends one request. The form keeps what was typed
 * (`reset: false`) unless `reset` is asked for.
 */
export function submitting(options: { reset?: boolean } = {}) {
	let busy = $state(false);
	const enhance: SubmitFunction = () => {
		busy = true;
		return async ({ update }) => {
			await update({ reset: options.reset ?? false });
			busy = false;
		};
	};
	return {
		get busy() {
			return busy;
		},
		enhance
	};
}
