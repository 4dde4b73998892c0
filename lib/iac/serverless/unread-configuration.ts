import { dirname } from 'node:path';
import { show } from '../../rules/values';
import { displayPath } from '../display-path';
import { IacError } from '../iac-error';
import type { SourcePath } from '../positions';
import type { Position } from '../source-map';

/**
 * What a direct read of serverless.yml could not read, each an error naming the field: the scan
 * of the service is complete only when nothing that can create or change API Gateway V2
 * resources is among them.
 */
export class UnreadConfiguration {
  readonly errors: IacError[] = [];

  constructor(
    private readonly file: string,
    private readonly positionOf: (path: SourcePath) => Position | undefined,
  ) {}

  /** Configuration the framework would read but the scan cannot (a plugin, an include, a variable). */
  notRead(path: SourcePath, what: string): void {
    const dir = displayPath(dirname(this.file));
    this.add(path, `${what}, so the API Gateway V2 resources it may add or change were not read. Run \`npx serverless package\` in ${dir} and scan the template it writes`);
  }

  /** Configuration the framework refuses when it packages the service: there is nothing to deploy as written. */
  refused(path: SourcePath, what: string): void {
    this.add(path, `${what}; Serverless Framework refuses this when it packages the service, so its API Gateway V2 resources were not read`);
  }

  private add(path: SourcePath, detail: string): void {
    this.errors.push(new IacError(this.file, `${fieldName(path)}: ${detail}`, this.positionOf(path)));
  }
}

/** `functions.connect.events[0].httpApi`; a key that is not a plain name is quoted (never a raw control character). */
function fieldName(path: SourcePath): string {
  return path
    .map((segment, index) => {
      if (typeof segment === 'number') return `[${segment}]`;
      const name = /^[A-Za-z_$][\w$-]*$/.test(segment) ? segment : `[${show(segment)}]`;
      return index === 0 || name.startsWith('[') ? name : `.${name}`;
    })
    .join('');
}
