/**
 * Decision record format 2, as a schema: the published JSON Schema
 * (static/decision-record-2.schema.json) is generated from it (`npm run schema:decision-record`),
 * and a test checks both that the file is current and that every record the app writes fits it.
 */
import { z } from 'zod';
import { LINE_REASONS } from '../domain/funding-line';

const int = z.number().int();
const fen = int.nonnegative();
const hundredths = int.describe('a score in hundredths: 8001 = 80.01');
const bilingual = z.strictObject({ zh: z.string(), en: z.string() });
const reason = z.enum(LINE_REASONS);
const basis = z.enum(['additive_model', 'mean', 'trimmed_mean', 'calibrated']);

export const decisionRecord2Schema = z
	.strictObject({
		format: z.literal('decision-record/2'),
		$schema: z.string(),
		software: z.strictObject({ name: z.string(), version: z.string() }),
		round: z.strictObject({ slug: z.string(), title: z.string(), year: int }),
		stage: z.enum(['notice', 'final']),
		rule: z.strictObject({ zh: z.array(z.string()), en: z.array(z.string()) }).describe('the rule in words, step by step'),
		rubric: z.strictObject({
			criteria: z.array(
				z.strictObject({ id: int, nameZh: z.string(), nameEn: z.string(), weight: int, scaleMax: int.positive() })
			)
		}),
		rounding: z.strictObject({
			unit: z.literal('0.01'),
			mode: z.literal('half_away_from_zero'),
			floatDecimals: int,
			steps: z.array(bilingual)
		}),
		aggregation: z.strictObject({
			basis,
			trimRule: z.strictObject({ dropHighest: z.literal(1), dropLowest: z.literal(1), whenReviewsAtLeast: z.literal(5) }),
			interval: z.strictObject({
				zHundredths: int,
				method: z.enum(['model', 'bootstrap', 'none']),
				bootstrap: z.strictObject({ seed: int, resamples: int }).nullable()
			}),
			model: z
				.strictObject({
					noiseVariance: z.number().nullable(),
					biasVariance: z.number(),
					shrinkage: z.number().nullable().describe('λ = noiseVariance / biasVariance; null: biases shrunk to nothing'),
					components: int,
					degreesOfFreedom: int,
					reviewerBias: z.record(z.string(), z.number()).describe('per pseudonym, points, 6 decimals'),
					fitted: z.record(z.string(), z.number()).describe('per proposal id, fitted quality, 6 decimals')
				})
				.nullable()
		}),
		fundingRule: z.strictObject({
			poolFen: fen,
			tieRule: z.enum(['smaller_amount', 'earlier_submission']),
			minScore: z.number().nullable(),
			districtCapsFen: z.record(z.string(), fen).describe('keyed by district place id'),
			districts: z.array(z.strictObject({ placeId: int, name: z.string() }))
		}),
		greyZone: z.strictObject({ ids: z.array(int), zHundredths: int }).nullable(),
		lottery: z
			.strictObject({
				rule: z.strictObject({
					hash: z.string(),
					commitment: z.string(),
					key: z.string(),
					order: z.string(),
					text: bilingual
				}),
				commitment: z.string().regex(/^[0-9a-f]{64}$/),
				recordedAt: z.string(),
				seed: z.string().regex(/^[0-9a-f]{64}$/).nullable(),
				drawnAt: z.string().nullable(),
				drawnOrder: z.array(int).nullable()
			})
			.nullable(),
		reviews: z.array(
			z.strictObject({
				proposalId: int,
				reviewer: z.string().regex(/^[A-Z]+$/).describe('per-round pseudonym, the same on every proposal'),
				scores: z.array(int).describe('per criterion, in rubric order'),
				totalHundredths: hundredths
			})
		),
		proposals: z.array(
			z.strictObject({
				id: int,
				title: z.string(),
				district: z.string(),
				districtPlaceId: int.nullable(),
				eligible: z.boolean(),
				requestedFen: fen,
				submittedAt: z.string().nullable(),
				scoreHundredths: hundredths.nullable(),
				seHundredths: int.nullable(),
				interval: z.tuple([int, int]).nullable(),
				reducedAward: z.strictObject({ fen, reason: z.string() }).nullable(),
				override: z.strictObject({ kind: z.enum(['fund', 'exclude']), reason: z.string() }).nullable(),
				published: z.strictObject({
					rank: int.nullable(),
					funded: z.boolean(),
					awardFen: fen.nullable(),
					reason,
					reasonText: z.string().nullable()
				})
			})
		),
		objections: z.array(
			z.strictObject({ id: int, proposalId: int, outcome: z.string(), effect: z.string().nullable(), response: z.string() })
		),
		withdrawn: z.array(z.strictObject({ id: int, title: z.string() }))
	})
	.describe('A round’s decision record, format 2: everything needed to recompute its funded list.');

export type DecisionRecord2 = z.infer<typeof decisionRecord2Schema>;

/** The JSON Schema document published beside the records. */
export function decisionRecord2JsonSchema(): unknown {
	return { $id: 'decision-record-2.schema.json', ...z.toJSONSchema(decisionRecord2Schema, { target: 'draft-2020-12' }) };
}
