import { loadCorpus, type CorpusConfiguration } from '../../lib/docs/real-world/corpus-files';
import { forbids, scanConfiguration, type ConfigurationRun } from '../../lib/docs/real-world/scan-corpus';

// The real-world corpus (test/fixtures/real-world): every configuration is scanned and held to
// its labels. A finding without a verdict fails here, so a rule change that adds one forces a
// review; a known gap that no longer happens fails too, so its KNOWN-GAPS.json entry is deleted.
const corpus = loadCorpus();
const runs = new Map<string, Promise<ConfigurationRun>>();
const scanned = (configuration: CorpusConfiguration) => {
  let run = runs.get(configuration.name);
  if (run === undefined) runs.set(configuration.name, (run = scanConfiguration(configuration)));
  return run;
};

test('the corpus is not empty', () => {
  expect(corpus.length).toBeGreaterThan(0);
});

describe.each(corpus.map((configuration) => [configuration.name, configuration] as const))('%s', (_name, configuration) => {
  const gap = configuration.gap;

  test(gap?.loaderError === true ? 'still fails to load (known gap)' : 'loads without an error', async () => {
    const run = await scanned(configuration);
    if (gap?.loaderError === true) expect(run.loaderErrors).not.toEqual([]);
    else expect(run.loaderErrors).toEqual([]);
  });

  test(gap?.apisMissed === true ? 'still misses APIs (known gap)' : 'finds the APIs a reviewer counts', async () => {
    const run = await scanned(configuration);
    if (gap?.apisMissed === true) expect(run.apis).toBeLessThan(configuration.label.apis);
    else expect(run.apis).toBe(configuration.label.apis);
  });

  test('reports every expected finding (known gaps: still missing)', async () => {
    const keys = new Set((await scanned(configuration)).findings.map((finding) => finding.key));
    const missing = new Set(gap?.missing ?? []);
    expect(configuration.label.expected.filter((key) => !missing.has(key) && !keys.has(key))).toEqual([]);
    expect([...missing].filter((key) => keys.has(key))).toEqual([]);
  });

  test('reports no forbidden finding', async () => {
    const keys = (await scanned(configuration)).findings.map((finding) => finding.key);
    expect(keys.filter((key) => configuration.label.forbidden.some((entry) => forbids(entry, key)))).toEqual([]);
  });

  test('every finding has a verdict and every verdict a finding', async () => {
    const keys = (await scanned(configuration)).findings.map((finding) => finding.key);
    const verdicts = configuration.label.verdicts;
    expect(keys.filter((key) => verdicts[key] === undefined)).toEqual([]);
    expect(Object.keys(verdicts).filter((key) => !keys.includes(key))).toEqual([]);
  });
});
