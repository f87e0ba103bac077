import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { AuditService } from './audit.service';

/**
 * Delay after an append before sealing (appends within it are sealed together). Every process that appends runs
 * a sealer, and a pass is a transaction of several statements: at 200 ms the three processes of the load scenario
 * ran ten passes a second, a sixth of every statement the database ran.
 */
export const SEAL_DELAY_MS = 1000;
/**
 * A full pass also runs this often: for rows appended by processes that died before sealing them, and for rows
 * that committed after a higher id was sealed (the passes after an append look only above the chain head).
 */
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
  /** The next pass walks every unsealed row (a sweep asked for it), not only those above the chain head. */
  private full = false;
  private stopped = false;
  private unsubscribe: (() => void) | null = null;

  constructor(private readonly audit: AuditService) {}

  /** A first pass before the app serves anything (it also anchors the head of an empty chain). */
  async onApplicationBootstrap(): Promise<void> {
    this.unsubscribe = this.audit.onAppend(() => this.schedule(SEAL_DELAY_MS));
    this.sweep = setInterval(() => this.schedule(0, true), SEAL_SWEEP_MS);
    this.sweep.unref();
    await this.audit
      .seal()
      .catch((err) =>
        this.logger.warn(
          `audit sealing failed (retried on the next pass): ${(err as Error)?.message ?? err}`,
        ),
      );
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

  private schedule(delayMs: number, full = false): void {
    if (this.stopped) return;
    if (full) this.full = true;
    if (this.running) {
      this.again = true;
      return;
    }
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.run();
    }, delayMs);
    this.timer.unref();
  }

  private run(): void {
    const full = this.full;
    this.full = false;
    this.running = this.audit
      .seal({ newOnly: !full })
      .then(() => undefined)
      .catch((err) => {
        this.logger.warn(
          `audit sealing failed (retried on the next pass): ${(err as Error)?.message ?? err}`,
        );
      })
      .finally(() => {
        this.running = null;
        if (this.again) {
          this.again = false;
          this.schedule(SEAL_DELAY_MS);
        }
      });
  }
}
