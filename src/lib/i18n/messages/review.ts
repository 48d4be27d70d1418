import type { Messages } from '../types';

export const review = {} satisfies Messages;
