import type { Command } from './command';

/** A command as the command list knows it before it is loaded. */
export interface CommandEntry {
  name: string;
  /** One line for the command list. */
  summary: string;
  /**
   * Loads the command's module on first use: `apigw-audit rules` then never parses the
   * collector, the IaC readers or the AWS SDK (the build puts each in its own chunk).
   */
  load: () => Promise<Command>;
}

/** Every command of `apigw-audit`; a new command is one module plus one entry here. */
export const COMMANDS: readonly CommandEntry[] = [
  { name: 'audit', summary: 'audit snapshot files (or a live account) and report findings', load: async () => (await import('./audit-command')).auditCommand },
  { name: 'scan', summary: 'audit CloudFormation/SAM/CDK templates and Terraform before they deploy', load: async () => (await import('./scan-command')).scanCommand },
  { name: 'snapshot', summary: 'save the APIs of a live account and region as a snapshot file', load: async () => (await import('./snapshot-command')).snapshotCommand },
  { name: 'rules', summary: 'list the rules and their metadata', load: async () => (await import('./rules-command')).rulesCommand },
];
