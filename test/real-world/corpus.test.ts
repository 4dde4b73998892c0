import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { loadCorpus } from '../../lib/docs/real-world/corpus-files';
import { causeOf, corpusReport } from '../../lib/docs/real-world/corpus-report';
import { forbids } from '../../lib/docs/real-world/finding-key';
import { measurePrecision, precisionFileText } from '../../lib/docs/real-world/measure-precision';
import { scanCorpus, type ConfigurationRun } from '../../lib/docs/real-world/scan-corpus';
import { RULE_PRECISION_FILE } from '../../lib/docs/rule-precision';
import { RULES } from '../../lib/rules';

// The real-world corpus (test/fixtures/real-world): every configuration is scanned once and held
// to its labels. A finding without a verdict fails here, so a rule change that adds one forces a
// review; a known gap that no longer happens fails too, so its KNOWN-GAPS.json entry is deleted.
const corpus = loadCorpus();
let runs = new Map<string, ConfigurationRun>();
const scanned = (name: string): ConfigurationRun => {
  const run = runs.get(name);
  if (run === undefined) throw new Error(`${name} was not scanned`);
  return run;
};

// One scan of the whole corpus (a few seconds, longer on a loaded machine) serves every test.
beforeAll(async () => {
  runs = new Map((await scanCorpus(corpus)).map((run) => [run.configuration.name, run]));
}, 120_000);

test('the corpus is not empty', () => {
  expect(corpus.length).toBeGreaterThan(0);
});

describe.each(corpus.map((configuration) => [configuration.name, configuration] as const))('%s', (name, configuration) => {
  const gap = configuration.gap;

  test('holds exactly the files SOURCES.json names (every file has its provenance)', () => {
    const present = readdirSync(configuration.dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => relative(configuration.dir, join(entry.parentPath, entry.name)).split('\\').join('/'));
    expect(present.sort()).toEqual(configuration.source.files.map((file) => file.file).sort());
  });

  const incomplete = configuration.label.incomplete === true;
  const loadTitle = incomplete ? 'says with an error what it could not read (never a clean result)' : gap?.loaderError === true ? 'still fails to load (known gap)' : 'loads without an error';
  test(loadTitle, () => {
    const run = scanned(name);
    if (incomplete || gap?.loaderError === true) expect(run.loaderErrors).not.toEqual([]);
    else expect(run.loaderErrors).toEqual([]);
  });

  test(gap?.apisMissed === true || gap?.apisMiscounted === true ? 'still miscounts the APIs (known gap)' : 'finds the APIs a reviewer counts', () => {
    const run = scanned(name);
    if (gap?.apisMissed === true) expect(run.apis).toBeLessThan(configuration.label.apis);
    else if (gap?.apisMiscounted === true) expect(run.apis).not.toBe(configuration.label.apis);
    else expect(run.apis).toBe(configuration.label.apis);
  });

  const warning = configuration.label.warning;
  if (warning !== undefined) {
    test(gap?.warningMissing === true ? `still does not say "${warning}" (known gap)` : `says "${warning}" about what it cannot read`, () => {
      const said = scanned(name).messages.some((message) => message.toLowerCase().includes(warning.toLowerCase()));
      expect(said).toBe(gap?.warningMissing !== true);
    });
  }

  test('reports every expected finding (known gaps: still missing)', () => {
    const keys = new Set(scanned(name).findings.map((finding) => finding.key));
    const missing = new Set(gap?.missing ?? []);
    expect(configuration.label.expected.filter((key) => !missing.has(key) && !keys.has(key))).toEqual([]);
    expect([...missing].filter((key) => keys.has(key))).toEqual([]);
  });

  test('reports no forbidden finding', () => {
    const keys = scanned(name).findings.map((finding) => finding.key);
    expect(keys.filter((key) => configuration.label.forbidden.some((entry) => forbids(entry, key)))).toEqual([]);
  });

  test('every finding has a verdict and every verdict a finding', () => {
    const keys = scanned(name).findings.map((finding) => finding.key);
    const verdicts = configuration.label.verdicts;
    expect(keys.filter((key) => verdicts[key] === undefined)).toEqual([]);
    expect(Object.keys(verdicts).filter((key) => !keys.includes(key))).toEqual([]);
  });
});

test('docs/rule-precision.json, which the rule pages show, is committed and up to date (run `npm run docs`)', () => {
  const committed = existsSync(RULE_PRECISION_FILE) ? readFileSync(RULE_PRECISION_FILE, 'utf8') : undefined;
  expect(committed).toBe(precisionFileText(measurePrecision([...runs.values()], RULES)));
});

test('docs/real-world.md is committed and up to date (run `npm run docs`)', () => {
  const committed = existsSync('docs/real-world.md') ? readFileSync('docs/real-world.md', 'utf8') : undefined;
  expect(committed).toBe(corpusReport(corpus.map((configuration) => scanned(configuration.name))));
});

test.each([
  ['!GetAtt Fn.Arn (known when deployed)', 'known when deployed'],
  ['!Sub "x${AWS::Region}": !Ref AWS::Region (a pseudo parameter, known when deployed)', 'a pseudo parameter, known when deployed'],
  ['var.name (a variable without a default)', 'a variable without a default'],
  ["!Ref SNSTopic (AWS::SNS::Topic's id, known when deployed)", "a resource's id, known when deployed"],
  ['!Join [a, b]', '!Join'],
  ['each of aws_apigatewayv2_route.routes (var.routes (a variable without a default))', 'a variable without a default'],
  ['!If [C, ...] (condition C depends on !Ref T (a parameter without a Default))', 'a parameter without a Default'],
  ['lookup() of a value holding var.x (a variable without a default)', 'a variable without a default'],
  ['lookup()', 'lookup()'],
])('the cause of "%s" is "%s"', (reason, cause) => {
  expect(causeOf(reason)).toBe(cause);
});
