import { z } from 'zod';
import { text } from './text';

/** The admin's grey-zone lottery actions that take input. */
export const lotterySchemas = {
	lotteryOptIn: z.object({ optIn: z.enum(['on', 'off']) }),
	lotteryWithdraw: z.object({ reason: text(500, { multiline: true }) })
};
