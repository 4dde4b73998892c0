/**
 * How far a rule's finding can be trusted, the promise each kind makes (README, "Rules"):
 * - `certain`: AWS refuses the configuration, ignores it, or it fails at run time, by the
 *   documentation; a certain rule never fires on a valid configuration;
 * - `policy`: valid for AWS, but a convention a team enforces (IR014);
 * - `heuristic`: likely wrong; the message says what evidence made it fire;
 * - `security`: likely risky; the message says what evidence made it fire.
 * It lives in the model because every finding carries its rule's kind.
 */
export const RULE_KINDS = ['certain', 'policy', 'heuristic', 'security'] as const;

export type RuleKind = (typeof RULE_KINDS)[number];
