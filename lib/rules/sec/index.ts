/** Security heuristics on response mappings and templates (SEC), keyed by id; the registry checks each key against its rule. */
export const securityRules = {};
