import { logsInsightsLink } from '../../lib/report/logs-insights-link';

/** Reverses the console's encoding: `$` to `%`, decode, unescape the structure, decode values. */
function decode(link: string): Record<string, string> {
  const fragment = decodeURIComponent(link.split('#logsV2:logs-insights')[1]!.replaceAll('$', '%'));
  const detail = decodeURIComponent(fragment.replace('?queryDetail=', ''));
  const value = (text: string) => decodeURIComponent(text.replace(/^'/, '').replaceAll('*', '%'));
  const body = detail.slice(2, -1);
  const source = /~source~\(~([^)]*)\)/.exec(body)![1]!;
  const pairs = body.replace(/~source~\(.*\)/, '').split('~');
  const result: Record<string, string> = { source: value(source) };
  for (let i = 0; i < pairs.length; i += 2) result[pairs[i]!] = value(pairs[i + 1]!);
  return result;
}

test('the link opens Logs Insights with the query, the log group and the time range', () => {
  const query = 'fields @timestamp, @message\n| filter function_request_id = "a-b" and kind in ["x", "y"] (~\'quoted\')';
  const link = logsInsightsLink({ region: 'eu-west-1', logGroup: '/aws/lambda/apigw-audit-dev-audit', query, start: new Date('2026-11-26T10:00:00Z'), end: new Date('2026-11-26T11:00:00Z') });
  expect(link).toMatch(/^https:\/\/eu-west-1\.console\.aws\.amazon\.com\/cloudwatch\/home\?region=eu-west-1#logsV2:logs-insights\$3FqueryDetail\$3D\$257E\$2528end\$257E\$2527/);
  expect(link).toMatch(/^[A-Za-z0-9:/.?=#$*\-_]+$/);
  expect(decode(link)).toEqual({
    end: '2026-11-26T11:00:00.000Z',
    start: '2026-11-26T10:00:00.000Z',
    timeType: 'ABSOLUTE',
    tz: 'UTC',
    editorString: query,
    isLiveTail: 'false',
    source: '/aws/lambda/apigw-audit-dev-audit',
  });
});

test('China and GovCloud regions use their own console', () => {
  const range = { logGroup: 'g', query: 'q', start: new Date(0), end: new Date(0) };
  expect(logsInsightsLink({ ...range, region: 'cn-north-1' })).toMatch(/^https:\/\/console\.amazonaws\.cn\//);
  expect(logsInsightsLink({ ...range, region: 'us-gov-west-1' })).toMatch(/^https:\/\/console\.amazonaws-us-gov\.com\//);
});
