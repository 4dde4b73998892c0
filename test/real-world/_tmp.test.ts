import { loadCorpus } from '../../lib/docs/real-world/corpus-files';
import { scanCorpus } from '../../lib/docs/real-world/scan-corpus';
test('t', async () => {
  const runs = await scanCorpus(loadCorpus());
  for (const run of runs) {
    const keys = run.findings.map((f) => f.key);
    const v = run.configuration.label.verdicts;
    for (const k of keys) if (!v[k]) console.log('NEW', run.configuration.name, k);
    for (const [k, x] of Object.entries(v)) if (!keys.includes(k)) console.log('GONE', run.configuration.name, k, x.verdict, x.reason);
  }
}, 120000);
