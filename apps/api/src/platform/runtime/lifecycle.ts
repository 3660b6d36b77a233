// Start-up and shutdown order in one place: stop taking requests, let in-flight ones finish, stop jobs,
// close the database last. Each step runs once even if SIGINT arrives twice.

export interface ShutdownStep {
  name: string;
  run(): Promise<void>;
}

export interface Logger {
  info(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export class Lifecycle {
  #shuttingDown = false;
  #steps: ShutdownStep[] = [];
  #done: Promise<void> | undefined;

  get shuttingDown(): boolean {
    return this.#shuttingDown;
  }

  /** Steps run in the order they were added. */
  onShutdown(step: ShutdownStep): void {
    this.#steps.push(step);
  }

  shutdown(logger?: Logger): Promise<void> {
    this.#done ??= this.#run(logger);
    return this.#done;
  }

  async #run(logger?: Logger): Promise<void> {
    this.#shuttingDown = true;
    for (const step of this.#steps) {
      try {
        await step.run();
        logger?.info({ step: step.name }, 'shutdown step done');
      } catch (err) {
        logger?.error({ err, step: step.name }, 'shutdown step failed');
      }
    }
  }
}
