import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { parseSnapshot, SnapshotError } from '../../lib/model/load-snapshot';
import { runCli } from '../support/run-cli';

/**
 * Issue 12 points 6 and 7: hostile files, configurations and command lines. Each ends in its
 * bound with the exit code and a message naming the input; none exits 70.
 */
const dir = mkdtempSync(join(tmpdir(), 'apigw-audit-attacks-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const write = (name: string, text: string) => {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
};

describe('snapshots', () => {
  test.each([
    ['two APIs', { apis: [{ ApiId: 'a1' }, { ApiId: 'a2' }, { ApiId: 'a1' }] }, '$.apis[2].ApiId: duplicate ApiId "a1": $.apis[0] has it too'],
    [
      'two integrations of one API',
      { apis: [{ ApiId: 'a1', integrations: [{ IntegrationId: 'i1' }, { IntegrationId: 'i1' }] }] },
      '$.apis[0].integrations[1].IntegrationId: duplicate IntegrationId "i1": $.apis[0].integrations[0] has it too',
    ],
    [
      'two route responses of one route',
      { apis: [{ ApiId: 'a1', routes: [{ RouteId: 'r1', routeResponses: [{ RouteResponseId: 'x' }, { RouteResponseId: 'x' }] }] }] },
      '$.apis[0].routes[0].routeResponses[1].RouteResponseId: duplicate RouteResponseId "x": $.apis[0].routes[0].routeResponses[0] has it too',
    ],
  ])('duplicate ids (%s) are an error naming both occurrences', async (_what, snapshot, message) => {
    const file = write('duplicate.json', JSON.stringify(snapshot));
    const run = await runCli('audit', '--snapshot', file);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${file}: ${message}`);
  });

  test('the same id in two APIs is no duplicate: ids are unique per API', () => {
    const loaded = parseSnapshot(JSON.stringify({ apis: [{ ApiId: 'a1', integrations: [{ IntegrationId: 'i1' }] }, { ApiId: 'a2', integrations: [{ IntegrationId: 'i1' }] }] }), 'f.json');
    expect(loaded.snapshot.apis).toHaveLength(2);
  });

  test('a FIFO given as a snapshot or a config is refused at once, not waited on', async () => {
    const fifo = join(dir, 'fifo');
    execFileSync('mkfifo', [fifo]);
    const started = Date.now();
    const asSnapshot = await runCli('audit', '--snapshot', fifo);
    const asConfig = await runCli('audit', '--snapshot', 'examples/demo-account.json', '--config', fifo);
    expect(asSnapshot.code).toBe(2);
    expect(asSnapshot.stderr).toContain(`${fifo}: not a regular file (a FIFO)`);
    expect(asConfig.code).toBe(2);
    expect(asConfig.stderr).toContain(`${fifo}: not a regular file (a FIFO)`);
    expect(Date.now() - started).toBeLessThan(10_000);
  }, 20_000);

  test('a directory given as a snapshot is a usage error', async () => {
    const run = await runCli('audit', '--snapshot', dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${dir}: not a regular file (a directory)`);
  });

  test('any JSON value is either a snapshot or a SnapshotError naming the file, never a crash', () => {
    fc.assert(
      fc.property(fc.oneof(fc.json(), fc.jsonValue().map((value) => JSON.stringify({ apis: [value] })), fc.string()), (text) => {
        try {
          parseSnapshot(text, 'hostile.json');
        } catch (error) {
          expect(error).toBeInstanceOf(SnapshotError);
          expect((error as Error).message.startsWith('hostile.json: ')).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  test('a field name with newlines and escapes is warned about on one line, escapes written out', async () => {
    const file = write('escapes.json', JSON.stringify({ apis: [{ ApiId: 'a1', ['x\n== CRITICAL ==\x1b]0;owned\x07']: 1 }] }));
    const run = await runCli('audit', '--snapshot', file);
    expect(run.code).toBe(0);
    expect(run.stderr.split('\n').filter((line) => line.startsWith('warning:'))).toHaveLength(1);
    expect(run.stderr).toContain('x\\n== CRITICAL ==\\x1b]0;owned\\x07');
    expect(run.stderr).not.toMatch(/\x1b/);
  });

  test('deeply nested JSON is refused or read, never a stack overflow', async () => {
    const file = write('deep.json', `{"apis":[{"ApiId":"a1","Tags":${'['.repeat(100_000)}${']'.repeat(100_000)}}]}`);
    const run = await runCli('audit', '--snapshot', file);
    expect([0, 1, 2]).toContain(run.code);
  });
});

describe('configurations', () => {
  test('any JSON as --config is either used or refused with exit 2 naming the file', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.json(), fc.record({ rules: fc.dictionary(fc.string(), fc.jsonValue()), minSeverity: fc.jsonValue(), failOn: fc.jsonValue() }, { requiredKeys: [] }).map((value) => JSON.stringify(value))), async (text) => {
        const file = write('config.json', text);
        const run = await runCli('audit', '--snapshot', 'examples/demo-account.json', '--config', file);
        expect([0, 1, 2]).toContain(run.code);
        if (run.code === 2) expect(run.stderr).toContain(file);
      }),
      { numRuns: 60 },
    );
  }, 60_000);
});

describe('the command line', () => {
  test('snapshot --out DIR is a usage error, before any call, and leaves no temporary file', async () => {
    const out = mkdtempSync(join(dir, 'out-'));
    const run = await runCli('snapshot', '--region', 'eu-west-1', '--out', out);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`--out ${out} is a directory; give a file name`);
    expect(readdirSync(out)).toEqual([]);
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  test('`rules | head` ends quietly when the reader closes the pipe before it is done', async () => {
    expect(existsSync('dist/cli/cli.cjs')).toBe(true);
    const result = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, ['bin/apigw-audit.cjs', 'rules'], { stdio: ['ignore', 'pipe', 'pipe'] });
      // The reader goes away before the first byte, as `head` does after its lines.
      child.stdout.destroy();
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.on('close', (code) => resolve({ code, stderr }));
    });
    expect(result.stderr).not.toMatch(/EPIPE|internal error/);
    expect(result.code).toBe(0);
  }, 30_000);

  test('a report that cannot be written (a full disk) is exit 2 saying so, not a crash whose exit 1 reads as findings', () => {
    expect(existsSync('dist/cli/cli.cjs')).toBe(true);
    // /dev/full refuses every write with ENOSPC, as a full disk does.
    const full = openSync('/dev/full', 'w');
    try {
      const run = spawnSync(process.execPath, ['bin/apigw-audit.cjs', 'audit', '--snapshot', 'examples/demo-account.json', '--format', 'json', '--fail-on', 'none'], { stdio: ['ignore', full, 'pipe'], encoding: 'utf8' });
      expect(run.stderr).toBe('apigw-audit: cannot write the report to standard output: no space left on the device (ENOSPC)\n');
      expect(run.status).toBe(2);
    } finally {
      closeSync(full);
    }
  }, 30_000);
});
