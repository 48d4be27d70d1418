/**
 * Photos and receipts on a station's report. Pure rules: what a photo needs before an admin may
 * approve it, and who may open a file. A photo is public only once approved; a receipt never.
 */
export type ReportFilePurpose = 'photo' | 'receipt';
export type ReportFileStatus = 'pending' | 'approved' | 'rejected' | 'private';

/** Files per report (photos and receipts together). */
export const REPORT_FILES_MAX = 20;
/** A photo larger than this on its long side is scaled down (its pixels are not evidence). */
export const PHOTO_MAX_SIDE = 2048;
/** Decoding stops above this many pixels: a small file cannot unpack into gigabytes. */
export const PHOTO_MAX_PIXELS = 50_000_000;

export interface PhotoFacts {
	purpose: ReportFilePurpose;
	status: ReportFileStatus;
	showsMinors: boolean;
	guardianConsentAt: string | null;
}

export type ApprovalProblem = 'notPhoto' | 'decided' | 'noConsent';

/** Why an admin may not approve the file now, or null: a pending photo, with consent if it shows minors. */
export function approvalProblem(f: PhotoFacts): ApprovalProblem | null {
	if (f.purpose !== 'photo') return 'notPhoto';
	if (f.status === 'approved') return 'decided';
	if (f.showsMinors && !f.guardianConsentAt) return 'noConsent';
	return null;
}

export type FileViewer = { role: 'admin' } | { role: 'station'; own: boolean } | { role: 'public' };

/** Approved photos are public; everything else only to the project's organisation and admins. */
export function mayOpen(f: Pick<PhotoFacts, 'purpose' | 'status'>, viewer: FileViewer): boolean {
	if (viewer.role === 'admin') return true;
	if (viewer.role === 'station' && viewer.own) return true;
	return f.purpose === 'photo' && f.status === 'approved';
}

/** A report's file as its station and the admins see it (report-files.ts reads it). */
export interface ReportFileView {
	id: string;
	purpose: ReportFilePurpose;
	fileName: string;
	caption: string;
	showsMinors: boolean;
	/** Who recorded the guardian's consent, and when. */
	guardianConsentBy: string | null;
	guardianConsentAt: string | null;
	status: ReportFileStatus;
	uploadedAt: string;
}
