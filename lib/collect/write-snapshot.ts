import { rename, rm, writeFile } from 'node:fs/promises';
import type { AuditError } from '../model/finding';
import { redact } from '../model/redact';
import type { Snapshot } from '../model/snapshot';
import { toSnapshotData } from './snapshot-data';

/**
 * A snapshot as the file docs/design.md defines ("Snapshot"), written the same way every time: the
 * header fields in the design's order, then the APIs in canonical form (sorted keys, ISO
 * dates; see toSnapshotData). The file ends in a newline. The errors of an incomplete walk go
 * into the file (`errors`, only when there are some; redacted, as a message may quote what a
 * server answered), so an audit of it later is incomplete too instead of calling the APIs it
 * lacks clean.
 */
export function serializeSnapshot(snapshot: Snapshot, errors: readonly AuditError[] = []): string {
  const { version, accountId, region, capturedAt, apis } = snapshot;
  const walkErrors = errors.length === 0 ? undefined : errors.map(({ operation, apiId, arn, message }) => ({ operation, apiId, arn, message: redact(message) }));
  return `${JSON.stringify({ version: version ?? 1, accountId, region, capturedAt, errors: walkErrors, apis: toSnapshotData(apis) }, null, 2)}\n`;
}

/**
 * Writes through a temporary file and a rename, so an interrupted run never leaves a
 * half-written snapshot where a complete one is expected; a write or rename that fails
 * removes the temporary file.
 */
export async function writeSnapshotFile(file: string, snapshot: Snapshot, errors: readonly AuditError[] = []): Promise<void> {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    await writeFile(temporary, serializeSnapshot(snapshot, errors), 'utf8');
    await rename(temporary, file);
  } catch (error) {
    // The write's own error is the one to report; a cleanup that fails too must not hide it.
    await rm(temporary, { force: true }).catch(() => undefined);
    throw error;
  }
}
