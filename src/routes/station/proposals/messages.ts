import type { FieldError } from '$lib/schemas/form';
import { isMessageKey } from '$lib/i18n';
import type { I18n } from '$lib/i18n';

/** A field error in the reader's language, with a phase or status parameter translated too. */
export function errorText(t: I18n['t'], e: FieldError): string {
	const params = { ...e.params };
	const phaseKey = `phase.${params.phase}`;
	const statusKey = `proposal.status.${params.status}`;
	if (params.phase !== undefined && isMessageKey(phaseKey)) params.phase = t(phaseKey);
	if (params.status !== undefined && isMessageKey(statusKey)) params.status = t(statusKey);
	return t(e.key, params);
}
