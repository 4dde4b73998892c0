import { simulateFleet, type FleetSimulation } from '../support/fleet-simulation';

/**
 * A small fleet through the packaged state machine (the 100 accounts × 5 regions run is
 * `npm run bench`): 9 accounts × 3 regions of varied sizes, one account-region that needs
 * three walk invocations (a 90 s walk function here, so it needs fewer calls: 1,323), one account
 * whose member role cannot be assumed, one region not enabled.
 */
let run: FleetSimulation;
beforeAll(async () => {
  run = await simulateFleet({ members: 8, regions: ['eu-west-1', 'us-east-1', 'ap-southeast-3'], timeScale: 10, maxConcurrency: 6, lambdaTimeoutSeconds: 90, previousRun: false, large: { apis: 60, integrationsPerApi: 10, routesPerApi: 10 } });
}, 120_000);

const key = (place: { accountId: string; region: string }) => `${place.accountId}/${place.region}`;

test('every account-region that can be read is read completely, with the minimal calls', () => {
  const readable = run.places.filter((place) => place.snapshot !== undefined && place.accountId !== run.denied);
  expect(readable.length).toBe(27 - 3 - 1);
  for (const place of readable) {
    const outcome = run.outcomes.get(key(place));
    expect({ place: key(place), status: outcome?.status, apis: outcome?.apisAudited }).toEqual({ place: key(place), status: 'audited', apis: place.snapshot?.apis.length });
    expect({ place: key(place), calls: outcome?.calls }).toEqual({ place: key(place), calls: run.minimal.get(key(place)) });
    expect({ place: key(place), answered: run.answered.get(key(place)) ?? 0 }).toEqual({ place: key(place), answered: run.minimal.get(key(place)) });
    // The next run starts the largest first: it knows each size from this one.
    expect(run.walkSizes[key(place)]).toBe(run.minimal.get(key(place)));
  }
});

test('the large account-region took three walk invocations and lost nothing', () => {
  const outcome = run.outcomes.get(key(run.large));
  expect(outcome).toMatchObject({ status: 'audited', apisAudited: 60, calls: run.minimal.get(key(run.large)) });
  // An invocation starts APIs for 36 s at 10/s (400 calls with the burst) and finishes the 8 in
  // flight (at most 176 more): 1,323 calls need at least three, however fast the machine is.
  expect(outcome?.walkInvocations).toBeGreaterThanOrEqual(3);
});

test('the account whose role cannot be assumed and the region not enabled are not audited, and say why', () => {
  for (const region of ['eu-west-1', 'us-east-1', 'ap-southeast-3']) {
    const outcome = run.outcomes.get(`${run.denied}/${region}`);
    expect(outcome).toMatchObject({ status: 'failed', apisAudited: 0 });
    expect(outcome?.reason).toMatch(new RegExp(`^AssumeRoleError: cannot assume arn:aws:iam::${run.denied}:role/apigw-audit-member: .*not authorized to perform: sts:AssumeRole`));
  }
  const disabled = run.outcomes.get(key(run.disabled));
  expect(disabled).toMatchObject({ status: 'failed', apisAudited: 0 });
  expect(disabled?.reason).toContain('The security token included in the request is invalid');
  expect(run.summary).toMatchObject({ accountRegions: 27, audited: 23, incomplete: 0, failed: 4, calls: [...run.outcomes.values()].reduce((sum, outcome) => sum + outcome.calls, 0) });
});

test('one digest for the whole run, grouped by account and region, naming what was not audited and why', () => {
  expect(run.summary.digest).toBe('published');
  expect(run.digest.length).toBe(run.summary.digestParts);
  const text = run.digest.map((part) => part.message).join('\n');
  expect(text).toContain('27 account-regions in 9 accounts: 23 audited completely, 0 incomplete, 4 not audited.');
  expect(text).toContain(`== NOT AUDITED ==\n\n${run.denied} eu-west-1\n\nAssumeRoleError: cannot assume`);
  expect(text).toContain(`${key(run.disabled).replace('/', ' ')}\n\n`);
  // The first tracked run of each account-region is its baseline; headings name the account and region.
  expect(text).toMatch(new RegExp(`== ${run.large.accountId} eu-west-1: [A-Z]+ ==`));
  expect(run.digest[0]?.subject).toMatch(/^apigw-audit fleet: .* \| 9 accounts \| INCOMPLETE$/);
});

test('per-item log lines carry the account and region; the run summary covers the fleet', () => {
  const items = run.lines.filter((line) => line['kind'] === 'fleet-item');
  expect(items).toHaveLength(27);
  for (const line of items) expect(line).toMatchObject({ accountId: expect.stringMatching(/^\d{12}$/), region: expect.any(String), status: expect.any(String) });
  expect(run.lines.filter((line) => line['kind'] === 'fleet-summary')).toEqual([expect.objectContaining({ accountRegions: 27, audited: 23, failed: 4 })]);
  expect(run.lines.filter((line) => line['kind'] === 'fleet-item-not-audited')).toHaveLength(4);
});
