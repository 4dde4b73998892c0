import { fromEnv } from '@aws-sdk/credential-provider-env';

/**
 * The credential provider of the Lambda bundle, which serverless.yml's esbuild `alias` puts in
 * place of @aws-sdk/credential-provider-node (the SDK clients' default chain). Lambda hands a
 * function its role's credentials in the environment (AWS_ACCESS_KEY_ID,
 * AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN), so the chain's other providers (SSO, profiles,
 * processes, web identity, container and instance metadata) are dead weight there. The CLI
 * keeps the full chain. Same export name and call shape as the module it replaces.
 */
export function defaultProvider(init: Parameters<typeof fromEnv>[0] = {}): ReturnType<typeof fromEnv> {
  return fromEnv(init);
}
