import type { AwsSecurityFinding } from '@aws-sdk/client-securityhub';
import { asffProblems } from '../asff-check';
import type { FakeReply, FakeRequest, ServiceHandler } from './server';

/** A failure the next BatchImportFindings calls meet: Security Hub's two throttling errors (both 429). */
export interface SecurityHubFault {
  kind: 'TooManyRequestsException' | 'LimitExceededException';
  /** How many requests fail; every one when absent. */
  times?: number;
}

/** One BatchImportFindings call as the fake received it. */
export interface ImportCall {
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
 */
export class FakeSecurityHub implements ServiceHandler {
  readonly signingName = 'securityhub';
  readonly calls: ImportCall[] = [];
  /** The findings as Security Hub holds them now, by Id. */
  readonly findings = new Map<string, AwsSecurityFinding>();
  private fault: SecurityHubFault | undefined;

  failWith(fault: SecurityHubFault | undefined): void {
    this.fault = fault === undefined ? undefined : { ...fault };
  }

  reset(): void {
    this.calls.length = 0;
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
    this.calls.push({ findings });
    const failed: { Id: string; ErrorCode: string; ErrorMessage: string }[] = [];
    for (const finding of findings) {
      const problems = asffProblems(finding);
      if (problems.length > 0) failed.push({ Id: finding.Id ?? '', ErrorCode: 'InvalidInput', ErrorMessage: problems.join('; ') });
      else this.findings.set(finding.Id!, finding);
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

function error(operation: string, status: number, type: string, message: string): FakeReply {
  return { operation, status, headers: { 'x-amzn-errortype': type, 'content-type': 'application/json' }, body: JSON.stringify({ Message: message }) };
}
