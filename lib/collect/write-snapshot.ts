import { rename, rm, writeFile } from 'node:fs/promises';
import type { Snapshot } from '../model/snapshot';
import { toSnapshotData } from './snapshot-data';

/**
 * A snapshot as the file docs/design.md defines ("Snapshot"), written the same way every time: the
 * header fields in the design's order, then the APIs in canonical form (sorted keys, ISO
 * dates; see toSnapshotData). The file ends in a newline.
 */
export function serializeSnapshot(snapshot: Snapshot): string {
  const { version, accountId, region, capturedAt, apis } = snapshot;
  return `${JSON.stringify({ version: version ?? 1, accountId, region, capturedAt, apis: toSnapshotData(apis) }, null, 2)}\n`;
}

/**
 * Writes through a temporary file and a rename, so an interrupted run never leaves a
 * half-written snapshot where a complete one is expected; a write or rename that fails
 * removes the temporary file.
 */
export async function writeSnapshotFile(file: string, snapshot: Snapshot): Promise<void> {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    await writeFile(temporary, serializeSnapshot(snapshot), 'utf8');
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
