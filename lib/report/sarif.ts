import type { Location, Log, ReportingDescriptor, Result } from 'sarif';
import type { AuditResult } from '../engine/audit-result';
import type { ActiveRule } from '../engine/evaluate';
import type { Finding, SourceLocation } from '../model/finding';
import type { SnapshotPlace } from '../model/snapshot-places';
import type { Severity } from '../model/severity';
import packageJson from '../../package.json';
import { rulePageUrl } from './rule-page-url';
import { jsonPieces } from './json-pieces';

/**
 * GitHub code scanning's `security-severity` (a score 0.0-10.0, bucketed as critical > 9.0,
 * high 7.0-8.9, medium 4.0-6.9, low 0.1-3.9) for each of our severities. GitHub has no
 * "info" bucket; info findings score 1.0 and show as low.
 */
export const SECURITY_SEVERITY: Record<Severity, string> = { critical: '9.5', high: '8.0', medium: '5.5', low: '3.0', info: '1.0' };

/** SARIF result levels: critical and high fail a check run, medium and low warn, info is a note. */
const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { critical: 'error', high: 'error', medium: 'warning', low: 'warning', info: 'note' };

/** The key of our fingerprint in `partialFingerprints` (versioned, as SARIF recommends). */
export const FINGERPRINT_KEY = 'apigwAuditFinding/v1';

/**
 * SARIF 2.1.0 for GitHub code scanning (`github/codeql-action/upload-sarif`): one run whose
 * driver lists every rule with its descriptions, help and `security-severity`, and one result
 * per finding, located at the finding's file and line when it came from a template (files are
 * relative to the working directory, which in CI is the repository root). Errors that made the
 * scan incomplete are tool execution notifications, so the upload still shows them.
 */
export function formatSarif(result: AuditResult, rules: readonly ActiveRule[], placeOf: (finding: Finding) => SnapshotPlace | undefined = () => undefined): string[] {
  const index = new Map(rules.map(({ rule }, i) => [rule.meta.id, i]));
  const log: Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'apigw-audit',
            version: packageJson.version,
            semanticVersion: packageJson.version,
            rules: rules.map(descriptor),
          },
        },
        invocations: [
          {
            executionSuccessful: result.summary.complete,
            toolExecutionNotifications: result.errors.map((error) => ({
              level: 'error' as const,
              message: { text: error.message },
              ...(error.file === undefined ? {} : { locations: [{ physicalLocation: { artifactLocation: { uri: uriOf(error.file) } } }] }),
            })),
          },
        ],
        results: result.findings.map((finding) => toResult(finding, index.get(finding.ruleId), placeOf(finding))),
      },
    ],
  };
  // In pieces (json-pieces.ts): a million results do not fit in one string.
  return jsonPieces(log);
}

/**
 * A rule as this run configured it: a severity the configuration raised or lowered is the
 * one GitHub shows and sorts by (`security-severity`), not the catalog's default.
 */
function descriptor({ rule: { meta }, severityOverride }: ActiveRule): ReportingDescriptor {
  const severity = severityOverride ?? meta.severity;
  const page = rulePageUrl(meta.id);
  return {
    id: meta.id,
    name: meta.name,
    shortDescription: { text: meta.title },
    fullDescription: { text: meta.rationale },
    help: {
      text: `${meta.rationale}\n\nHow to fix: ${meta.remediation}\n\nSource: ${meta.source}`,
      markdown: `**${meta.title}**\n\n${meta.rationale}\n\n**How to fix:** ${meta.remediation}\n\nSource: <${meta.source}>. Rule page: [docs/rules/${meta.id}.md](${page}).`,
    },
    // Absolute, so the link works in the user's repository, not only in ours.
    helpUri: page,
    defaultConfiguration: { level: LEVEL[severity], enabled: meta.enabledByDefault !== false },
    properties: {
      'security-severity': SECURITY_SEVERITY[severity],
      kind: meta.kind,
      // certain and policy rules are exact about what they state; the others weigh evidence.
      precision: meta.kind === 'certain' || meta.kind === 'policy' ? 'very-high' : 'medium',
      // The kind is a tag; for SEC rules it is `security`, the tag GitHub files under security alerts.
      tags: ['apigateway', 'apigatewayv2', meta.kind],
    },
  };
}

function toResult(finding: Finding, ruleIndex: number | undefined, place: SnapshotPlace | undefined): Result {
  const logical = { fullyQualifiedName: finding.resource.logicalId ?? finding.resource.arn, kind: 'resource' };
  const location: Location = { ...physicalOf(finding, place), logicalLocations: [logical] };
  return {
    ruleId: finding.ruleId,
    ...(ruleIndex === undefined ? {} : { ruleIndex }),
    level: LEVEL[finding.severity],
    message: { text: finding.message },
    locations: [location],
    partialFingerprints: { [FINGERPRINT_KEY]: finding.fingerprint },
    properties: {
      severity: finding.severity,
      'security-severity': SECURITY_SEVERITY[finding.severity],
      kind: finding.ruleKind,
      resource: finding.resource.arn,
      path: finding.path,
      ...(place === undefined ? {} : { jsonPath: place.jsonPath }),
    },
  };
}

/**
 * A template's finding points at its line and column; a snapshot's at the file alone (GitHub
 * shows such an alert on the file), with the JSON path of the resource in the result's
 * properties: a snapshot is as often one line of JSON as not, so a line would say little.
 */
function physicalOf(finding: Finding, place: SnapshotPlace | undefined): Pick<Location, 'physicalLocation'> {
  if (finding.location !== undefined) return { physicalLocation: physical(finding.location) };
  return place === undefined ? {} : { physicalLocation: { artifactLocation: { uri: uriOf(place.file) } } };
}

function physical(location: SourceLocation): Location['physicalLocation'] {
  return { artifactLocation: { uri: uriOf(location.file) }, region: { startLine: location.line, startColumn: location.column } };
}

/** A relative path stays relative (GitHub resolves it from the repository root); an absolute one becomes a file URI. */
function uriOf(file: string): string {
  return file.startsWith('/') ? `file://${encodeURI(file)}` : encodeURI(file);
}
