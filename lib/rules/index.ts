import { httpApiRules } from './hp';
import { integrationResponseRules } from './ir';
import { createRegistry } from './registry';
import { routeResponseRules } from './rr';
import { securityRules } from './sec';
import { webSocketApiRules } from './ws';

/**
 * Every rule the auditor ships, validated when this module loads. A new rule is one file in
 * its family's folder plus one line in that folder's index.ts.
 */
export const RULES = createRegistry({
  ...integrationResponseRules,
  ...routeResponseRules,
  ...httpApiRules,
  ...webSocketApiRules,
  ...securityRules,
});
