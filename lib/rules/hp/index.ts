/** HTTP API response mapping and integration rules (HP), keyed by id; the registry checks each key against its rule. */
export const httpApiRules = {};
