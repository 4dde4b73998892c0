import * as z from 'zod';
import { ConfigError } from '../config/audit-config';
import { readInputFile } from '../config/read-input-file';

/** Only the fingerprints of a `--format json` report matter; its other fields may change freely. */
const reportSchema = z.looseObject({
  findings: z.array(z.looseObject({ fingerprint: z.string().min(1) }), { error: (issue) => (issue.input === undefined ? 'is required' : 'must be a list of findings') }),
});

/**
 * Reads `--baseline FILE`: an earlier `apigw-audit audit --format json` report. Findings whose
 * fingerprint it lists are known and accepted, as with Checkov's `--baseline`; a fingerprint
 * does not change while the problem stays, so only problems that appeared since are reported.
 */
export async function loadBaselineFile(file: string): Promise<Set<string>> {
  const text = await readInputFile(file);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`${file}: not valid JSON (a baseline is the output of \`apigw-audit audit --format json\`): ${(error as Error).message}`);
  }
  const result = reportSchema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue?.path.length ? issue.path.map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`)).join('').replace(/^\./, '') : '(top level)';
    throw new ConfigError(`${file}: ${where}: ${issue?.message ?? 'does not fit'} (a baseline is the output of \`apigw-audit audit --format json\`)`);
  }
  return new Set(result.data.findings.map((finding) => finding.fingerprint));
}
