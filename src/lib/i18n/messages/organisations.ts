import type { Messages } from '../types';

export const organisations = {} satisfies Messages;
