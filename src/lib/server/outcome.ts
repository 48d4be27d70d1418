/**
 * The one result type of data functions: the value, or the reasons the rules said no, as
 * catalogue keys a form shows in the reader's language. Every data module returns it, so no
 * module imports another just for the shape of its answer, and every route reads it the same way.
 */
import type { FieldError, FieldErrors } from '../schemas/form';
import { currentPhase, type Schedule } from '../domain/phases';

/** The HTTP status a page answers a refusal with, when it is not 400 (the form is wrong). */
export type RefusalStatus = 404 | 409 | 410 | 413 | 429;

export interface Refusal {
	ok: false;
	errors: FieldErrors;
	/** 404 the record is not there (for this user), 409 it changed or is in the wrong state, 410 gone, 413 too large, 429 too often. */
	status?: RefusalStatus;
}
export type Outcome<T = void> = { ok: true; value: T } | Refusal;

export function ok(): Outcome<void>;
export function ok<T>(value: T): Outcome<T>;
export function ok<T>(value?: T): Outcome<T | undefined> {
	return { ok: true, value };
}

/** A refusal with errors already built (several fields at once). */
export function refuseAll(errors: FieldErrors, status?: RefusalStatus): Refusal {
	return status ? { ok: false, errors, status } : { ok: false, errors };
}

/** A refusal of the whole form. */
export function refuse(key: FieldError['key'], params?: FieldError['params'], status?: RefusalStatus): Refusal {
	return refuseAll({ _form: params ? { key, params } : { key } }, status);
}

/** A refusal of one field (a taken name, a wrong password, a target that does not exist…). */
export function refuseField(
	field: string,
	key: FieldError['key'],
	params?: FieldError['params'],
	status?: RefusalStatus
): Refusal {
	return refuseAll({ [field]: params ? { key, params } : { key } }, status);
}

/** The record is not there, or not for this user: the page answers 404. */
export function notFound(): Refusal {
	return refuse('error.404', undefined, 404);
}

/** The phase gate's refusal; `phase` is the phase key, which the page translates. */
export function phaseClosed(round: Schedule & { phase_override: string | null }, now: Date, status?: RefusalStatus): Refusal {
	return refuse('err.phaseClosed', { phase: currentPhase(round, now) }, status);
}

/** The status a page answers a refusal with. */
export function httpStatus(refusal: Refusal): 400 | RefusalStatus {
	return refusal.status ?? 400;
}
