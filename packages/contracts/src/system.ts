import { z } from 'zod';

export const healthSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  version: z.string(),
  database: z.object({
    kind: z.enum(['pglite', 'postgres']),
    ok: z.boolean(),
    latencyMs: z.number(),
  }),
  time: z.string().describe('Server time, ISO 8601'),
  today: z.string().describe('Calendar day in APP_TIME_ZONE, YYYY-MM-DD'),
  timeZone: z.string(),
  uptimeSeconds: z.number(),
});
export type Health = z.infer<typeof healthSchema>;

export const readySchema = z.object({
  ready: z.boolean(),
  checks: z.record(z.string(), z.boolean()),
});
export type Ready = z.infer<typeof readySchema>;

export const platformInfoSchema = z.object({
  name: z.string(),
  cityName: z.string(),
  cityDivisionCode: z.string(),
  version: z.string(),
});
export type PlatformInfo = z.infer<typeof platformInfoSchema>;
