import { existsSync, readFileSync } from 'node:fs';
import { loadCorpus } from '../../lib/docs/real-world/corpus-files';
import { causeOf, corpusReport } from '../../lib/docs/real-world/corpus-report';
import { scanCorpus } from '../../lib/docs/real-world/scan-corpus';

test('docs/real-world.md is committed and up to date (run `npm run docs`)', async () => {
  const committed = existsSync('docs/real-world.md') ? readFileSync('docs/real-world.md', 'utf8') : undefined;
  expect(committed).toBe(corpusReport(await scanCorpus(loadCorpus())));
});

test.each([
  ['!GetAtt Fn.Arn (known when deployed)', 'known when deployed'],
  ['!Sub "x${AWS::Region}": !Ref AWS::Region (a pseudo parameter, known when deployed)', 'a pseudo parameter, known when deployed'],
  ['var.name (a variable without a default)', 'a variable without a default'],
  ['!Join [a, b]', '!Join'],
])('the cause of "%s" is "%s"', (reason, cause) => {
  expect(causeOf(reason)).toBe(cause);
});
