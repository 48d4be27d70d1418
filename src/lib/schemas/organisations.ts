import { z } from 'zod';
import { DISTRICTS, ORGANISATION_KINDS } from '../domain/catalogue';
import { text } from './form';

export const ORG_INTRO_MAX = 1000;

/** The organisation profile, as admins create it and its staff keep it. */
export const organisationProfileSchema = z.object({
	name: text(60),
	kind: z.enum(ORGANISATION_KINDS),
	district: z.enum(DISTRICTS),
	street: z.string().trim().max(30),
	registrationNo: z
		.string()
		.trim()
		.max(30)
		.regex(/^[0-9A-Za-z-]*$/, 'err.invalid'),
	communities: z.string().trim().max(1000),
	contactName: z.string().trim().max(30),
	contactPhone: z
		.string()
		.trim()
		.max(20)
		.regex(/^[0-9+\- ]*$/, 'org.err.phone'),
	introduction: z.string().trim().max(ORG_INTRO_MAX)
});
export type OrganisationProfile = z.output<typeof organisationProfileSchema>;
