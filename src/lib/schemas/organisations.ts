import { z } from 'zod';
import { DISTRICTS, ORGANISATION_KINDS } from '../domain/catalogue';
import { text } from './form';
import { textOrEmpty } from './text';

export const ORG_INTRO_MAX = 1000;

/** The organisation profile, as admins create it and its staff keep it. */
export const organisationProfileSchema = z.object({
	name: text(60),
	kind: z.enum(ORGANISATION_KINDS),
	district: z.enum(DISTRICTS),
	street: textOrEmpty(30),
	registrationNo: z
		.string()
		.trim()
		.max(30)
		.regex(/^[0-9A-Za-z-]*$/, 'err.invalid'),
	communities: textOrEmpty(1000, { multiline: true }),
	contactName: textOrEmpty(30),
	contactPhone: z
		.string()
		.trim()
		.max(20)
		.regex(/^[0-9+\- ]*$/, 'org.err.phone'),
	introduction: textOrEmpty(ORG_INTRO_MAX, { multiline: true })
});
export type OrganisationProfile = z.output<typeof organisationProfileSchema>;
