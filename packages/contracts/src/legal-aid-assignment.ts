import { z } from 'zod';
import { legalAidAssignmentEndReasons, legalAidAssignmentMethods } from './legal-aid-casework.ts';

// 指派律师: the centre assigns a lawyer to an aided case within 3 days of the grant (法律援助法 第四十三条) —
// duty-roster rotation, the applicant's chosen lawyer (点援制), the expert panel for minors, at least three
// years of practice for a possible life or death sentence (第二十六条), and a conflict check.

const version = z.number({ error: '缺少版本号，请刷新后重试' }).int().positive();
const lawyerId = z.uuid('请选择律师').meta({ title: '律师' });
const reason = (message: string) =>
  z
    .string({ error: message })
    .trim()
    .min(1, message)
    .max(500, '理由不能超过 500 个字')
    .meta({ title: '理由' });

export const legalAidAssignSchema = z.object({
  lawyerId,
  method: z.enum(legalAidAssignmentMethods, { error: '请选择指派方式' }).meta({ title: '指派方式' }),
  /** Needed when the lawyer is not the rotation's first. */
  reason: z.string().trim().max(500, '理由不能超过 500 个字').optional().meta({ title: '指派理由' }),
  version,
});
export type LegalAidAssignInput = z.input<typeof legalAidAssignSchema>;

export const legalAidChangeLawyerSchema = z.object({
  lawyerId,
  reason: reason('请说明更换律师的原因'),
  version,
});
export type LegalAidChangeLawyerInput = z.input<typeof legalAidChangeLawyerSchema>;

/** One lawyer the centre could assign, ranked; `reasons` say in Chinese why (not) and what was weighed. */
export const legalAidAssignmentCandidateSchema = z.object({
  lawyerId: z.uuid(),
  name: z.string(),
  lawFirm: z.string(),
  licenceNumber: z.string(),
  practiceYears: z.number().int(),
  expertPanel: z.boolean(),
  /** On the centre's duty roster today. */
  onDuty: z.boolean(),
  /** Aided cases the lawyer holds now (assigned or in progress). */
  openCases: z.number().int(),
  lastAssignedAt: z.string().nullable(),
  eligible: z.boolean(),
  reasons: z.array(z.string()),
});
export type LegalAidAssignmentCandidate = z.infer<typeof legalAidAssignmentCandidateSchema>;

export const legalAidAssignmentRecordSchema = z.object({
  id: z.uuid(),
  lawyerId: z.uuid(),
  lawyerName: z.string(),
  lawFirm: z.string(),
  method: z.enum(legalAidAssignmentMethods),
  reason: z.string().nullable(),
  assignedByName: z.string().nullable(),
  assignedAt: z.string(),
  acceptedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  endReason: z.enum(legalAidAssignmentEndReasons).nullable(),
  endNote: z.string().nullable(),
  noticeDocumentId: z.uuid().nullable(),
});
export type LegalAidAssignmentRecord = z.infer<typeof legalAidAssignmentRecordSchema>;

export const legalAidAssignmentViewSchema = z.object({
  caseId: z.uuid(),
  status: z.string(),
  version: z.number().int(),
  /** Whether the case's state allows 指派 (granted) or 更换律师 (assigned, inProgress) now. */
  canAssign: z.boolean(),
  canChange: z.boolean(),
  /** What this case needs of its lawyer (第二十六条, minors), in Chinese. */
  requirements: z.array(z.string()),
  current: legalAidAssignmentRecordSchema.nullable(),
  /** Earlier assignments, newest first. */
  history: z.array(legalAidAssignmentRecordSchema),
  /** Ranked, eligible first; null for callers without 指派 permission. */
  candidates: z.array(legalAidAssignmentCandidateSchema).nullable(),
});
export type LegalAidAssignmentView = z.infer<typeof legalAidAssignmentViewSchema>;
