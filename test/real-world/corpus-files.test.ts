import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCorpus } from '../../lib/docs/real-world/corpus-files';

// The corpus files are edited by hand at every review: a mistake must name the file and the entry.
const source = {
  repository: 'owner/name',
  licence: 'MIT (LICENSE)',
  format: 'sam',
  about: 'a template',
  files: [{ file: 'template.yaml', source: 'template.yaml', commit: 'a'.repeat(40) }],
};
const label = { apis: 1, expected: [], forbidden: [], verdicts: {} };

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'corpus-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

function write(sources: unknown, labels: unknown, gaps: unknown): void {
  writeFileSync(join(root, 'SOURCES.json'), JSON.stringify(sources));
  writeFileSync(join(root, 'LABELS.json'), JSON.stringify(labels));
  writeFileSync(join(root, 'KNOWN-GAPS.json'), JSON.stringify(gaps));
}

test('a valid corpus loads with each configuration, its label and its gap', () => {
  write({ one: source }, { one: label }, [{ configuration: 'one', what: 'w', fixedBy: 'f', warningMissing: true }]);
  const [configuration] = loadCorpus(root);
  expect(configuration).toMatchObject({ name: 'one', dir: join(root, 'one'), label, gap: { warningMissing: true } });
});

test.each([
  ['a commit that is not 40 hex digits', { one: { ...source, files: [{ ...source.files[0], commit: 'abc' }] } }, { one: label }, [], /SOURCES\.json: one\.files\.0\.commit: a 40-digit commit/],
  ['an unknown format', { one: { ...source, format: 'pulumi' } }, { one: label }, [], /SOURCES\.json: one\.format/],
  ['a verdict that is neither real nor noise', { one: source }, { one: { ...label, verdicts: { 'IR009 X Y': { verdict: 'maybe', reason: 'r' } } } }, [], /LABELS\.json: one\.verdicts\.IR009 X Y\.verdict/],
  ['a configuration without a label', { one: source }, {}, [], /LABELS\.json: one has no entry/],
  ['a label for no configuration', { one: source }, { one: label, two: label }, [], /LABELS\.json: two is not a configuration/],
  ['a gap for no configuration', { one: source }, { one: label }, [{ configuration: 'two', what: 'w', fixedBy: 'f' }], /KNOWN-GAPS\.json: two is not a configuration/],
  ['a configuration with two gaps', { one: source }, { one: label }, [{ configuration: 'one', what: 'w', fixedBy: 'f' }, { configuration: 'one', what: 'v', fixedBy: 'f' }], /KNOWN-GAPS\.json: one is listed twice/],
])('%s is an error naming the file and the entry', (_case, sources, labels, gaps, message) => {
  write(sources, labels, gaps);
  expect(() => loadCorpus(root)).toThrow(message);
});

test('a file that is not JSON is an error naming it', () => {
  write({ one: source }, { one: label }, []);
  writeFileSync(join(root, 'LABELS.json'), '{ not json');
  expect(() => loadCorpus(root)).toThrow(/LABELS\.json: /);
});
