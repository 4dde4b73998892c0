/** The parts of a packaged CloudFormation template the stack tests read. */
export type Json = Record<string, unknown>;

export interface Resource {
  Type: string;
  Condition?: string;
  Properties: Json;
}

export interface Statement {
  Sid?: string;
  Effect: string;
  Principal?: unknown;
  Action: string | string[];
  Resource: unknown;
  Condition?: Json;
}
