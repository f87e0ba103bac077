/** A one-line progress bar on a terminal (stderr), redrawn at most every 100 ms. */
export class ProgressBar {
  private last = 0;
  private readonly started = Date.now();

  constructor(private readonly stream: NodeJS.WriteStream = process.stderr) {}

  get enabled(): boolean {
    return !!this.stream.isTTY;
  }

  update(done: number, total: number | null, label: string, force = false): void {
    if (!this.enabled) return;
    const now = Date.now();
    if (!force && now - this.last < 100) return;
    this.last = now;
    const secs = (now - this.started) / 1000;
    const rate = secs > 0 ? Math.round(done / secs) : 0;
    const width = 30;
    let bar = '';
    if (total && total > 0) {
      const f = Math.min(1, done / total);
      bar = `[${'█'.repeat(Math.round(f * width)).padEnd(width, '░')}] ${(f * 100).toFixed(0).padStart(3)}% `;
    }
    this.stream.write(
      `\r${bar}${done.toLocaleString('en-US')}${total ? `/${total.toLocaleString('en-US')}` : ''} 行 · ${rate.toLocaleString('en-US')} 行/秒 · ${label}\x1b[K`,
    );
  }

  done(): void {
    if (this.enabled) this.stream.write('\n');
  }
}
