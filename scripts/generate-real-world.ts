// Writes docs/real-world.md from a scan of the real-world corpus (test/fixtures/real-world).
// test/real-world/report.test.ts fails when the committed file is not up to date.
import { writeFileSync } from 'node:fs';
import { loadCorpus } from '../lib/docs/real-world/corpus-files';
import { corpusReport } from '../lib/docs/real-world/corpus-report';
import { scanCorpus } from '../lib/docs/real-world/scan-corpus';

async function main(): Promise<void> {
  const runs = await scanCorpus(loadCorpus());
  writeFileSync('docs/real-world.md', corpusReport(runs));
  console.log(`wrote docs/real-world.md (${runs.length} configurations)`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
