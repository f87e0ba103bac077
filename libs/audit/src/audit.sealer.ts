import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { AuditService } from './audit.service';

/** Delay after an append before sealing (appends within it are sealed together). */
export const SEAL_DELAY_MS = 200;
/** A sweep also runs this often, for rows appended by processes that died before sealing them. */
export const SEAL_SWEEP_MS = 10_000;

/**
 * Runs the audit chain's sealer in every process that appends: a pass shortly after each append (batched),
 * and a periodic sweep. Timers are unref'd and stopped on shutdown, after a last pass.
 */
@Injectable()
export class AuditSealer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('AuditSealer');
  private timer: NodeJS.Timeout | null = null;
  private sweep: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  private unsubscribe: (() => void) | null = null;

  constructor(private readonly audit: AuditService) {}

  /** A first pass before the app serves anything (it also anchors the head of an empty chain). */
  async onApplicationBootstrap(): Promise<void> {
    this.unsubscribe = this.audit.onAppend(() => this.schedule(SEAL_DELAY_MS));
    this.sweep = setInterval(() => this.schedule(0), SEAL_SWEEP_MS);
    this.sweep.unref();
    await this.audit.seal().catch((err) => this.logger.warn(`audit sealing failed (retried on the next pass): ${(err as Error)?.message ?? err}`));
  }

  /** Before any module's shutdown hook (the database closes in one): stop the timers, then one last pass. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    this.unsubscribe?.();
    if (this.timer) clearTimeout(this.timer);
    if (this.sweep) clearInterval(this.sweep);
    await this.running;
    await this.audit.seal().catch(() => undefined);
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    if (this.running) { this.again = true; return; }
    if (this.timer) return;
    this.timer = setTimeout(() => { this.timer = null; this.run(); }, delayMs);
    this.timer.unref();
  }

  private run(): void {
    this.running = this.audit.seal()
      .then(() => undefined)
      .catch((err) => { this.logger.warn(`audit sealing failed (retried on the next pass): ${(err as Error)?.message ?? err}`); })
      .finally(() => {
        this.running = null;
        if (this.again) { this.again = false; this.schedule(SEAL_DELAY_MS); }
      });
  }
}
