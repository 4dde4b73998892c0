import { repository } from '../../package.json';

/**
 * The absolute address of a rule's page (docs/rules/ID.md) in the package's repository, as
 * package.json names it: SARIF help links and reports are read in the user's repository, where
 * a relative docs/ path leads nowhere. The pages are generated for every release, so the
 * default branch has the page of every rule the package ships.
 */
export function rulePageUrl(ruleId: string): string {
  const base = repository.url.replace(/^git\+/, '').replace(/\.git$/, '');
  return `${base}/blob/main/docs/rules/${ruleId}.md`;
}
