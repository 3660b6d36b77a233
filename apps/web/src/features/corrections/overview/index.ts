import { type CorrectionsPart, emptyPart } from '../part.ts';

export const overviewPart: CorrectionsPart = { ...emptyPart };
