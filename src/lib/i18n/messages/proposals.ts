import type { Messages } from '../types';

export const proposals = {} satisfies Messages;
