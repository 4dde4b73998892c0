import fc from 'fast-check';
import { sortFindings } from '../../lib/engine/sort-findings';
import type { Finding } from '../../lib/model/finding';
import { SEVERITIES, severityRank } from '../../lib/model/severity';

/** The order as docs/design.md states it, as one sort of the whole list: what sortFindings must equal. */
const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const statedOrder = (a: Finding, b: Finding): number =>
  compare(a.resource.region ?? '', b.resource.region ?? '') ||
  compare(a.resource.apiId, b.resource.apiId) ||
  severityRank(a.severity) - severityRank(b.severity) ||
  compare(a.ruleId, b.ruleId) ||
  compare(a.resource.arn, b.resource.arn) ||
  compare(a.path, b.path);

// Few distinct values, so ties at every level (and exact duplicates) are common.
const pick = (...values: string[]) => fc.constantFrom(...values);
const finding = fc.record({
  region: fc.option(pick('eu-west-1', 'us-east-1', ''), { nil: undefined }),
  apiId: pick('a', 'b', 'B', 'a1'),
  severity: fc.constantFrom(...SEVERITIES),
  ruleId: pick('IR001', 'IR014', 'SEC004'),
  arn: pick('arn:1', 'arn:2'),
  path: pick('', 'Name', 'Key'),
  id: fc.nat(),
});

test('findings come out in the stated order, ties in their input order, whatever the input', () => {
  fc.assert(
    fc.property(fc.array(finding, { maxLength: 60 }), (drawn) => {
      const findings = drawn.map(
        ({ region, apiId, severity, ruleId, arn, path, id }) =>
          ({ ruleId, severity, path, message: String(id), resource: { type: 'Api', arn, apiId, ...(region === undefined ? {} : { region }) } }) as unknown as Finding,
      );
      expect(sortFindings(findings)).toEqual([...findings].sort(statedOrder));
    }),
    { numRuns: 300 },
  );
});
