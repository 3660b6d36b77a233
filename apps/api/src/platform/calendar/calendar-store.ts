import type { Executor } from '../db/database.ts';
import { listOverrides } from './calendar.repo.ts';
import { WorkingCalendar } from './working-calendar.ts';

export interface CalendarStoreOptions {
  /**
   * How old the in-memory snapshot may get before the next use reloads it. One instance refreshes at
   * once after its own edit; with several instances behind a load balancer, another instance's edit
   * reaches this one within this many seconds (and the nightly recompute job settles any clock started
   * in that window).
   */
  reloadSeconds?: number;
}

/** Where the deadline engine gets its calendar: the current snapshot, read through the caller's executor. */
export interface CalendarSource {
  current(executor: Executor): Promise<WorkingCalendar>;
}

/**
 * The one in-memory WorkingCalendar of the process: the package's data plus the override table, loaded
 * once and reloaded when stale or after an edit. It loads through the executor it is given, so a caller
 * inside a transaction never waits on a second connection (on PGlite that would wait for ever).
 */
export class CalendarStore implements CalendarSource {
  readonly #reloadMs: number;
  #snapshot: WorkingCalendar | undefined;
  #loadedAt = 0;

  constructor(options: CalendarStoreOptions = {}) {
    this.#reloadMs = (options.reloadSeconds ?? 60) * 1000;
  }

  async current(executor: Executor): Promise<WorkingCalendar> {
    // Infrastructure staleness, so the monotonic process clock, not the business Clock tests pin.
    if (this.#snapshot && performance.now() - this.#loadedAt < this.#reloadMs) return this.#snapshot;
    return this.reload(executor);
  }

  async reload(executor: Executor): Promise<WorkingCalendar> {
    const rows = await listOverrides(executor);
    const snapshot = new WorkingCalendar(rows);
    this.#snapshot = snapshot;
    this.#loadedAt = performance.now();
    return snapshot;
  }

  /** After an edit commits: the next use reloads. */
  invalidate(): void {
    this.#snapshot = undefined;
  }
}
