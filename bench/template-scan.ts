import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scan } from '../lib/iac/scan';
import { RULES } from '../lib/rules';
import { count, seconds } from './format';
import { API_GROUPS, largeTemplate } from './large-template';
import { median } from './median';
import type { Verdict } from './targets';
import { answerParent } from './child-entry';

/** A generated 20 MB template scanned as YAML and as JSON: bench/large-template.ts. */
export interface TemplateScanResult {
  bytes: Record<Format, number>;
  runsSeconds: Record<Format, number[]>;
  medianSeconds: Record<Format, number>;
  apis: number;
  findings: number;
  peakRssMb: number;
}

type Format = 'yaml' | 'json';

const TEMPLATE_BYTES = 20_000_000;
const TARGET_SECONDS: Record<Format, number> = { yaml: 5, json: 1 };
const RUNS = 3;

/** Runs in a child process of its own (see run.ts), so its peak RSS is its own. */
export async function benchTemplateScan(): Promise<TemplateScanResult> {
  const dir = mkdtempSync(join(tmpdir(), 'apigw-audit-bench-'));
  const rules = RULES.map((rule) => ({ rule }));
  try {
    const result: TemplateScanResult = { bytes: { yaml: 0, json: 0 }, runsSeconds: { yaml: [], json: [] }, medianSeconds: { yaml: 0, json: 0 }, apis: 0, findings: 0, peakRssMb: 0 };
    for (const format of ['json', 'yaml'] as const) {
      const file = join(dir, `large.${format}`);
      writeFileSync(file, largeTemplate(format, TEMPLATE_BYTES));
      result.bytes[format] = statSync(file).size;
      for (let run = 0; run < RUNS; run++) {
        const start = process.hrtime.bigint();
        const scanned = await scan([file], rules, 'info');
        result.runsSeconds[format].push(Number(process.hrtime.bigint() - start) / 1e9);
        if (scanned.errors.length > 0) throw new Error(`the ${format} template did not scan: ${scanned.errors[0]!.message}`);
        result.apis = scanned.summary.apisAudited;
        result.findings = scanned.summary.findings;
      }
      result.medianSeconds[format] = median(result.runsSeconds[format]);
    }
    result.peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
    return result;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function templateScanVerdicts(result: TemplateScanResult, load: number | undefined): Verdict[] {
  return (['yaml', 'json'] as const).map((format) => ({
    figure: `Scan: a ${count(Math.round(result.bytes[format] / 1e6))} MB CloudFormation template as ${format.toUpperCase()}`,
    measured: seconds(result.medianSeconds[format]),
    target: `< ${TARGET_SECONDS[format]} s`,
    met: result.medianSeconds[format] < TARGET_SECONDS[format],
    reason: `runs took ${result.runsSeconds[format].map(seconds).join(', ')}; the load average was ${load} as the part ended`,
  }));
}

export function templateScanSection(result: TemplateScanResult): string[] {
  return [
    '## Scanning a large template',
    '',
    `bench/template-scan.ts generates one CloudFormation template of about 20 MB (bench/large-template.ts: ${count(API_GROUPS)} groups of API Gateway`,
    'resources with the functions they call, then Lambda functions with inline code and their roles up to the size, all in one Resources map)',
    `and runs \`apigw-audit scan\` on it, as YAML and as JSON, ${RUNS} times each, in a child process of its own. Each time is the whole scan: reading the`,
    'file, parsing, resolving the intrinsic functions, linking the resources and every rule.',
    '',
    '| format | size | runs | median | APIs | findings | peak RSS |',
    '|---|---|---|---|---|---|---|',
    ...(['yaml', 'json'] as const).map(
      (format) => `| ${format.toUpperCase()} | ${count(result.bytes[format])} bytes | ${result.runsSeconds[format].map(seconds).join(', ')} | ${seconds(result.medianSeconds[format])} | ${count(result.apis)} | ${count(result.findings)} | ${result.peakRssMb} MB (both formats) |`,
    ),
    '',
  ];
}

if (process.argv.includes('--child')) answerParent(benchTemplateScan);
