// Writes docs/real-world.md and docs/rule-precision.json (each rule's findings and verdicts, which
// the rule pages show) from a scan of the real-world corpus (test/fixtures/real-world).
// test/real-world/corpus.test.ts fails when the committed files are not up to date.
import { writeFileSync } from 'node:fs';
import { loadCorpus } from '../lib/docs/real-world/corpus-files';
import { corpusReport } from '../lib/docs/real-world/corpus-report';
import { measurePrecision, precisionFileText } from '../lib/docs/real-world/measure-precision';
import { RULE_PRECISION_FILE } from '../lib/docs/rule-precision';
import { RULES } from '../lib/rules';
import { scanCorpus } from '../lib/docs/real-world/scan-corpus';

async function main(): Promise<void> {
  const runs = await scanCorpus(loadCorpus());
  writeFileSync('docs/real-world.md', corpusReport(runs));
  writeFileSync(RULE_PRECISION_FILE, precisionFileText(measurePrecision(runs, RULES)));
  console.log(`wrote docs/real-world.md and ${RULE_PRECISION_FILE} (${runs.length} configurations)`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
