import { type CorrectionsPart, emptyPart } from '../part.ts';

export const supervisionPart: CorrectionsPart = { ...emptyPart };
