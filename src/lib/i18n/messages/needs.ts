import type { Messages } from '../types';

export const needs = {} satisfies Messages;
