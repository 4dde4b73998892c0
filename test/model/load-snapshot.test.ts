import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSnapshotFile, parseSnapshot, SnapshotError } from '../../lib/model/load-snapshot';

const reject = (text: string) => {
  try {
    parseSnapshot(text, 'account.json');
  } catch (error) {
    expect(error).toBeInstanceOf(SnapshotError);
    return (error as Error).message;
  }
  throw new Error('expected the snapshot to be rejected');
};

describe('snapshot loader rejects a file whose skeleton does not fit, naming file and JSON path', () => {
  test.each([
    ['not JSON', '{"apis": [ }', 'account.json: not valid JSON'],
    ['empty file', '', 'account.json: the file is empty; a snapshot is a JSON object with an "apis" list'],
    ['a list at the top', '[]', 'account.json: expected an object with an "apis" list, found a list'],
    ['a string at the top', '"apis"', 'found string'],
    ['no apis', '{"region": "eu-west-1"}', 'account.json: $.apis: is required'],
    ['apis not a list', '{"apis": {}}', 'account.json: $.apis: must be a list of APIs'],
    ['an API that is not an object', '{"apis": [42]}', 'account.json: $.apis[0]:'],
    ['an API without ApiId', '{"apis": [{"Name": "x"}]}', 'account.json: $.apis[0].ApiId: is required'],
    ['a numeric ApiId', '{"apis": [{"ApiId": 7}]}', '$.apis[0].ApiId: must be a string id'],
    ['an empty ApiId', '{"apis": [{"ApiId": ""}]}', '$.apis[0].ApiId: must not be empty'],
    ['integrations not a list', '{"apis": [{"ApiId": "a", "integrations": {"IntegrationId": "i"}}]}', '$.apis[0].integrations:'],
    ['an integration without id', '{"apis": [{"ApiId": "a", "integrations": [{}]}]}', '$.apis[0].integrations[0].IntegrationId: is required'],
    ['integrationResponses not a list', '{"apis": [{"ApiId": "a", "integrations": [{"IntegrationId": "i", "integrationResponses": "x"}]}]}', '$.apis[0].integrations[0].integrationResponses:'],
    ['a response without id', '{"apis": [{"ApiId": "a", "integrations": [{"IntegrationId": "i", "integrationResponses": [{"IntegrationResponseKey": "$default"}]}]}]}', '$.apis[0].integrations[0].integrationResponses[0].IntegrationResponseId: is required'],
    ['a route without id', '{"apis": [{"ApiId": "a", "routes": [{"RouteKey": "$default"}]}]}', '$.apis[0].routes[0].RouteId: is required'],
    ['a route response id that is a number', '{"apis": [{"ApiId": "a", "routes": [{"RouteId": "r", "routeResponses": [{"RouteResponseId": 1}]}]}]}', '$.apis[0].routes[0].routeResponses[0].RouteResponseId: must be a string id'],
    ['a version other than 1', '{"version": 2, "apis": []}', '$.version:'],
    ['region not a string', '{"region": 1, "apis": []}', '$.region:'],
  ])('%s', (_name, text, expected) => {
    expect(reject(text)).toContain(expected);
  });

  test('camelCase ids get a hint about the AWS CLI spelling', () => {
    expect(reject('{"apis": [{"apiId": "a"}]}')).toContain('found "apiId"');
  });

  test('raw get-apis output is recognised', () => {
    expect(reject('{"Items": [{"ApiId": "a"}]}')).toContain('looks like raw `aws apigatewayv2 get-*` output');
  });

  test('a CloudFormation template is recognised', () => {
    expect(reject('{"AWSTemplateFormatVersion": "2010-09-09", "Resources": {}}')).toContain('CloudFormation template');
  });

  test('a missing file names the file', async () => {
    await expect(loadSnapshotFile('/nonexistent/account.json')).rejects.toThrow('/nonexistent/account.json: cannot read the file: no such file or folder (ENOENT)');
  });
});

describe('snapshot loader is tolerant inside resources', () => {
  test('absent and null child lists are empty', () => {
    const { snapshot } = parseSnapshot('{"apis": [{"ApiId": "a", "routes": null, "integrations": [{"IntegrationId": "i"}]}]}', 'f');
    expect(snapshot.apis[0]?.routes).toEqual([]);
    expect(snapshot.apis[0]?.integrations[0]?.integrationResponses).toEqual([]);
  });

  test('values AWS would refuse reach the rules unchanged', () => {
    const text = '{"apis": [{"ApiId": "a", "ProtocolType": "WEBSOCKET", "integrations": [{"IntegrationId": "i", "ResponseParameters": {"overwrite:header.x": "v"}, "integrationResponses": [{"IntegrationResponseId": "r", "ContentHandlingStrategy": 3, "ResponseTemplates": "not a map"}]}]}]}';
    const response = parseSnapshot(text, 'f').snapshot.apis[0]?.integrations[0]?.integrationResponses[0];
    expect(response?.ContentHandlingStrategy).toBe(3);
    expect(response?.ResponseTemplates).toBe('not a map');
  });

  test('unknown top-level keys are ignored and a byte-order mark is accepted', () => {
    const { snapshot, warnings } = parseSnapshot('\uFEFF{"apis": [], "exportedBy": "me"}', 'f');
    expect(snapshot.apis).toEqual([]);
    expect(warnings).toEqual([]);
  });

  test('a misspelt field inside a resource is loaded but warned about, with the likely name', () => {
    const { warnings } = parseSnapshot('{"apis": [{"ApiId": "a", "integrations": [{"IntegrationId": "i", "integration_type": "AWS"}]}]}', 'f');
    expect(warnings).toEqual([{ file: 'f', path: '$.apis[0].integrations[0].integration_type', message: expect.stringContaining('did you mean "IntegrationType"') }]);
  });

  test('the errors of the walk that wrote the file come back as collector errors naming the file', () => {
    const loaded = parseSnapshot('{"errors": [{"operation": "GetRoutes", "apiId": "a", "message": "AccessDeniedException (HTTP 403)"}, {"message": "GetApis failed"}], "apis": [{"ApiId": "b"}]}', 'f.json');
    expect(loaded.errors).toEqual([
      { source: 'collector', operation: 'GetRoutes', apiId: 'a', message: 'AccessDeniedException (HTTP 403)', file: 'f.json' },
      { source: 'collector', message: 'GetApis failed', file: 'f.json' },
    ]);
    expect(loaded.snapshot).toEqual({ apis: [{ ApiId: 'b', integrations: [], routes: [] }] });
    expect(parseSnapshot('{"apis": []}', 'f.json').errors).toEqual([]);
  });

  test.each([
    ['not a list', '{"errors": "x", "apis": []}', '$.errors: must be a list of what the walk could not read'],
    ['an error without a message', '{"errors": [{"operation": "GetApis"}], "apis": []}', '$.errors[0].message: is required'],
  ])('errors that do not fit are refused: %s', (_, text, message) => {
    expect(() => parseSnapshot(text, 'f.json')).toThrow(`f.json: ${message}`);
  });

  test.each([
    ['a newer format version says to upgrade', '{"version": 2, "apis": []}', '$.version: format version 2 is newer than this apigw-audit reads (1): upgrade apigw-audit'],
    ['a version as a string names the value', '{"version": "1", "apis": []}', '$.version: must be the number 1 (or left out); got "1"'],
  ])('%s', (_, text, message) => {
    expect(() => parseSnapshot(text, 'f.json')).toThrow(`f.json: ${message}`);
  });

  test('reads a file from disk', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'snap-')), 'a.json');
    writeFileSync(file, '{"apis": [{"ApiId": "a"}]}');
    expect((await loadSnapshotFile(file)).snapshot.apis).toHaveLength(1);
  });
});
