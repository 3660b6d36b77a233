import { type CorrectionsPart, emptyPart } from '../part.ts';

export const trainingPart: CorrectionsPart = { ...emptyPart };
