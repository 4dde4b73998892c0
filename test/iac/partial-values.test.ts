import { evaluate } from '../../lib/engine/evaluate';
import { assemble } from '../../lib/iac/assemble';
import { readCloudFormation } from '../../lib/iac/cloudformation/read-template';
import { guardRules } from '../../lib/iac/unresolved-guard';
import { readKnownText, TOKEN_MARK, Unresolved } from '../../lib/model/unresolved';
import { IR102 } from '../../lib/rules/ir/IR102';

/**
 * A WebSocket API whose AWS integration, calling `uri`, has a status-like key. IR102 reports that
 * key only on Lambda, so whether it fires shows how much of the URI the rule could read.
 */
function template(uri: string, parameters = ''): string {
  return `
AWSTemplateFormatVersion: "2010-09-09"
${parameters}
Resources:
  Api: { Type: AWS::ApiGatewayV2::Api, Properties: { Name: ws, ProtocolType: WEBSOCKET, RouteSelectionExpression: $request.body.action } }
  Integration:
    Type: AWS::ApiGatewayV2::Integration
    Properties: { ApiId: !Ref Api, IntegrationType: AWS, IntegrationMethod: POST, IntegrationUri: ${uri.startsWith('!') ? uri : `!Sub "${uri}"`} }
  Response: { Type: AWS::ApiGatewayV2::IntegrationResponse, Properties: { ApiId: !Ref Api, IntegrationId: !Ref Integration, IntegrationResponseKey: "/4\\\\d\\\\d/" } }
  Route: { Type: AWS::ApiGatewayV2::Route, Properties: { ApiId: !Ref Api, RouteKey: put, Target: !Sub "integrations/\${Integration}", RouteResponseSelectionExpression: $default } }
  RouteResponse: { Type: AWS::ApiGatewayV2::RouteResponse, Properties: { ApiId: !Ref Api, RouteId: !Ref Route, RouteResponseKey: $default } }
`;
}

function ir102(uri: string, parameters?: string): { messages: string[]; withheld: number } {
  const { snapshot } = assemble(readCloudFormation(template(uri, parameters), 'template.yaml'));
  const stats = { withheld: 0 };
  const { findings } = evaluate(snapshot, guardRules([{ rule: IR102 }], stats));
  return { messages: findings.map((finding) => finding.message), withheld: stats.withheld };
}

describe('partial values: a string with unknown parts keeps its known parts', () => {
  test('Unresolved.text keeps known text, flattens nested partial values and is a plain string when all is known', () => {
    const region = new Unresolved('!Ref AWS::Region', true);
    const fn = new Unresolved('!GetAtt Fn.Arn');
    expect(Unresolved.text('all known', ['a', 'b'])).toBe('ab');
    const inner = Unresolved.text('inner', ['x:', region]);
    const outer = Unresolved.text('outer', [inner, ':y/', fn, '/z']);
    expect(outer).toBeInstanceOf(Unresolved);
    expect((outer as Unresolved).pieces).toEqual(['x:', region, ':y/', fn, '/z']);
    expect(readKnownText(outer)).toMatchObject({ text: `x:${TOKEN_MARK}:y/`, complete: false });
    expect(readKnownText(region)).toBeUndefined();
  });

  test('the known service of an AWS integration URI decides: DynamoDB behind ${AWS::Region} is not Lambda, so IR102 stays quiet and withholds nothing', () => {
    expect(ir102('arn:aws:apigateway:${AWS::Region}:dynamodb:action/PutItem')).toEqual({ messages: [], withheld: 0 });
  });

  test('Fn::Join keeps its known text too (the Serverless Framework writes integration URIs this way); a map in the list is unknown', () => {
    const uri = (service: string) => `!Join ["", ["arn:", !Ref AWS::Partition, ":apigateway:", !Ref AWS::Region, "${service}"]]`;
    expect(ir102(uri(':dynamodb:action/PutItem'))).toEqual({ messages: [], withheld: 0 });
    expect(ir102(uri(':lambda:path/2015-03-31/functions/arn:aws:lambda:eu-west-1:1:function:f/invocations')).messages).toEqual([expect.stringContaining('whose responses are matched on errorMessage')]);
    // The map is unknown where the service is written: never read as Lambda.
    expect(ir102('!Join ["", ["arn:aws:apigateway:eu-west-1:", {"a": 1}, ":action/PutItem"]]').messages).toEqual([]);
  });

  test('a Lambda URI whose function ARN is unknown is still Lambda', () => {
    const result = ir102('arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${Handler.Arn}/invocations', 'Transform: AWS::Serverless-2016-10-31');
    expect(result.messages).toEqual([expect.stringContaining('whose responses are matched on errorMessage')]);
  });

  test('an unknown part where the service is written is never guessed: IR102 does not take it for Lambda', () => {
    const parameters = 'Parameters: { Service: { Type: String } }';
    expect(ir102('arn:aws:apigateway:${AWS::Region}:${Service}:action/PutItem', parameters).messages).toEqual([]);
    // A parameter is not known to be one field: it could hold ":lambda:path/...", so the service is unknown too.
    expect(ir102('arn:aws:apigateway:${Service}:dynamodb:action/PutItem', parameters).messages).toEqual([]);
    expect(ir102('arn:aws:apigateway:${Service}:lambda:path/2015-03-31/functions/f/invocations', parameters).messages).toEqual([]);
  });
});
