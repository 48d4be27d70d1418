import { loadMessages } from '$lib/i18n';
import type { LayoutLoad } from './$types';

/** The reader's words, loaded before the page renders: in the browser, only their language's. */
export const load: LayoutLoad = async ({ data }) => {
	await loadMessages(data.locale);
	return data;
};
