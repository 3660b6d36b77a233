import { approvalsPart } from './approvals/index.ts';
import { monitoringPart } from './monitoring/index.ts';
import { overviewPart } from './overview/index.ts';
import type { CorrectionsPart } from './part.ts';
import { releasePart } from './release/index.ts';
import { sanctionsPart } from './sanctions/index.ts';
import { supervisionPart } from './supervision/index.ts';
import { sweepsPart } from './sweeps/index.ts';
import { trainingPart } from './training/index.ts';
import { vesselsPart } from './vessels/index.ts';

/** The parts of 社区矫正 in menu and tab order. */
export const correctionsParts: CorrectionsPart[] = [
  supervisionPart,
  approvalsPart,
  vesselsPart,
  sanctionsPart,
  monitoringPart,
  releasePart,
  sweepsPart,
  trainingPart,
  overviewPart,
];
