import type { Attachment } from 'svelte/attachments';
import { appStarted } from './hydration';

/**
 * Brings a form's error summary into view and gives it keyboard focus each time `track()`
 * changes (a new set of errors). After an enhanced submission the page does not reload, so on a
 * phone an error far above the viewport would otherwise look like nothing happened; focus also
 * makes screen readers read it and puts the next Tab on the form. Not during the first hydration:
 * a person may already be typing a correction into a server-rendered page.
 */
export function revealOnChange(track: () => unknown): Attachment<HTMLElement> {
	return (node) => {
		track();
		if (!appStarted()) return;
		node.scrollIntoView({ block: 'center' });
		node.focus({ preventScroll: true });
	};
}
