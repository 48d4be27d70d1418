import { organisationProfileSchema, type OrganisationProfile } from '$lib/schemas/organisations';
import { fieldError, fieldErrors, formValues, type FieldErrors } from '$lib/schemas/form';

/** Reads and checks the profile form, then saves it with `save`; the typed values come back on refusal. */
export async function saveProfile(
	request: Request,
	save: (input: OrganisationProfile) => Promise<{ ok: true } | { ok: false; reason: 'name_taken' | 'not_found' }>
): Promise<{ ok: true } | { ok: false; values: Record<string, string>; errors: FieldErrors }> {
	const values = formValues(await request.formData());
	const parsed = organisationProfileSchema.safeParse(values);
	if (!parsed.success) return { ok: false, values, errors: fieldErrors(parsed.error) };
	const result = await save(parsed.data);
	if (!result.ok) return { ok: false, values, errors: fieldError('name', 'org.err.nameTaken') };
	return { ok: true };
}
