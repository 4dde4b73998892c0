import { randomUUID } from 'node:crypto';
import type { FakeReply, FakeRequest, ServiceHandler } from './server';

/** A message the fake accepted, as a subscriber with raw delivery would read it. */
export interface PublishedMessage {
  messageId: string;
  topicArn: string;
  subject: string | undefined;
  message: string;
  attributes: Record<string, { dataType: string; value: string }>;
  /** What SNS counts against its size limit: the message plus every attribute's parts. */
  bytes: number;
}

/** A failure the next Publish calls meet: 'throttle' (400 Throttled) or 'server-error' (500). */
export interface SnsFault {
  kind: 'throttle' | 'server-error';
  /** How many requests fail; every one when absent. */
  times?: number;
}

const MAX_MESSAGE_BYTES = 262_144;

/**
 * SNS Publish on the loopback fake, in SNS's query protocol: a form-encoded POST in, XML out.
 * It checks what SNS itself refuses (unknown topic, subject of 100 characters or more or with a
 * line break, message over 256 KB with its attributes, a malformed attribute) and records every
 * accepted message for the test to read.
 */
export class FakeSns implements ServiceHandler {
  readonly signingName = 'sns';
  readonly published: PublishedMessage[] = [];
  private fault: SnsFault | undefined;
  private readonly topics: Set<string>;

  constructor(topicArns: readonly string[]) {
    this.topics = new Set(topicArns);
  }

  /** Makes the next Publish requests fail (every attempt, retries included, counts). */
  failWith(fault: SnsFault | undefined): void {
    this.fault = fault === undefined ? undefined : { ...fault };
  }

  async handle(request: FakeRequest): Promise<FakeReply> {
    const form = new URLSearchParams(request.body);
    const action = form.get('Action') ?? 'Unknown';
    if (request.method !== 'POST' || action !== 'Publish') return error(action, 400, 'Sender', 'InvalidAction', `the fake serves only Publish, not ${action}`);
    const injected = this.takeFault();
    if (injected === 'throttle') return error(action, 400, 'Sender', 'Throttled', 'Rate exceeded');
    if (injected === 'server-error') return error(action, 500, 'Receiver', 'InternalError', 'The fake was told to fail');

    const topicArn = form.get('TopicArn') ?? '';
    if (!this.topics.has(topicArn)) return error(action, 404, 'Sender', 'NotFound', 'Topic does not exist');
    const subject = form.get('Subject') ?? undefined;
    if (subject !== undefined && (subject.length >= 100 || /[\r\n]/.test(subject) || subject.trim() === '')) {
      return error(action, 400, 'Sender', 'InvalidParameter', 'Invalid parameter: Subject');
    }
    const attributes = attributesOf(form);
    if (typeof attributes === 'string') return error(action, 400, 'Sender', 'ParameterValueInvalid', attributes);
    const message = form.get('Message') ?? '';
    const bytes = Buffer.byteLength(message) + Object.entries(attributes).reduce((sum, [name, { dataType, value }]) => sum + Buffer.byteLength(name + dataType + value), 0);
    if (bytes > MAX_MESSAGE_BYTES) return error(action, 400, 'Sender', 'InvalidParameter', 'Invalid parameter: Message too long');

    const messageId = randomUUID();
    this.published.push({ messageId, topicArn, subject, message, attributes, bytes });
    return {
      operation: action,
      status: 200,
      headers: { 'content-type': 'text/xml' },
      body: `<PublishResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/"><PublishResult><MessageId>${messageId}</MessageId></PublishResult><ResponseMetadata><RequestId>${randomUUID()}</RequestId></ResponseMetadata></PublishResponse>`,
    };
  }

  private takeFault(): SnsFault['kind'] | undefined {
    const fault = this.fault;
    if (fault === undefined) return undefined;
    if (fault.times !== undefined && --fault.times <= 0) this.fault = undefined;
    return fault.kind;
  }
}

/** `MessageAttributes.entry.N.{Name,Value.DataType,Value.StringValue}`, or what is wrong with them. */
function attributesOf(form: URLSearchParams): PublishedMessage['attributes'] | string {
  const attributes: PublishedMessage['attributes'] = {};
  for (let n = 1; form.has(`MessageAttributes.entry.${n}.Name`); n += 1) {
    const name = form.get(`MessageAttributes.entry.${n}.Name`) ?? '';
    const dataType = form.get(`MessageAttributes.entry.${n}.Value.DataType`) ?? '';
    const value = form.get(`MessageAttributes.entry.${n}.Value.StringValue`) ?? form.get(`MessageAttributes.entry.${n}.Value.BinaryValue`) ?? '';
    if (!/^(String|Number|Binary)(\..+)?$/.test(dataType)) return `The message attribute '${name}' has an invalid message attribute type`;
    if (value === '') return `The message attribute '${name}' must contain non-empty message attribute value`;
    attributes[name] = { dataType, value };
  }
  return attributes;
}

function error(operation: string, status: number, type: 'Sender' | 'Receiver', code: string, message: string): FakeReply {
  return {
    operation,
    status,
    headers: { 'content-type': 'text/xml' },
    body: `<ErrorResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/"><Error><Type>${type}</Type><Code>${code}</Code><Message>${escapeXml(message)}</Message></Error><RequestId>${randomUUID()}</RequestId></ErrorResponse>`,
  };
}

function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (char) => `&#${char.charCodeAt(0)};`);
}
