import type { AwsSecurityFinding } from '@aws-sdk/client-securityhub';
import { asffProblems } from '../asff-check';
import type { FakeReply, FakeRequest, ServiceHandler } from './server';
import { accountOfRequest } from './sts';

/** A failure the next BatchImportFindings calls meet: Security Hub's two throttling errors (both 429). */
export interface SecurityHubFault {
  kind: 'TooManyRequestsException' | 'LimitExceededException';
  /** How many requests fail; every one when absent. */
  times?: number;
}

/** One BatchImportFindings call as the fake received it: the account whose credentials signed it, and its findings. */
export interface ImportCall {
  account: string;
  findings: AwsSecurityFinding[];
}

/**
 * Security Hub's BatchImportFindings on the loopback fake, in its restJson1 wire format:
 * `POST /findings/import` with `{"Findings": [...]}`, answered `{"FailedCount", "SuccessCount",
 * "FailedFindings": [{"Id", "ErrorCode", "ErrorMessage"}]}`; errors as a status with
 * `x-amzn-errortype` and a JSON `Message`. Like the service, it refuses a call of more than 100
 * findings, and refuses (in FailedFindings) a finding that is not valid ASFF or whose product
 * is not the default product of its own account. Accepted findings are kept by product and Id,
 * the latest import of each replacing the one before, as Security Hub updates a finding.
 *
 * The account rule: with the default product, the caller's account must be the finding's
 * AwsAccountId (the BatchImportFindings reference) and its ProductArn's; otherwise the service
 * answers the whole call 403 AccessDeniedException, "not authorized to perform:
 * securityhub:BatchImportFindings on resource: <ProductArn>" (what Prowler met importing
 * another account's findings, and AWS Support confirmed). The caller's account comes from the
 * credentials, as FleetApiGateway tells them apart: a FakeSts member key names its account,
 * any other key is `ownAccount` (the tests' default credentials).
 */
export class FakeSecurityHub implements ServiceHandler {
  readonly signingName = 'securityhub';
  /** The calls let in, and those refused by the account rule. */
  readonly calls: ImportCall[] = [];
  readonly refused: ImportCall[] = [];
  /** The findings as Security Hub holds them now, by product ARN and Id (two accounts' findings may share an Id). */
  readonly findings = new Map<string, AwsSecurityFinding>();
  private fault: SecurityHubFault | undefined;

  constructor(private readonly ownAccount: string) {}

  failWith(fault: SecurityHubFault | undefined): void {
    this.fault = fault === undefined ? undefined : { ...fault };
  }

  reset(): void {
    this.calls.length = 0;
    this.refused.length = 0;
    this.findings.clear();
    this.fault = undefined;
  }

  async handle(request: FakeRequest): Promise<FakeReply> {
    const operation = 'BatchImportFindings';
    if (request.method !== 'POST' || request.path !== '/findings/import') return error(operation, 404, 'ResourceNotFoundException', `the fake serves only POST /findings/import, not ${request.method} ${request.path}`);
    const fault = this.takeFault();
    if (fault !== undefined) return error(operation, 429, fault, 'Rate exceeded');
    let body: { Findings?: AwsSecurityFinding[] };
    try {
      body = JSON.parse(request.body) as typeof body;
    } catch {
      return error(operation, 400, 'InvalidInputException', 'the body is not JSON');
    }
    const findings = body.Findings ?? [];
    if (findings.length < 1 || findings.length > 100) return error(operation, 400, 'InvalidInputException', `Findings must hold 1 to 100 findings, got ${findings.length}`);
    const account = accountOfRequest(request, this.ownAccount);
    // A finding without an account is not valid ASFF: refused on its own below, not by this rule.
    const foreign = findings.find((finding) => (finding.AwsAccountId !== undefined && finding.AwsAccountId !== account) || productAccountsOf(finding.ProductArn).some((owner) => owner !== account));
    if (foreign !== undefined) {
      this.refused.push({ account, findings });
      return error(operation, 403, 'AccessDeniedException', `User of account ${account} is not authorized to perform: securityhub:BatchImportFindings on resource: ${foreign.ProductArn ?? '(no ProductArn)'}`);
    }
    this.calls.push({ account, findings });
    const failed: { Id: string; ErrorCode: string; ErrorMessage: string }[] = [];
    for (const finding of findings) {
      const problems = asffProblems(finding);
      if (problems.length > 0) failed.push({ Id: finding.Id ?? '', ErrorCode: 'InvalidInput', ErrorMessage: problems.join('; ') });
      else this.findings.set(`${finding.ProductArn} ${finding.Id}`, finding);
    }
    return { operation, status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ FailedCount: failed.length, SuccessCount: findings.length - failed.length, FailedFindings: failed }) };
  }

  private takeFault(): SecurityHubFault['kind'] | undefined {
    const fault = this.fault;
    if (fault === undefined) return undefined;
    if (fault.times !== undefined) {
      fault.times -= 1;
      if (fault.times <= 0) this.fault = undefined;
    }
    return fault.kind;
  }
}

/** The accounts a default product ARN names (`arn:…:securityhub:REGION:ACCOUNT:product/ACCOUNT/default`); none for another shape, which the ASFF check refuses. */
function productAccountsOf(productArn: string | undefined): string[] {
  const match = /^arn:[\w-]+:securityhub:[\w-]*:(\d*):product\/([^/]+)\/default$/.exec(productArn ?? '');
  return match === null ? [] : [match[1] ?? '', match[2] ?? ''];
}

function error(operation: string, status: number, type: string, message: string): FakeReply {
  return { operation, status, headers: { 'x-amzn-errortype': type, 'content-type': 'application/json' }, body: JSON.stringify({ Message: message }) };
}
