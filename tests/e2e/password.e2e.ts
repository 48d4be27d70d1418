import { expect, test } from '@playwright/test';
import { PASSWORD } from '../fixtures/accounts';
import { signIn } from './helpers';

test('changing the password signs the user out everywhere else', async ({ browser }) => {
	const phone = await browser.newContext();
	const laptop = await browser.newContext();
	const onPhone = await phone.newPage();
	const onLaptop = await laptop.newPage();
	await signIn(onPhone, 'reviewer3');
	await signIn(onLaptop, 'reviewer3');

	const change = async (from: string, to: string) => {
		await onLaptop.goto('/account');
		await onLaptop.getByLabel('当前密码').fill(from);
		await onLaptop.getByLabel('新密码', { exact: true }).fill(to);
		await onLaptop.getByLabel('再次输入新密码').fill(to);
		await onLaptop.getByRole('button', { name: '修改密码' }).click();
		await expect(onLaptop.getByRole('status')).toContainText('密码已修改');
	};

	await onLaptop.goto('/account');
	await onLaptop.getByLabel('当前密码').fill('not-my-password');
	await onLaptop.getByLabel('新密码', { exact: true }).fill('another-password-1');
	await onLaptop.getByLabel('再次输入新密码').fill('another-password-1');
	await onLaptop.getByRole('button', { name: '修改密码' }).click();
	await expect(onLaptop.getByText('当前密码不正确')).toBeVisible();

	await change(PASSWORD, 'a-brand-new-password');
	await onPhone.goto('/review');
	await expect(onPhone).toHaveURL(/\/login/);
	await onLaptop.goto('/review');
	await expect(onLaptop).toHaveURL(/\/review$/);
	// Put the fixture's password back for the other tests.
	await change('a-brand-new-password', PASSWORD);
	await phone.close();
	await laptop.close();
});
