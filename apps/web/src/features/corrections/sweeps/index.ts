import { type CorrectionsPart, emptyPart } from '../part.ts';

export const sweepsPart: CorrectionsPart = { ...emptyPart };
