import { and, asc, eq, inArray, isNull, lt, lte, or } from 'drizzle-orm';
import { daysBetween, type IsoDate } from '../calendar/iso-date.ts';
import { caseParticipant, caseRecord } from '../cases/cases.schema.ts';
import { type Clock, wallClockParts } from '../clock/clock.ts';
import type { Database, Executor } from '../db/database.ts';
import type { JobDefinition } from '../jobs/jobs.ts';
import { inboxRecipient } from '../notifications/inbox.ts';
import type { NotificationOutbox } from '../notifications/outbox.ts';
import type { DeadlineRuleRegistry } from './deadline.rules.ts';
import { type CaseDeadlineRow, caseDeadline } from './deadline.schema.ts';

// The deadline reminder job (期限提醒): every ten minutes it tells the people working on a case, in the
// notification centre, once when a running clock turns amber (due soon) and once when it runs out.

export const DEADLINE_REMIND_JOB = 'deadlines.remind';

/** The participant roles of the people doing the work on a case; they hear of its deadlines. */
export const reminderRoles = ['handler', 'assignedLawyer', 'mediator'] as const;

export type ReminderKind = 'dueSoon' | 'overdue';

export const reminderTemplates: Record<ReminderKind, string> = {
  dueSoon: 'deadline.dueSoon',
  overdue: 'deadline.overdue',
};

export interface DeadlineReminderDeps {
  clock: Clock;
  rules: Pick<DeadlineRuleRegistry, 'has' | 'get'>;
  outbox: Pick<NotificationOutbox, 'enqueue'>;
  /** Clocks per round (one short transaction each); 200 by default. */
  batchSize?: number;
}

export interface ReminderReport {
  /** Clocks marked, by the warning given. */
  dueSoon: number;
  overdue: number;
  /** Messages written (one per staff participant). */
  messages: number;
  /** Clocks marked although nobody was told: their case has no staff participant yet. */
  unattended: number;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** 2026年3月9日 */
function chineseDate(day: IsoDate): string {
  const [y, m, d] = day.split('-');
  return `${Number(y)}年${Number(m)}月${Number(d)}日`;
}

function chineseInstant(at: Date, timeZone: string): string {
  const p = wallClockParts(at, timeZone);
  return `${chineseDate(`${p.year}-${p.month}-${p.day}`)} ${p.hour}:${p.minute}`;
}

interface CaseInfo {
  caseNo: string | null;
  title: string;
}

/** The Chinese text of one reminder, e.g. 【期限临近】案件北司援〔2026〕第12号“…”的“…”将于2026年12月3日到期（…）. */
export function reminderText(
  kind: ReminderKind,
  input: {
    deadline: Pick<CaseDeadlineRow, 'dueOn' | 'dueAt' | 'ruleCode'>;
    caseInfo: CaseInfo | undefined;
    ruleName: string;
    article: string | null;
    today: IsoDate;
    now: Date;
    timeZone: string;
  },
): string {
  const { deadline, caseInfo } = input;
  const subject = caseInfo
    ? `案件${caseInfo.caseNo ?? ''}“${caseInfo.title}”的“${input.ruleName}”`
    : `“${input.ruleName}”`;
  const article = input.article ? `（${input.article}）` : '';
  const due = deadline.dueOn
    ? chineseDate(deadline.dueOn)
    : deadline.dueAt
      ? chineseInstant(deadline.dueAt, input.timeZone)
      : '';
  if (kind === 'dueSoon') return `【期限临近】${subject}将于${due}到期${article}`;
  const late = deadline.dueOn
    ? `已超期 ${daysBetween(deadline.dueOn, input.today)} 天`
    : `已超时 ${Math.max(1, Math.ceil((input.now.getTime() - (deadline.dueAt?.getTime() ?? 0)) / 3_600_000))} 小时`;
  return `【已超期】${subject}已于${due}到期，${late}${article}`;
}

/**
 * One scan: every running clock whose warning day (or instant) has come and whose due-soon warning was not
 * given, and every running clock past due whose overdue warning was not given. Each is told once to the
 * staff participants of its case in the notification centre and marked, in one transaction per batch;
 * rows are claimed FOR UPDATE SKIP LOCKED, so two instances share the work instead of repeating it. The
 * dedupe key of each message (`deadline:<id>:<kind>:<due>:<recipient>`) keeps a rerun from telling anyone twice.
 * A clock already past due when first scanned gets only the overdue message.
 */
export async function sendDeadlineReminders(
  db: Database,
  deps: DeadlineReminderDeps,
): Promise<ReminderReport> {
  const report: ReminderReport = { dueSoon: 0, overdue: 0, messages: 0, unattended: 0 };
  const batchSize = deps.batchSize ?? 200;
  for (;;) {
    const claimed = await db.transaction((tx) => remindBatch(tx, deps, batchSize, report));
    if (claimed < batchSize) return report;
  }
}

async function remindBatch(
  tx: Executor,
  deps: DeadlineReminderDeps,
  batchSize: number,
  report: ReminderReport,
): Promise<number> {
  const { clock } = deps;
  const now = clock.now();
  const today = clock.today();
  const overdueNow = or(lt(caseDeadline.dueOn, today), lt(caseDeadline.dueAt, now));
  const rows = await tx
    .select()
    .from(caseDeadline)
    .where(
      and(
        eq(caseDeadline.status, 'running'),
        or(
          and(isNull(caseDeadline.warnedOverdueAt), overdueNow),
          and(
            isNull(caseDeadline.warnedDueSoonAt),
            or(lte(caseDeadline.warnOn, today), lte(caseDeadline.warnAt, now)),
          ),
        ),
      ),
    )
    .orderBy(asc(caseDeadline.id))
    .limit(batchSize)
    .for('update', { skipLocked: true });
  if (rows.length === 0) return 0;

  // Case ids are uuids for every case in case_record; anything else has no case to name or people to tell.
  const caseIds = [...new Set(rows.map((r) => r.caseId))].filter((id) => uuidPattern.test(id));
  const cases = new Map<string, CaseInfo>();
  const staff = new Map<string, string[]>();
  if (caseIds.length > 0) {
    const records = await tx
      .select({
        id: caseRecord.id,
        caseType: caseRecord.caseType,
        caseNo: caseRecord.caseNo,
        title: caseRecord.title,
      })
      .from(caseRecord)
      .where(inArray(caseRecord.id, caseIds));
    for (const r of records) cases.set(`${r.caseType}:${r.id}`, { caseNo: r.caseNo, title: r.title });
    const people = await tx
      .selectDistinct({ caseId: caseParticipant.caseId, accountId: caseParticipant.accountId })
      .from(caseParticipant)
      .where(
        and(
          inArray(caseParticipant.caseId, caseIds),
          eq(caseParticipant.accountKind, 'staff'),
          inArray(caseParticipant.role, [...reminderRoles]),
        ),
      )
      .orderBy(asc(caseParticipant.caseId), asc(caseParticipant.accountId));
    for (const p of people) staff.set(p.caseId, [...(staff.get(p.caseId) ?? []), p.accountId]);
  }

  for (const row of rows) {
    const overdue = (row.dueOn !== null && row.dueOn < today) || (row.dueAt !== null && row.dueAt < now);
    // A clock already warned as overdue that still matched (its due-soon mark missing) only gets marked.
    const kind: ReminderKind | null = overdue ? (row.warnedOverdueAt ? null : 'overdue') : 'dueSoon';
    const caseInfo = cases.get(`${row.caseType}:${row.caseId}`);
    const recipients = caseInfo ? (staff.get(row.caseId) ?? []) : [];
    if (kind) {
      const rule = deps.rules.has(row.ruleCode) ? deps.rules.get(row.ruleCode) : null;
      const body = reminderText(kind, {
        deadline: row,
        caseInfo,
        ruleName: rule?.name ?? row.ruleCode,
        article: rule?.article ?? null,
        today,
        now,
        timeZone: clock.timeZone,
      });
      for (const accountId of recipients) {
        const recipient = inboxRecipient('staff', accountId);
        const sent = await deps.outbox.enqueue(tx, {
          channel: 'inApp',
          recipient,
          template: reminderTemplates[kind],
          body,
          payload: { caseId: row.caseId, caseType: row.caseType, deadlineId: row.id },
          // The due date is in the key: a date moved later is warned about again.
          dedupeKey: `deadline:${row.id}:${kind}:${row.dueOn ?? row.dueAt?.toISOString()}:${recipient}`,
        });
        if (!sent.duplicate) report.messages++;
      }
      report[kind]++;
      // Nobody to tell yet (no handler assigned): the clock is marked all the same, or every scan would
      // pick it up again for ever. The unit still sees it amber or red in its case list and "my deadlines".
      if (recipients.length === 0) report.unattended++;
    }
    await tx
      .update(caseDeadline)
      .set(
        overdue
          ? { warnedOverdueAt: row.warnedOverdueAt ?? now, warnedDueSoonAt: row.warnedDueSoonAt ?? now }
          : { warnedDueSoonAt: now },
      )
      .where(eq(caseDeadline.id, row.id));
  }
  return rows.length;
}

/** Every ten minutes (and on demand in tests): due-soon and overdue reminders in the notification centre. */
export function deadlineRemindJob(
  db: Database,
  deps: DeadlineReminderDeps,
): JobDefinition<Record<string, never>> {
  return {
    name: DEADLINE_REMIND_JOB,
    cron: '*/10 * * * *',
    // The next run in ten minutes picks up whatever a failed run left unmarked.
    retryLimit: 0,
    expireInSeconds: 5 * 60,
    async run() {
      await sendDeadlineReminders(db, deps);
    },
  };
}
