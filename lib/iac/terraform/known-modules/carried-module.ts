import { admitsOnlyBetween, type Version } from '../version-constraint';
import { APIGATEWAY_V2_FILES } from './apigateway-v2-files';

/** A registry module whose code the scanner carries, for the module calls it can stand for. */
export interface CarriedModule {
  /** How messages name the copy: the module and the release it was copied from. */
  name: string;
  /** The module's files by name, verbatim. */
  files: Readonly<Record<string, string>>;
}

/**
 * terraform-aws-modules/apigateway-v2, the most used API Gateway V2 module. Its copy is v6.1.0;
 * from v5.1.1 to v6.1.0 the module builds the API, its routes, route responses, integrations and
 * integration responses from its inputs the same way (checked release by release against the
 * repository's tags: they differ only in `region`, `ip_address_type` and tags, which no rule
 * reads). v5.0.0 and v5.1.0 read an empty `cors_configuration` differently, and v4 and earlier
 * take other inputs altogether, so a call that may get one of them is not read from the copy.
 */
const APIGATEWAY_V2 = {
  registry: 'terraform-aws-modules/apigateway-v2/aws',
  git: /^(?:git::)?(?:https:\/\/|ssh:\/\/git@|git@)?github\.com[/:]terraform-aws-modules\/terraform-aws-apigateway-v2(?:\.git)?\?ref=v?(\d+\.\d+\.\d+)$/i,
  lowest: [5, 1, 1] as Version,
  highest: [6, 1, 0] as Version,
  copy: { name: 'terraform-aws-modules/apigateway-v2 v6.1.0', files: APIGATEWAY_V2_FILES },
};

/**
 * The carried code a module call that was not downloaded stands for: when its source is the
 * registry module (with a `version` that admits only releases the copy is right for) or its
 * GitHub repository at such a release's tag. Otherwise undefined, with why when the source is
 * the module but the version is not one the copy stands for.
 */
export function carriedModule(source: unknown, version: unknown): { module: CarriedModule } | { unsupported: string } | undefined {
  if (typeof source !== 'string') return undefined;
  const range = `${APIGATEWAY_V2.lowest.join('.')} to ${APIGATEWAY_V2.highest.join('.')}`;
  const tag = APIGATEWAY_V2.git.exec(source)?.[1];
  if (tag !== undefined) {
    return admitsOnlyBetween(tag, APIGATEWAY_V2.lowest, APIGATEWAY_V2.highest) ? { module: APIGATEWAY_V2.copy } : { unsupported: `the scanner carries ${APIGATEWAY_V2.registry} for releases ${range} only, and ref=${tag} is not one of them` };
  }
  if (source.toLowerCase().replace(/^registry\.terraform\.io\//, '') !== APIGATEWAY_V2.registry) return undefined;
  if (admitsOnlyBetween(version, APIGATEWAY_V2.lowest, APIGATEWAY_V2.highest)) return { module: APIGATEWAY_V2.copy };
  const given = version === undefined ? 'the call has no version argument (Terraform takes the newest release)' : `version ${JSON.stringify(version)} admits others`;
  return { unsupported: `the scanner carries this module for releases ${range} only, and ${given}` };
}
