/**
 * Where one fleet item's walk stands between invocations: small enough for the Step Functions
 * payload whatever the account's size. What the walk read is in the walk bucket, one object
 * per invocation (`{prefix}/walk-{n}.json`), so a retried invocation overwrites its own part
 * and never another's.
 */
export interface WalkCursor {
  /** Key prefix of this item's objects: `walks/{run}/{account}/{region}`. */
  prefix: string;
  /** Walk invocations that have stored their part. */
  invocations: number;
  /** Every selected API is read, or failed with an error in its part. */
  done: boolean;
}

export function partKey(cursor: Pick<WalkCursor, 'prefix'>, invocation: number): string {
  return `${cursor.prefix}/walk-${invocation}.json`;
}

/** A prefix for one run's item; ids are checked so that no key can climb out of its run's folder. */
export function walkPrefix(runId: string, accountId: string, region: string): string {
  for (const [name, value] of [['run id', runId], ['account id', accountId], ['region', region]] as const) {
    if (!/^[A-Za-z0-9_.:-]{1,128}$/.test(value) || value === '.' || value === '..') throw new Error(`${name} ${JSON.stringify(value)} cannot name a walk object (letters, digits and _ . : - only)`);
  }
  return `walks/${runId}/${accountId}/${region}`;
}
