import type { CollectProgress } from '../collect/collect-account';
import type { CliIo } from './command';

/**
 * The live walk's progress as one line on stderr, redrawn in place; only when stderr is a
 * terminal, so logs and pipes get nothing extra. Regions are walked at once and summed.
 */
export class ProgressLine {
  private readonly byRegion = new Map<string, CollectProgress>();

  constructor(private readonly io: CliIo) {}

  update(region: string, progress: CollectProgress): void {
    if (!this.io.stderrIsTty) return;
    this.byRegion.set(region, progress);
    this.io.stderr(`\r\x1b[K${progressText(this.byRegion)}`);
  }

  /** Erases the line, so what follows starts on a clean one. */
  clear(): void {
    if (this.byRegion.size > 0) this.io.stderr('\r\x1b[K');
  }
}

export function progressText(byRegion: ReadonlyMap<string, CollectProgress>): string {
  const all = [...byRegion.values()];
  const sum = (count: (progress: CollectProgress) => number) => all.reduce((total, progress) => total + count(progress), 0);
  const total = all.some((progress) => progress.apisTotal === undefined) ? '?' : String(sum((progress) => progress.apisTotal ?? 0));
  const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
  return `${[...byRegion.keys()].join(', ')}: ${sum((progress) => progress.apisDone)}/${total} APIs, ${plural(sum((progress) => progress.calls), 'call')}, ${sum((progress) => progress.throttled)} throttled, ${plural(sum((progress) => progress.errors), 'error')}`;
}
