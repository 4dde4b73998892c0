import { ListAccountsCommand, ListAccountsForParentCommand, ListOrganizationalUnitsForParentCommand, type Account, type OrganizationsClient } from '@aws-sdk/client-organizations';
import { MAX_PAGES, PagingError } from '../collect/paging';
import type { FleetAccounts } from './fleet-settings';

/**
 * The account ids a fleet run audits, sorted: the listed ids, and every ACTIVE account of the
 * organization or below the listed organizational units (nested units too). AWS
 * Organizations answers only in the management account or a delegated administrator.
 */
export async function resolveAccounts(accounts: FleetAccounts, organizations: () => OrganizationsClient): Promise<string[]> {
  if (accounts.kind === 'organization') return activeIds(await pages((NextToken) => organizations().send(new ListAccountsCommand({ NextToken })), (page) => page.Accounts));
  const ids = new Set(accounts.accountIds);
  const units = [...accounts.unitIds];
  // Breadth first over the unit tree; a unit is visited once even if listed twice.
  const seen = new Set<string>();
  for (let unit = units.shift(); unit !== undefined; unit = units.shift()) {
    if (seen.has(unit)) continue;
    seen.add(unit);
    const ParentId = unit;
    for (const id of activeIds(await pages((NextToken) => organizations().send(new ListAccountsForParentCommand({ ParentId, NextToken })), (page) => page.Accounts))) ids.add(id);
    const children = await pages((NextToken) => organizations().send(new ListOrganizationalUnitsForParentCommand({ ParentId, NextToken })), (page) => page.OrganizationalUnits);
    for (const child of children) if (child.Id !== undefined) units.push(child.Id);
  }
  return [...ids].sort();
}

/** Accounts that can be audited: ACTIVE (the newer `State`, or the older `Status` where State is absent). */
function activeIds(accounts: readonly Account[]): string[] {
  return accounts.flatMap((account) => ((account.State ?? account.Status) === 'ACTIVE' && account.Id !== undefined ? [account.Id] : []));
}

async function pages<Page extends { NextToken?: string | undefined }, Item>(fetch: (token: string | undefined) => Promise<Page>, itemsOf: (page: Page) => Item[] | undefined): Promise<Item[]> {
  const items: Item[] = [];
  let token: string | undefined;
  for (let count = 1; ; count += 1) {
    const page = await fetch(token);
    for (const item of itemsOf(page) ?? []) items.push(item);
    token = page.NextToken || undefined;
    if (token === undefined) return items;
    if (count >= MAX_PAGES) throw new PagingError(`AWS Organizations: the listing did not end after ${MAX_PAGES} pages; stopped`);
  }
}
