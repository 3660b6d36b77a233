import { type CorrectionsPart, emptyPart } from '../part.ts';

export const releasePart: CorrectionsPart = { ...emptyPart };
