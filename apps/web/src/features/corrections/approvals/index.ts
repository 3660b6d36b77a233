import { type CorrectionsPart, emptyPart } from '../part.ts';

export const approvalsPart: CorrectionsPart = { ...emptyPart };
