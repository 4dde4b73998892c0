/**
 * The two patterns of a suppression entry and what they match. They are checked when the file
 * loads so that an entry never suppresses more than it says: a resource pattern always names
 * one resource or one API, never "everything" (silencing a rule everywhere is `--config`'s
 * job, `{"rules": {"IR014": "off"}}`, where it is visible as a configuration choice).
 */

/** A rule id or name, or a glob over them: letters, digits, "-" and "*". */
const RULE_PATTERN = /^[A-Za-z0-9*-]+$/;

/** The id of an API, integration, route or response: API Gateway's ids are letters and digits. */
const RESOURCE_ID = /^[A-Za-z0-9._-]+$/;

/**
 * `arn:PARTITION:apigateway:REGION::/apis/API_ID` and optionally `/...` below it. The API id
 * must be literal; partition, region and everything below the API may use "*".
 */
const ARN_PATTERN = /^arn:[^:]+:apigateway:[^:]*::\/apis\/([^/]+)(\/.*)?$/;

/** Why a rule pattern is refused, or undefined when it is well formed. */
export function rulePatternProblem(rule: string): string | undefined {
  if (!RULE_PATTERN.test(rule)) return 'must be a rule id or name, or a glob like "IR01*" (letters, digits, "-" and "*")';
  return undefined;
}

/** Why a resource pattern is refused, or undefined when it is well formed. */
export function resourcePatternProblem(resource: string): string | undefined {
  if (resource.startsWith('arn:')) {
    const apiId = ARN_PATTERN.exec(resource)?.[1];
    if (apiId === undefined) return 'an ARN pattern must look like arn:aws:apigateway:REGION::/apis/API_ID[/...]';
    if (apiId.includes('*')) return 'an ARN pattern must name one API: no "*" in the API id (list each API in its own entry)';
    return undefined;
  }
  if (resource.includes('*')) return '"*" is only allowed inside an ARN pattern that names one API; a suppression never covers every resource';
  if (!RESOURCE_ID.test(resource)) return 'must be the id of an API, integration, route or response, or an ARN pattern starting with "arn:"';
  return undefined;
}

export function matchesRule(pattern: string, ruleId: string, ruleName: string): boolean {
  const glob = globRegExp(pattern);
  return glob.test(ruleId) || glob.test(ruleName);
}

/**
 * An ARN pattern matches the whole ARN ("*" stands for any characters, "/" included). A bare
 * id matches a resource whose ARN has that id at an id position: the resource itself or one
 * it is inside (`/apis/{id}`, `/integrations/{id}`, `/routes/{id}`, `.../{id}`). A route
 * finding is not inside the integration the route targets, so an integration id does not
 * cover it.
 */
export function matchesResource(pattern: string, arn: string): boolean {
  if (pattern.startsWith('arn:')) return globRegExp(pattern).test(arn);
  return idsInArn(arn).includes(pattern);
}

/** The ids in an ARN's resource path: every second segment of `/apis/A/integrations/I/...`. */
function idsInArn(arn: string): string[] {
  const path = arn.slice(arn.indexOf('::/') + 3).split('/');
  return path.filter((_segment, index) => index % 2 === 1);
}

/** Each pattern is compiled once: a run matches every entry against every finding. Entries are few, so the cache stays small. */
const globCache = new Map<string, RegExp>();

function globRegExp(pattern: string): RegExp {
  let regExp = globCache.get(pattern);
  if (regExp === undefined) {
    const source = pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*');
    regExp = new RegExp(`^${source}$`);
    globCache.set(pattern, regExp);
  }
  return regExp;
}
