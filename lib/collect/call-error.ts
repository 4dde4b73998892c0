/** What the SDK attaches to every error of a call that reached the service (or tried to). */
interface CallMetadata {
  httpStatusCode?: number;
  attempts?: number;
}

/** The resource is gone: deleted between the call that listed it and the call that reads it. */
export function isNotFound(error: unknown): boolean {
  return nameOf(error) === 'NotFoundException' || metadataOf(error)?.httpStatusCode === 404;
}

/** How many HTTP attempts a call made, from the SDK's metadata; 1 when it does not say. */
export function attemptsOf(value: unknown): number {
  return metadataOf(value)?.attempts ?? 1;
}

/**
 * One line naming what went wrong, for an AuditError: the error's name, the HTTP status and
 * the service's message. A body the SDK could not parse arrives as a SyntaxError carrying the
 * response's metadata; it is named as such, because "SyntaxError" alone reads like a bug here.
 */
export function describeCallError(error: unknown): string {
  const metadata = metadataOf(error);
  const name = nameOf(error) ?? 'Error';
  const message = firstLine(error instanceof Error ? error.message : String(error));
  const status = metadata?.httpStatusCode === undefined ? '' : ` (HTTP ${metadata.httpStatusCode})`;
  const attempts = (metadata?.attempts ?? 1) > 1 ? `, after ${metadata?.attempts} attempts` : '';
  const what = name === 'SyntaxError' && metadata !== undefined ? 'unreadable response body' : name;
  return `${what}${status}: ${message}${credentialsHint(error)}${attempts}`;
}

/**
 * What to do when the SDK found no credentials at all, the first thing a user without a
 * profile meets: its own message ("Could not load credentials from any providers") does not say.
 */
export function credentialsHint(error: unknown): string {
  return nameOf(error) === 'CredentialsProviderError' ? ' (no AWS credentials found: set AWS_PROFILE, or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY)' : '';
}

function nameOf(error: unknown): string | undefined {
  return error instanceof Error ? error.name : undefined;
}

function metadataOf(value: unknown): CallMetadata | undefined {
  if (typeof value !== 'object' || value === null || !('$metadata' in value)) return undefined;
  const metadata = value.$metadata;
  return typeof metadata === 'object' && metadata !== null ? (metadata as CallMetadata) : undefined;
}

function firstLine(text: string): string {
  return text.split('\n', 1)[0] ?? text;
}
