import { z } from 'zod';

/** The one error body every API error answers with. `message` is Chinese and meant for the user. */
export const apiErrorSchema = z.object({
  code: z.string(),
  message: z.string(),
  requestId: z.string().optional(),
  fields: z
    .array(z.object({ path: z.string(), message: z.string() }))
    .optional()
    .describe('Validation errors, one per field'),
});
export type ApiError = z.infer<typeof apiErrorSchema>;
