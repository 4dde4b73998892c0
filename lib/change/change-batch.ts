import { ChangeEventError, parseApiChange, type ApiChange } from './api-change';

/** One SQS message as the event source mapping delivers it (the fields used here). */
export interface QueueMessage {
  messageId: string;
  body: string;
}

/** The changes of one account and region in a batch: one audit of exactly these APIs. */
export interface ChangeGroup {
  accountId: string;
  region: string;
  /** Each API once, in the order the batch first names it. */
  apiIds: string[];
  /** Every change, oldest first: what the digest names. */
  changes: ApiChange[];
  /** The messages this group stands for: all of them fail or succeed with its audit. */
  messageIds: string[];
}

/** A message that is not a change event; it is reported as a batch item failure, so SQS keeps it (and moves it to the dead-letter queue). */
export interface RejectedMessage {
  messageId: string;
  reason: string;
}

export interface ChangeBatch {
  groups: ChangeGroup[];
  rejected: RejectedMessage[];
}

/**
 * The batch as audits: one group per account and region, each naming its APIs once however
 * many calls touched them (a deployment of 50 resources on 3 APIs is one audit of 3 APIs).
 */
export function groupChanges(messages: readonly QueueMessage[]): ChangeBatch {
  const groups = new Map<string, ChangeGroup & { named: Set<string> }>();
  const rejected: RejectedMessage[] = [];
  for (const { messageId, body } of messages) {
    let change: ApiChange;
    try {
      change = parseApiChange(JSON.parse(body));
    } catch (error) {
      const reason = error instanceof ChangeEventError ? error.message : `not JSON: ${error instanceof Error ? error.message : String(error)}`;
      rejected.push({ messageId, reason: `not an API Gateway V2 change event: ${reason}` });
      continue;
    }
    const key = `${change.accountId}/${change.region}`;
    let group = groups.get(key);
    if (group === undefined) {
      group = { accountId: change.accountId, region: change.region, apiIds: [], changes: [], messageIds: [], named: new Set() };
      groups.set(key, group);
    }
    if (!group.named.has(change.apiId)) {
      group.named.add(change.apiId);
      group.apiIds.push(change.apiId);
    }
    group.changes.push(change);
    group.messageIds.push(messageId);
  }
  const grouped = [...groups.values()].map(({ named, ...group }) => ({ ...group, changes: group.changes.sort((a, b) => a.eventTime.getTime() - b.eventTime.getTime()) }));
  return { groups: grouped, rejected };
}
