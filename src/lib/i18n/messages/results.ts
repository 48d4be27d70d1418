import type { Messages } from '../types';

export const results = {} satisfies Messages;
