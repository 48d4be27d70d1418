import type { Phase } from './phases';

/** What the public pages show of a round: no ids of staff, nothing private. */
export interface PublicRound {
	slug: string;
	title: string;
	year: number;
	phase: Phase;
	poolFen: number;
	grantMinFen: number;
	grantMaxFen: number;
	timeZone: string;
	/** Each phase after draft and the instant it starts, for timelines. */
	schedule: { phase: Phase; startsAt: string }[];
	resultsPublished: boolean;
	noticePublished: boolean;
}
