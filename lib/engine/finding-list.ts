import type { Finding } from '../model/finding';

/** A node with more findings than this looks its own up in a map rather than a scan. */
const SCANNED_PER_NODE = 16;

/**
 * The findings of one audit, one per fingerprint, in the order first found, a later finding
 * replacing an earlier one in its place (what `Map.set` by fingerprint gives).
 *
 * Findings of one node share its ARN, so they are compared among themselves as they come.
 * Across nodes two findings can share a fingerprint only if their nodes share an ARN, which
 * the caller says at the end; only then is the whole list compared. One map of every
 * fingerprint, as the engine had, cost more than building the findings on a large account.
 */
export class FindingList {
  private readonly found: Finding[] = [];
  private nodeStart = 0;
  private nodeIndex: Map<string, number> | undefined;

  /** The findings added from now on are on another node. */
  nextNode(): void {
    this.nodeStart = this.found.length;
    this.nodeIndex = undefined;
  }

  add(finding: Finding): void {
    const same = this.indexInNode(finding.fingerprint);
    if (same === undefined) {
      this.nodeIndex?.set(finding.fingerprint, this.found.length);
      this.found.push(finding);
    } else {
      this.found[same] = finding;
    }
  }

  /** Every finding, one per fingerprint; `arnsMayRepeat` when two nodes may have the same ARN. */
  all(arnsMayRepeat: boolean): Finding[] {
    if (!arnsMayRepeat) return this.found;
    const byFingerprint = new Map<string, Finding>();
    for (const finding of this.found) byFingerprint.set(finding.fingerprint, finding);
    return [...byFingerprint.values()];
  }

  private indexInNode(fingerprint: string): number | undefined {
    if (this.nodeIndex !== undefined) return this.nodeIndex.get(fingerprint);
    for (let index = this.nodeStart; index < this.found.length; index++) {
      if (this.found[index]!.fingerprint === fingerprint) return index;
    }
    if (this.found.length - this.nodeStart >= SCANNED_PER_NODE) {
      this.nodeIndex = new Map();
      for (let index = this.nodeStart; index < this.found.length; index++) this.nodeIndex.set(this.found[index]!.fingerprint, index);
    }
    return undefined;
  }
}
