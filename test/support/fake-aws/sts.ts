import { randomUUID } from 'node:crypto';
import type { FakeReply, FakeRequest, ServiceHandler } from './server';

/**
 * STS AssumeRole on the loopback fake, in STS's query protocol (a form-encoded POST in, XML
 * out). The credentials it hands out name the account of the role (`ASIA` and the 12 digits),
 * so the fake API Gateway can tell accounts apart as AWS does by the caller's credentials.
 * Roles in `denied` accounts cannot be assumed: 403 AccessDenied, as IAM answers when the
 * trust policy does not let the caller in.
 */
export class FakeSts implements ServiceHandler {
  readonly signingName = 'sts';
  readonly assumed: string[] = [];

  constructor(private readonly denied: ReadonlySet<string> = new Set()) {}

  async handle(request: FakeRequest): Promise<FakeReply> {
    const form = new URLSearchParams(request.body);
    const action = form.get('Action') ?? 'Unknown';
    if (request.method !== 'POST' || action !== 'AssumeRole') return error(action, 400, 'InvalidAction', `the fake serves only AssumeRole, not ${action}`);
    const roleArn = form.get('RoleArn') ?? '';
    const session = form.get('RoleSessionName') ?? '';
    const account = /^arn:aws[a-z-]*:iam::(\d{12}):role\/[\w+=,.@-]{1,64}$/.exec(roleArn)?.[1];
    if (account === undefined) return error(action, 400, 'ValidationError', `1 validation error detected: Value '${roleArn}' at 'roleArn' failed to satisfy constraint`);
    if (!/^[\w+=,.@-]{2,64}$/.test(session)) return error(action, 400, 'ValidationError', `1 validation error detected: Value '${session}' at 'roleSessionName' failed to satisfy constraint`);
    if (this.denied.has(account)) {
      return error(action, 403, 'AccessDenied', `User: arn:aws:sts::000000000000:assumed-role/apigw-audit-dev-fleet/fleet is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`);
    }
    this.assumed.push(roleArn);
    const expiration = new Date(Date.now() + Number(form.get('DurationSeconds') ?? 3600) * 1000).toISOString();
    return {
      operation: action,
      status: 200,
      headers: { 'content-type': 'text/xml' },
      body:
        `<AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><AssumeRoleResult>` +
        `<Credentials><AccessKeyId>${memberAccessKeyId(account)}</AccessKeyId><SecretAccessKey>fake-secret</SecretAccessKey><SessionToken>fake-session-${randomUUID()}</SessionToken><Expiration>${expiration}</Expiration></Credentials>` +
        `<AssumedRoleUser><AssumedRoleId>AROAFAKE:${session}</AssumedRoleId><Arn>arn:aws:sts::${account}:assumed-role/${roleArn.split('/').pop() ?? ''}/${session}</Arn></AssumedRoleUser>` +
        `</AssumeRoleResult><ResponseMetadata><RequestId>${randomUUID()}</RequestId></ResponseMetadata></AssumeRoleResponse>`,
    };
  }
}

/** The access key id the fake hands out for a role of `account`. */
export function memberAccessKeyId(account: string): string {
  return `ASIA${account}`;
}

/** The account a request's credentials belong to: a member key's digits, else `fallback` (the caller's own). */
export function accountOfRequest(request: FakeRequest, fallback: string): string {
  const keyId = /Credential=([^/]+)\//.exec(String(request.headers.authorization ?? ''))?.[1] ?? '';
  return /^ASIA(\d{12})$/.exec(keyId)?.[1] ?? fallback;
}

function error(operation: string, status: number, code: string, message: string): FakeReply {
  return {
    operation,
    status,
    headers: { 'content-type': 'text/xml' },
    body: `<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type><Code>${code}</Code><Message>${message.replace(/[<>&'"]/g, (char) => `&#${char.charCodeAt(0)};`)}</Message></Error><RequestId>${randomUUID()}</RequestId></ErrorResponse>`,
  };
}
