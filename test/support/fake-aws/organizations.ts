import type { FakeReply, FakeRequest, ServiceHandler } from './server';

/** An organization as the fake serves it: units by parent (a root `r-...` or a unit), accounts by parent. */
export interface FakeOrganization {
  units: Record<string, string[]>;
  accounts: Record<string, { Id: string; State: 'ACTIVE' | 'SUSPENDED' | 'PENDING_CLOSURE' | 'CLOSED' }[]>;
}

/**
 * AWS Organizations' listing calls on the loopback fake, in its awsJson1_1 protocol (a POST with
 * `X-Amz-Target: AWSOrganizationsV20161128.ListAccounts`, JSON in and out), paged `pageSize` at a
 * time with NextToken as the SDK expects.
 */
export class FakeOrganizations implements ServiceHandler {
  readonly signingName = 'organizations';

  constructor(
    private readonly organization: FakeOrganization,
    private readonly pageSize = 2,
  ) {}

  async handle(request: FakeRequest): Promise<FakeReply> {
    const operation = String(request.headers['x-amz-target'] ?? '').replace('AWSOrganizationsV20161128.', '');
    const input = JSON.parse(request.body || '{}') as { ParentId?: string; NextToken?: string };
    switch (operation) {
      case 'ListAccounts':
        return this.page(operation, 'Accounts', Object.values(this.organization.accounts).flat(), input.NextToken);
      case 'ListAccountsForParent':
        return this.page(operation, 'Accounts', this.organization.accounts[input.ParentId ?? ''] ?? [], input.NextToken);
      case 'ListOrganizationalUnitsForParent':
        return this.page(operation, 'OrganizationalUnits', (this.organization.units[input.ParentId ?? ''] ?? []).map((Id) => ({ Id })), input.NextToken);
      default:
        return { operation, status: 400, headers: { 'content-type': 'application/x-amz-json-1.1' }, body: JSON.stringify({ __type: 'UnknownOperationException', message: `the fake serves no ${operation}` }) };
    }
  }

  private page(operation: string, field: string, items: readonly unknown[], token: string | undefined): FakeReply {
    const start = token === undefined ? 0 : Number(token);
    const end = start + this.pageSize;
    const body: Record<string, unknown> = { [field]: items.slice(start, end) };
    if (end < items.length) body['NextToken'] = String(end);
    return { operation, status: 200, headers: { 'content-type': 'application/x-amz-json-1.1' }, body: JSON.stringify(body) };
  }
}
