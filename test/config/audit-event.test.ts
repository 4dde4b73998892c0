import { parseAuditEvent } from '../../lib/config/audit-event';

describe('the Lambda event', () => {
  test.each([
    ['an empty string (`serverless invoke local` without --data)', ''],
    ['null', null],
    ['nothing', undefined],
    ['{}', {}],
  ])('%s runs the deployed configuration', (_name, event) => {
    expect(parseAuditEvent(event)).toEqual({ trigger: 'manual' });
  });

  test('a string with content is still refused', () => {
    expect(() => parseAuditEvent('audit please')).toThrow('invalid event: (event): Invalid input: expected object, received string');
  });
});
