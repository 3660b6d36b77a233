import { type CorrectionsPart, emptyPart } from '../part.ts';

export const vesselsPart: CorrectionsPart = { ...emptyPart };
