import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { toSnapshotData } from '../../lib/collect/snapshot-data';
import { serializeSnapshot, writeSnapshotFile } from '../../lib/collect/write-snapshot';
import { evaluate } from '../../lib/engine/evaluate';
import { loadSnapshotFile, parseSnapshot } from '../../lib/model/load-snapshot';
import { apiFromSketch } from '../../lib/model/sketch';
import type { Snapshot, SnapshotApi } from '../../lib/model/snapshot';
import { RULES } from '../../lib/rules';
import { sampleAccount } from '../support/fake-aws';
import { walkFake } from './live-walk';

/**
 * Every rule's documented examples, firing and quiet, as the APIs of one account (plus a
 * generated one), so the comparison covers whatever rules exist when the test runs.
 */
function accountOfRuleExamples(): Snapshot {
  const examples = RULES.flatMap((rule) =>
    Object.entries(rule.meta.examples).map(([kind, sketch]) => apiFromSketch({ ...sketch, ApiId: `${rule.meta.id.toLowerCase()}-${kind}`, Name: `${rule.meta.id} ${kind}` })),
  );
  const generated = sampleAccount({ webSocketApis: 2, httpApis: 2, integrationsPerApi: 2, routesPerApi: 2, responsesPerIntegration: 2, responsesPerRoute: 1 });
  return { apis: [...examples, ...generated.apis] };
}

const activeRules = RULES.map((rule) => ({ rule }));

describe('the snapshot writer', () => {
  let directory: string;
  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'apigw-audit-snapshot-'));
  });
  afterAll(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  test('a written snapshot, audited offline, gives exactly the findings of the live audit', async () => {
    const account = accountOfRuleExamples();
    const { result } = await walkFake(account, {}, { thorough: true });
    expect(result.errors).toEqual([]);
    const live = evaluate(result.snapshot, activeRules);
    // The walk carried every value the rules read across the wire unchanged (keys come back
    // in canonical order, which rule messages quoting a map show).
    expect(result.snapshot.apis).toEqual(account.apis);
    expect(live.findings).toEqual(evaluate({ region: 'eu-west-1', apis: toSnapshotData(account.apis) as SnapshotApi[] }, activeRules).findings);

    const file = join(directory, 'live.json');
    await writeSnapshotFile(file, result.snapshot);
    const loaded = await loadSnapshotFile(file);
    const offline = evaluate(loaded.snapshot, activeRules);

    expect(live.errors).toEqual([]);
    expect(live.findings.length).toBeGreaterThan(RULES.length / 2);
    expect(offline).toEqual(live);
    expect(loaded.warnings).toEqual([]);
    expect(loaded.snapshot).toEqual(result.snapshot);
    // Not a timed test: the walk makes hundreds of real HTTP calls (three or four per API of every
    // rule's examples, so more with each rule) and took 2 to 5 s on a shared machine, against
    // jest's default bound of 5 s. The bound is only there so a hung walk ends the test.
  }, 60_000);

  test('writes the docs/design.md header in its order, ISO dates, and keys in a stable order', () => {
    const api = { routes: [], Name: 'x', integrations: [], ApiId: 'a1', CreatedDate: new Date(Date.UTC(2026, 10, 26, 10)), Tags: { b: '2', a: '1' } };
    const text = serializeSnapshot({ apis: [api], capturedAt: '2026-11-26T10:00:00.000Z', region: 'eu-west-1', accountId: '123456789012' });

    expect(text).toBe(
      `${JSON.stringify(
        {
          version: 1,
          accountId: '123456789012',
          region: 'eu-west-1',
          capturedAt: '2026-11-26T10:00:00.000Z',
          apis: [{ ApiId: 'a1', CreatedDate: '2026-11-26T10:00:00.000Z', Name: 'x', Tags: { a: '1', b: '2' }, integrations: [], routes: [] }],
        },
        null,
        2,
      )}\n`,
    );
    // The same content in another key order is written byte for byte the same.
    const reordered = { Tags: { a: '1', b: '2' }, ApiId: 'a1', integrations: [], routes: [], Name: 'x', CreatedDate: '2026-11-26T10:00:00.000Z' };
    expect(serializeSnapshot({ accountId: '123456789012', region: 'eu-west-1', capturedAt: '2026-11-26T10:00:00.000Z', apis: [reordered] })).toBe(text);
    expect(parseSnapshot(text, 'written.json').snapshot.apis[0]?.ApiId).toBe('a1');
  });

  test('an incomplete walk writes its errors, redacted, before the APIs; a complete one writes no errors key', () => {
    const errors = [{ source: 'collector' as const, operation: 'GetRoutes', apiId: 'a1', message: 'upstream said password=hunter2hunter2' }];
    const written = JSON.parse(serializeSnapshot({ region: 'eu-west-1', apis: [] }, errors));
    expect(Object.keys(written)).toEqual(['version', 'region', 'errors', 'apis']);
    expect(written.errors).toEqual([{ operation: 'GetRoutes', apiId: 'a1', message: expect.stringContaining('[redacted]') }]);
    expect(JSON.stringify(written)).not.toContain('hunter2');
    expect(parseSnapshot(serializeSnapshot({ apis: [] }, errors), 'f').errors).toHaveLength(1);
    expect(Object.keys(JSON.parse(serializeSnapshot({ region: 'eu-west-1', apis: [] })))).toEqual(['version', 'region', 'apis']);
  });

  test('replaces the file only once the whole snapshot is written', async () => {
    const file = join(directory, 'replace.json');
    await writeSnapshotFile(file, { apis: [] });
    await writeSnapshotFile(file, { region: 'eu-west-1', apis: [] });
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ version: 1, region: 'eu-west-1', apis: [] });
  });
});
