import { organisationProfileSchema, type OrganisationProfile } from '../schemas/organisations';
import { fieldErrors, formValues } from '../schemas/form';
import { refuseAll, type Outcome } from './outcome';

/**
 * Reads and checks an organisation's profile form, then saves it with `save`: the form an admin
 * fills for any organisation and a station for its own. The typed values come back with the
 * outcome, for the form to show again on refusal.
 */
export async function saveProfile(
	request: Request,
	save: (input: OrganisationProfile) => Promise<Outcome>
): Promise<{ values: Record<string, string>; saved: Outcome }> {
	const values = formValues(await request.formData());
	const parsed = organisationProfileSchema.safeParse(values);
	if (!parsed.success) return { values, saved: refuseAll(fieldErrors(parsed.error)) };
	return { values, saved: await save(parsed.data) };
}
