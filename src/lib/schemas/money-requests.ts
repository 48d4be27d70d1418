import { z } from 'zod';
import { moneyFen, text } from './form';

const requestId = z.string().trim().regex(/^\d{1,12}$/, 'err.choice').transform(Number);

/** A second admin's approval, or its requester's withdrawal: which request. */
export const moneyDecisionSchema = z.object({ requestId });

/** Another admin's refusal says why. */
export const moneyRefusalSchema = z.object({ requestId, reason: text(500, { multiline: true }) });

/** The federation's threshold, typed in yuan: moves above it wait for a second admin. */
export const fourEyesThresholdSchema = z.object({ amount: moneyFen });
