import { type CorrectionsPart, emptyPart } from '../part.ts';

export const sanctionsPart: CorrectionsPart = { ...emptyPart };
