/**
 * `npm run admin:create -- --email admin@example.org --name 管理员`
 * Creates the first (or another) admin. The password comes from ADMIN_PASSWORD, or is asked for
 * without echo when run in a terminal.
 */
import { parseArgs } from 'node:util';
import { createInterface } from 'node:readline';
import { z } from 'zod';
import { databaseTarget, migrate, openDatabase } from '../src/lib/server/db';
import { createUser, findUserByEmail } from '../src/lib/server/users';
import { PASSWORD_MAX, PASSWORD_MIN } from '../src/lib/server/auth/password';
import { audit } from '../src/lib/server/audit';

const { values } = parseArgs({
	options: { email: { type: 'string' }, name: { type: 'string' } }
});

function ask(question: string, hidden: boolean): Promise<string> {
	return new Promise((resolve) => {
		const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
		if (hidden) {
			// Echo nothing while the password is typed.
			(rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s: string) => {
				if (s.includes(question)) process.stdout.write(s);
			};
		}
		rl.question(question, (answer) => {
			rl.close();
			if (hidden) process.stdout.write('\n');
			resolve(answer);
		});
	});
}

const email = values.email ?? process.env.ADMIN_EMAIL ?? (await ask('Email: ', false));
const name = values.name ?? process.env.ADMIN_NAME ?? (await ask('Name / 姓名: ', false));
let password = process.env.ADMIN_PASSWORD;
if (!password) {
	if (!process.stdin.isTTY) {
		console.error('Set ADMIN_PASSWORD, or run this in a terminal to be asked for the password.');
		process.exit(1);
	}
	password = await ask('Password (hidden): ', true);
	if ((await ask('Password again: ', true)) !== password) {
		console.error('The passwords differ.');
		process.exit(1);
	}
}

const input = z
	.object({
		email: z.string().trim().email(),
		name: z.string().trim().min(1).max(60),
		password: z.string().min(PASSWORD_MIN).max(PASSWORD_MAX)
	})
	.safeParse({ email, name, password });
if (!input.success) {
	for (const issue of input.error.issues) console.error(`${issue.path.join('.')}: ${issue.message}`);
	process.exit(1);
}

const db = openDatabase(databaseTarget());
await migrate(db);
if (await findUserByEmail(db, input.data.email)) {
	console.error(`An account for ${input.data.email} already exists.`);
	process.exit(1);
}
const id = await createUser(db, { ...input.data, role: 'admin' });
await audit(db, { actorId: null, action: 'user.create_admin', entity: 'user', entityId: id, reason: 'admin:create' });
console.log(`Admin ${input.data.email} created. Sign in at /login.`);
await db.destroy();
