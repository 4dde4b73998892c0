import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

/**
 * The real-world corpus (test/fixtures/real-world): configurations copied verbatim from public
 * repositories, what a reviewer expects of each, and the gaps the readers still have. Three
 * files, each keyed by configuration (the folder name):
 * - SOURCES.json: where every file came from (repository, path, commit, licence) and its format;
 * - LABELS.json: the APIs a reviewer counts, the findings expected and forbidden, and a verdict
 *   (`real` or `noise`, with a reason) for every finding the scan reports;
 * - KNOWN-GAPS.json: what the scan still gets wrong on a configuration and which part of issue 13
 *   fixes it; the corpus test accepts exactly these failures and fails once one is fixed, so the
 *   entry gets deleted.
 */
export const FORMATS = ['cloudformation-yaml', 'cloudformation-json', 'sam', 'terraform', 'serverless', 'cdk-out', 'cdk-source'] as const;
export type Format = (typeof FORMATS)[number];

const sourceFile = z.strictObject({
  /** Its path in the configuration folder. */
  file: z.string().min(1),
  /** Its path in the repository. */
  source: z.string().min(1),
  commit: z.string().regex(/^[0-9a-f]{40}$/, 'a 40-digit commit'),
});

const source = z.strictObject({
  repository: z.string().regex(/^[\w.-]+\/[\w.-]+$/, 'owner/name'),
  licence: z.string().min(1),
  format: z.enum(FORMATS),
  /** What the configuration is and why it is in the corpus. */
  about: z.string().min(1),
  files: z.array(sourceFile).min(1),
});

const verdict = z.strictObject({ verdict: z.enum(['real', 'noise']), reason: z.string().min(1) });

const label = z.strictObject({
  /** APIs a reviewer counts in the configuration. */
  apis: z.number().int().min(0),
  /** Finding keys (see finding-key.ts) that must be reported. */
  expected: z.array(z.string()),
  /** Findings that must not be reported: a finding key, or its first fields (a rule id, or a rule id and resource). */
  forbidden: z.array(z.string()),
  /** A verdict for every finding key the scan reports. */
  verdicts: z.record(z.string(), verdict),
  /** Text a warning or error must contain: what the scan should say about what it cannot read here. */
  warning: z.string().min(1).optional(),
  /**
   * The scan cannot read all of this configuration (a CDK app without cdk.out, a Serverless
   * service without its packaged template, modules that are not there) and must say so with an
   * error, so the run is never a clean result.
   */
  incomplete: z.literal(true).optional(),
});

const gap = z.strictObject({
  configuration: z.string().min(1),
  /** What goes wrong today. */
  what: z.string().min(1),
  /** The part of issue 13 (and the branch) that fixes it. */
  fixedBy: z.string().min(1),
  /** The configuration cannot be read today (a loader error). */
  loaderError: z.boolean().optional(),
  /** Fewer APIs are found than the configuration defines. */
  apisMissed: z.boolean().optional(),
  /** A different number of APIs is found than the configuration defines (more or fewer). */
  apisMiscounted: z.boolean().optional(),
  /** Expected finding keys the scan does not report yet. */
  missing: z.array(z.string()).optional(),
  /** The label's warning is not given yet: the scan says nothing about what it could not read. */
  warningMissing: z.boolean().optional(),
});

export type SourceEntry = z.infer<typeof source>;
export type Label = z.infer<typeof label>;
export type Verdict = z.infer<typeof verdict>;
export type KnownGap = z.infer<typeof gap>;

export interface CorpusConfiguration {
  name: string;
  /** The configuration's folder. */
  dir: string;
  source: SourceEntry;
  label: Label;
  gap?: KnownGap;
}

export const CORPUS_ROOT = 'test/fixtures/real-world';

/**
 * Reads and cross-checks the three files: every configuration has a source and a label, every
 * gap names a configuration. A problem is an error naming the file and the entry.
 */
export function loadCorpus(root: string = CORPUS_ROOT): CorpusConfiguration[] {
  const sources = read(root, 'SOURCES.json', z.record(z.string(), source));
  const labels = read(root, 'LABELS.json', z.record(z.string(), label));
  const gaps = read(root, 'KNOWN-GAPS.json', z.array(gap));
  const gapsByName = new Map<string, KnownGap>();
  for (const entry of gaps) {
    if (!(entry.configuration in sources)) throw new Error(`${join(root, 'KNOWN-GAPS.json')}: ${entry.configuration} is not a configuration of SOURCES.json`);
    if (gapsByName.has(entry.configuration)) throw new Error(`${join(root, 'KNOWN-GAPS.json')}: ${entry.configuration} is listed twice`);
    gapsByName.set(entry.configuration, entry);
  }
  for (const name of Object.keys(labels)) {
    if (!(name in sources)) throw new Error(`${join(root, 'LABELS.json')}: ${name} is not a configuration of SOURCES.json`);
  }
  return Object.entries(sources)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, entry]) => {
      const entryLabel = labels[name];
      if (entryLabel === undefined) throw new Error(`${join(root, 'LABELS.json')}: ${name} has no entry`);
      const entryGap = gapsByName.get(name);
      return { name, dir: join(root, name), source: entry, label: entryLabel, ...(entryGap === undefined ? {} : { gap: entryGap }) };
    });
}

function read<T>(root: string, file: string, schema: z.ZodType<T>): T {
  const path = join(root, file);
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const result = schema.safeParse(parsed);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new Error(`${path}: ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`);
}
