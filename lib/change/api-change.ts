import { REGION_PATTERN } from '../config/lambda-settings';

/**
 * One API Gateway V2 write call, as CloudTrail records it and EventBridge delivers it (detail
 * type "AWS API Call via CloudTrail"): what the change audit needs to know about it. The
 * stack's rule (serverless.yml, ChangeEventsRule) lets only V2 write calls through; this
 * parser checks the shape again, because the queue accepts whatever its policy lets in and a
 * message that does not fit must be named, not guessed at.
 */
export interface ApiChange {
  /** The CloudTrail event id, for finding the record in CloudTrail. */
  eventId: string;
  /** The call, e.g. `UpdateIntegrationResponse`. */
  eventName: string;
  /** When the call was made (CloudTrail's eventTime). */
  eventTime: Date;
  /**
   * Where the API lives: the account that received the call and its region. A forwarded event
   * from another account keeps them, so the audit reads that account, never the local one.
   */
  accountId: string;
  region: string;
  apiId: string;
  /** Who made the call (`userIdentity.arn`); absent for some service principals. */
  principal?: string;
}

/** A message that is not an API Gateway V2 change event, with why. */
export class ChangeEventError extends Error {
  override name = 'ChangeEventError';
}

const ACCOUNT_ID = /^\d{12}$/;
/** API ids are lower-case letters and digits (10 of them in practice), as the manual event accepts them. */
const API_ID = /^[a-z0-9]{1,64}$/;

/**
 * The change an EventBridge event (the body of one SQS message) describes. The API is named
 * by `requestParameters.apiId`, or, for CreateApi and ImportApi whose request has none yet, by
 * `responseElements.apiId`; the account and region by `recipientAccountId` and `awsRegion`
 * (falling back to the envelope's `account` and `region`).
 */
export function parseApiChange(event: unknown): ApiChange {
  const envelope = record(event, '(event)');
  if (envelope['detail-type'] !== 'AWS API Call via CloudTrail') throw new ChangeEventError(`detail-type: expected "AWS API Call via CloudTrail", got ${describe(envelope['detail-type'])}`);
  const detail = record(envelope['detail'], 'detail');
  if (detail['eventSource'] !== 'apigateway.amazonaws.com') throw new ChangeEventError(`detail.eventSource: expected "apigateway.amazonaws.com", got ${describe(detail['eventSource'])}`);
  const eventName = text(detail['eventName'], 'detail.eventName', /^[A-Za-z]{1,64}$/);
  const eventTime = new Date(text(detail['eventTime'], 'detail.eventTime', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/));
  if (Number.isNaN(eventTime.getTime())) throw new ChangeEventError(`detail.eventTime: not a date: ${describe(detail['eventTime'])}`);
  const request = optionalRecord(detail['requestParameters']);
  const response = optionalRecord(detail['responseElements']);
  const apiId = request?.['apiId'] ?? response?.['apiId'];
  const principal = optionalRecord(detail['userIdentity'])?.['arn'];
  return {
    eventId: text(detail['eventID'], 'detail.eventID', /^[\w-]{1,128}$/),
    eventName,
    eventTime,
    accountId: text(detail['recipientAccountId'] ?? envelope['account'], 'detail.recipientAccountId', ACCOUNT_ID),
    region: text(detail['awsRegion'] ?? envelope['region'], 'detail.awsRegion', REGION_PATTERN),
    apiId: text(apiId, 'detail.requestParameters.apiId (or responseElements.apiId)', API_ID),
    ...(typeof principal === 'string' && principal !== '' ? { principal } : {}),
  };
}

function record(value: unknown, field: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ChangeEventError(`${field}: expected an object, got ${describe(value)}`);
  return value as Record<string, unknown>;
}

function optionalRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

function text(value: unknown, field: string, shape: RegExp): string {
  if (typeof value !== 'string' || !shape.test(value)) throw new ChangeEventError(`${field}: ${value === undefined ? 'missing' : `unexpected value ${describe(value)}`}`);
  return value;
}

/** A value in an error message: JSON, cut short, so a hostile message cannot flood the log line. */
function describe(value: unknown): string {
  const json = JSON.stringify(value) ?? String(value);
  return json.length > 80 ? `${json.slice(0, 79)}…` : json;
}
