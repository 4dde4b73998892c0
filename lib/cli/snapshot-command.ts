import { access, constants, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { writeSnapshotFile } from '../collect/write-snapshot';
import { failedFileAccess } from '../model/read-text-file';
import { oneLine } from '../report/escape';
import type { Command } from './command';
import { EXIT, UsageError } from './exit-codes';
import { collectLive, liveScope } from './live-collect';
import { parseOptions } from './options';

const HELP = `Usage: apigw-audit snapshot --region R [--api ID ...] --out FILE

Reads the API Gateway V2 APIs of one account and region (all of them, or the --api ones) and
writes them as a snapshot file: audit it later with \`apigw-audit audit --snapshot FILE\`, or
attach it to a ticket. Credentials come from the standard AWS chain (AWS_PROFILE, ...);
AWS_ENDPOINT_URL_APIGATEWAYV2 points it at an emulator.

Options:
  --region R    the region to read (one: a snapshot holds one account and region)
  --api ID      only this API (repeatable)
  --max-rate N  at most N requests/s (default 10, the quota; backs off when throttled)
  --timeout T   stop after T (90s, 15m, 1h; default 15m); what is not read by then is
                listed and the snapshot is incomplete (exit 3)
  --out FILE    where to write the snapshot
  -h, --help    this help

Exit codes: 0 complete, 2 bad usage, 3 incomplete (FILE holds every API read completely,
and the errors, which say what is missing: an audit of FILE is incomplete too).
`;

export const snapshotCommand: Command = {
  help: HELP,
  async run(args, io) {
    const { values } = parseOptions(args, {
      region: { type: 'string', multiple: true },
      api: { type: 'string', multiple: true },
      'max-rate': { type: 'string' },
      out: { type: 'string' },
      timeout: { type: 'string' },
    });
    if (values.help) {
      io.stdout(HELP);
      return EXIT.CLEAN;
    }
    const scope = liveScope(values.region, values.api, values['max-rate'], values.timeout);
    if (scope?.regions.length !== 1) throw new UsageError('snapshot needs exactly one --region R: a snapshot holds one account and region');
    const out = values.out;
    if (out === undefined) throw new UsageError('snapshot needs --out FILE');
    // Checked before the walk, which can take minutes at the quota.
    await access(dirname(resolve(out)), constants.W_OK).catch((error: unknown) => {
      throw new UsageError(failedFileAccess(`cannot write ${out}`, error));
    });
    if ((await stat(out).catch(() => undefined))?.isDirectory() === true) throw new UsageError(`--out ${out} is a directory; give a file name, e.g. ${out.replace(/\/+$/, '')}/snapshot.json`);

    const [result] = await collectLive(scope, io);
    if (result === undefined) throw new Error('collectLive returned no result for its one region');
    // What the walk could not read is said first, so a write that fails cannot hide it. A
    // message may quote what the endpoint answered: one line, escapes written out.
    for (const error of result.errors) io.stderr(`${oneLine(`error: ${[error.operation, error.apiId].filter(Boolean).join(' ')}: ${error.message}`)}\n`);
    // The access check above cannot foresee everything (a full disk, a file system that refuses
    // new files): what failed is named, as bad usage, not a crash.
    await writeSnapshotFile(out, result.snapshot, result.errors).catch((error: unknown) => {
      throw new UsageError(failedFileAccess(`cannot write ${out}`, error));
    });
    const { calls, throttled } = result.stats;
    const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
    const state = result.complete ? 'snapshot complete' : `snapshot INCOMPLETE: ${count(result.errors.length, 'error')} (on stderr)`;
    io.stdout(`Wrote ${count(result.snapshot.apis.length, 'API')} of ${result.snapshot.region} to ${out} (${count(calls, 'call')}, ${throttled} throttled); ${state}.\n`);
    return result.complete ? EXIT.CLEAN : EXIT.INCOMPLETE;
  },
};
