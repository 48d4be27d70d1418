/**
 * The one result type of data functions: the value, or the reasons the rules said no, as
 * catalogue keys a form shows in the reader's language. Every data module returns it, so no
 * module imports another just for the shape of its answer.
 */
import type { FieldError, FieldErrors } from '../schemas/form';
import { currentPhase, type Schedule } from '../domain/phases';

export interface Refusal {
	ok: false;
	errors: FieldErrors;
}
export type Outcome<T = void> = { ok: true; value: T } | Refusal;

export function ok(): Outcome<void>;
export function ok<T>(value: T): Outcome<T>;
export function ok<T>(value?: T): Outcome<T | undefined> {
	return { ok: true, value };
}

/** A refusal of the whole form. */
export function refuse(key: FieldError['key'], params?: FieldError['params']): Refusal {
	return { ok: false, errors: { _form: params ? { key, params } : { key } } };
}

/** A refusal of one field (a taken name, a wrong password, a target that does not exist…). */
export function refuseField(field: string, key: FieldError['key'], params?: FieldError['params']): Refusal {
	return { ok: false, errors: { [field]: params ? { key, params } : { key } } };
}

/** A refusal with errors already built (several fields at once). */
export function refuseAll(errors: FieldErrors): Refusal {
	return { ok: false, errors };
}

/** The phase gate's refusal; `phase` is the phase key, which the page translates. */
export function phaseClosed(round: Schedule & { phase_override: string | null }, now: Date): Refusal {
	return refuse('err.phaseClosed', { phase: currentPhase(round, now) });
}
