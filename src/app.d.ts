import type { Session, SessionUser } from '$lib/server/auth/session';
import type { Locale } from '$lib/i18n';

declare global {
	namespace App {
		interface Locals {
			user: SessionUser | null;
			session: Session | null;
			/** A password-checked session whose second factor is still to be checked (/login/two-factor). */
			pendingTwoFactor: { userId: number; sessionId: string; role: SessionUser['role'] } | null;
			locale: Locale;
		}
		interface Error {
			message: string;
		}
	}
}

export {};
