import { PublishCommand, type SNSClient } from '@aws-sdk/client-sns';
import type { DigestPart } from '../report/digest';

/** A digest part SNS did not take even after the SDK's retries. */
export class AlertError extends Error {
  override name = 'AlertError';

  constructor(
    message: string,
    /** The message ids of the parts SNS did take, in order. */
    readonly delivered: string[],
    options: { cause: unknown },
  ) {
    super(message, options);
  }
}

/**
 * Publishes the parts in order, each as a String-structured message (attributes are only sent
 * with that structure). The SDK retries throttling and 5xx; a part that still fails stops the
 * run with an AlertError, so the invocation fails and its alarm fires: the findings are
 * already in CloudWatch Logs by then, so nothing is lost.
 */
export async function publishDigest(client: SNSClient, topicArn: string, parts: readonly DigestPart[]): Promise<string[]> {
  const delivered: string[] = [];
  for (const [index, part] of parts.entries()) {
    try {
      const { MessageId } = await client.send(
        new PublishCommand({
          TopicArn: topicArn,
          Subject: part.subject,
          Message: part.message,
          MessageAttributes: Object.fromEntries(Object.entries(part.attributes).map(([name, value]) => [name, { DataType: 'String', StringValue: value }])),
        }),
      );
      delivered.push(MessageId ?? '');
    } catch (error) {
      const what = parts.length > 1 ? `part ${index + 1} of ${parts.length} of the digest` : 'the digest';
      throw new AlertError(`SNS did not take ${what} (topic ${topicArn}): ${(error as Error).name}: ${(error as Error).message}`, delivered, { cause: error });
    }
  }
  return delivered;
}
