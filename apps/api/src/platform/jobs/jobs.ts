import PgBoss from 'pg-boss';
import type { DatabaseHandle } from '../db/database.ts';

// Background work (deadline scans, notifications, report builds) runs on pg-boss inside the app process.
// The queue lives in the same PostgreSQL (or PGlite) database, so it is shared safely by several
// instances and a job sent in a transaction is committed or dropped with it.

export interface JobContext {
  id: string;
  name: string;
}

export interface JobDefinition<T extends object = object> {
  /** `<area>.<job>`, e.g. `platform.heartbeat`. */
  name: string;
  run(data: T, ctx: JobContext): Promise<void>;
  retryLimit?: number;
  retryDelaySeconds?: number;
  retryBackoff?: boolean;
  expireInSeconds?: number;
  /** Cron expression evaluated in the platform time zone; the job then also recurs. */
  cron?: string;
}

export interface SendOptions {
  startAfter?: Date | number;
  singletonKey?: string;
}

export interface JobsLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export interface JobQueueOptions {
  timeZone: string;
  logger: JobsLogger;
  pollingIntervalSeconds?: number;
}

export class JobQueue {
  readonly #boss: PgBoss;
  readonly #definitions = new Map<string, JobDefinition>();
  readonly #options: JobQueueOptions;
  #state: 'idle' | 'started' | 'stopped' = 'idle';

  constructor(database: DatabaseHandle, options: JobQueueOptions) {
    this.#options = options;
    this.#boss = new PgBoss({
      db: { executeSql: (text, values) => database.executeSql(text, values) },
      schema: 'pgboss',
      // A failed job is kept two weeks for inspection; the queue's own maintenance prunes older ones.
      deleteAfterDays: 14,
    });
    this.#boss.on('error', (err) => options.logger.error({ err }, 'job queue error'));
  }

  get started(): boolean {
    return this.#state === 'started';
  }

  define<T extends object>(definition: JobDefinition<T>): void {
    if (this.#state !== 'idle') throw new Error(`job ${definition.name} defined after the queue started`);
    if (this.#definitions.has(definition.name)) throw new Error(`job ${definition.name} defined twice`);
    this.#definitions.set(definition.name, definition as unknown as JobDefinition);
  }

  async start(): Promise<void> {
    if (this.#state !== 'idle') return;
    await this.#boss.start();
    const polling = this.#options.pollingIntervalSeconds ?? 2;
    for (const def of this.#definitions.values()) {
      await this.#boss.createQueue(def.name, {
        name: def.name,
        retryLimit: def.retryLimit ?? 3,
        retryDelay: def.retryDelaySeconds ?? 30,
        retryBackoff: def.retryBackoff ?? true,
        expireInSeconds: def.expireInSeconds ?? 15 * 60,
      });
      await this.#boss.work<object>(def.name, { pollingIntervalSeconds: polling }, async (jobs) => {
        for (const job of jobs) {
          const started = performance.now();
          try {
            await def.run(job.data, { id: job.id, name: def.name });
            this.#options.logger.info(
              { job: def.name, jobId: job.id, ms: Math.round(performance.now() - started) },
              'job done',
            );
          } catch (err) {
            this.#options.logger.warn(
              { err, job: def.name, jobId: job.id },
              'job failed; it will be retried',
            );
            throw err;
          }
        }
      });
      if (def.cron) await this.#boss.schedule(def.name, def.cron, {}, { tz: this.#options.timeZone });
      else await this.#boss.unschedule(def.name);
    }
    this.#state = 'started';
  }

  async send<T extends object>(name: string, data: T, options: SendOptions = {}): Promise<string> {
    if (!this.#definitions.has(name)) throw new Error(`unknown job ${name}`);
    if (this.#state !== 'started') throw new Error('job queue is not running');
    const id = await this.#boss.send(name, data, {
      ...(options.startAfter !== undefined ? { startAfter: options.startAfter } : {}),
      ...(options.singletonKey ? { singletonKey: options.singletonKey } : {}),
    });
    if (!id) throw new Error(`job ${name} was not queued (a singleton is already waiting)`);
    return id;
  }

  /** State of one job, for tests and operators: created, retry, active, completed, cancelled, failed. */
  async stateOf(name: string, id: string): Promise<string | undefined> {
    const job = await this.#boss.getJobById(name, id);
    return job?.state;
  }

  /** Lets running jobs finish (up to `timeoutMs`) and stops polling; the database stays open. */
  async stop(timeoutMs = 10_000): Promise<void> {
    if (this.#state !== 'started') {
      this.#state = 'stopped';
      return;
    }
    this.#state = 'stopped';
    await this.#boss.stop({ graceful: true, wait: true, close: false, timeout: timeoutMs });
  }
}
