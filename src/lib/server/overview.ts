import type { DB } from './db';

/** What waits for the admins, for their start page: needs to moderate, proposals to check, accounts. */
export async function workWaiting(db: DB): Promise<{ newNeeds: number; submitted: number; users: number }> {
	const [needs, proposals, users] = await Promise.all([
		db.selectFrom('needs').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'new').executeTakeFirstOrThrow(),
		db.selectFrom('proposals').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'submitted').executeTakeFirstOrThrow(),
		db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
	]);
	return { newNeeds: Number(needs.n), submitted: Number(proposals.n), users: Number(users.n) };
}
