/**
 * Whether the app has finished its first hydration. The root layout sets it on mount; until
 * then, components being set up are taking over server-rendered HTML that a person may already
 * have typed into.
 */
let started = false;

export function markAppStarted(): void {
	started = true;
}

export function appStarted(): boolean {
	return started;
}
