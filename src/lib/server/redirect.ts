/** A same-site path to go back to, never another origin ("//evil.example", "https://…"). */
export function safeRedirect(target: unknown, fallback = '/'): string {
	if (typeof target !== 'string' || !target.startsWith('/') || target.startsWith('//')) return fallback;
	if (target.includes('\\') || /[\r\n]/.test(target)) return fallback;
	return target;
}
