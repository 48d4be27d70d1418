import type { Messages } from '../types';

export const rounds = {} satisfies Messages;
