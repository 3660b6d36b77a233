import { type CorrectionsPart, emptyPart } from '../part.ts';

export const monitoringPart: CorrectionsPart = { ...emptyPart };
