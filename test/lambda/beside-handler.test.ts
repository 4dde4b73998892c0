import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { besideHandler } from '../../lib/lambda/beside-handler';

describe('the deployed suppression file is found beside the handler, not in the working directory', () => {
  const root = mkdtempSync(join(tmpdir(), 'beside-handler-'));
  mkdirSync(join(root, 'dist'));
  writeFileSync(join(root, 'dist', 'suppressions.json'), '{"suppressions": []}');
  mkdirSync(join(root, 'functions'));
  mkdirSync(join(root, '.esbuild', '.build', 'functions'), { recursive: true });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  test('as on Lambda: the bundle in functions/, the file in the package root', () => {
    expect(besideHandler('dist/suppressions.json', join(root, 'functions'))).toBe(join(root, 'dist', 'suppressions.json'));
  });

  test('as under `serverless invoke local`: the bundle in .esbuild/.build, the file in the service directory', () => {
    expect(besideHandler('dist/suppressions.json', join(root, '.esbuild', '.build', 'functions'))).toBe(join(root, 'dist', 'suppressions.json'));
  });

  test('an absolute path is kept; a file found nowhere keeps its working-directory path', () => {
    expect(besideHandler('/etc/x.json', join(root, 'functions'))).toBe('/etc/x.json');
    expect(besideHandler('dist/nowhere-to-be-found.json', join(root, 'functions'))).toBe(resolve('dist/nowhere-to-be-found.json'));
  });
});
