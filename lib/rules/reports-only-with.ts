/**
 * The optional fields a rule may name in `meta.reportsOnlyWith`: the mapping fields most
 * integrations and integration responses leave out, and the only evidence of most of the rules
 * that check them. On the benchmark's account 60 % of integration responses have none of them,
 * and no integration has any; 25 of the 38 integration response checks and 23 of the 29
 * integration checks read nothing else.
 */
export const OPTIONAL_FIELDS = ['ResponseParameters', 'ResponseTemplates', 'TemplateSelectionExpression'] as const;

export type OptionalField = (typeof OPTIONAL_FIELDS)[number];

/**
 * Which optional fields a resource (an integration or an integration response) has, one bit per
 * field in OPTIONAL_FIELDS order: a number the engine indexes its lists of checks with. A field
 * counts as had when it is present at all, whatever its value (a null or an empty map is still
 * for the rules to judge).
 */
export function fieldsPresent(resource: Readonly<Record<string, unknown>>): number {
  let present = 0;
  for (let bit = 0; bit < OPTIONAL_FIELDS.length; bit++) {
    if (resource[OPTIONAL_FIELDS[bit]!] !== undefined) present |= 1 << bit;
  }
  return present;
}

/** Whether a check declared to report only with `fields` can report on a resource with the `present` fields. */
export function mayReport(fields: readonly OptionalField[] | undefined, present: number): boolean {
  return fields === undefined || fields.some((field) => (present & (1 << OPTIONAL_FIELDS.indexOf(field))) !== 0);
}
