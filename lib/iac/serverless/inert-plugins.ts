import { isPlainObject, show } from '../../rules/values';
import { holdsVariable } from './framework-variables';
import type { UnreadConfiguration } from './unread-configuration';

/**
 * Plugins known to leave API Gateway V2 resources alone, each by what its README says it does:
 * they build or trim the functions' code, run the service locally, or act on other resources or
 * after the deploy. Any other plugin may add or change API Gateway resources when the framework
 * packages the service, which a direct read of serverless.yml cannot see; when unsure, a plugin
 * stays off this list.
 */
const INERT_PLUGINS: ReadonlySet<string> = new Set([
  // Bundles each function's code with webpack (package step only).
  'serverless-webpack',
  // Bundles and minifies each function's code with esbuild (package step only).
  'serverless-esbuild',
  // Compiles the functions' TypeScript before packaging.
  'serverless-plugin-typescript',
  // Bundles the functions' code with webpack and Babel under a preset configuration.
  'serverless-bundle',
  // Emulates Lambda and API Gateway on the developer's machine (`serverless offline`); adds nothing to the stack.
  'serverless-offline',
  // Loads a .env file into the functions' environment variables.
  'serverless-dotenv-plugin',
  // Gives each function its own IAM role from function-level iamRoleStatements (IAM resources only).
  'serverless-iam-roles-per-function',
  // Deletes old versions of the functions (and layers) after a deploy.
  'serverless-prune-plugin',
  // Bundles the Python requirements into the package, or into a Lambda layer.
  'serverless-python-requirements',
  // Uploads a static website folder to an S3 bucket (`serverless client deploy`), outside the stack.
  'serverless-finch',
  // Adds common documentation, test and configuration files to the package's exclude patterns.
  'serverless-plugin-common-excludes',
  // Replaces node_modules in the package with the files each handler depends on.
  'serverless-plugin-include-dependencies',
  // Writes the stack's outputs to a file (or a handler); its only hook is after:deploy:deploy.
  'serverless-stack-output',
]);

/**
 * The `plugins` that may add or change API Gateway V2 resources, each named in an error. The
 * framework takes a list of names, or `{localPath, modules}`; a name that is not a string is
 * refused by the framework, and a list from a variable cannot be read.
 */
export function reportUnreadPlugins(plugins: unknown, unread: UnreadConfiguration): void {
  if (plugins === undefined || plugins === null) return;
  const [modules, path] = isPlainObject(plugins) ? [plugins['modules'], ['plugins', 'modules']] : [plugins, ['plugins']];
  if (modules === undefined || modules === null) return;
  if (holdsVariable(modules)) return unread.notRead(path, `the plugins come from ${show(modules)}, a variable the scan does not resolve`);
  if (!Array.isArray(modules)) return unread.refused(path, `not a list of plugin names but ${show(modules)}`);
  modules.forEach((name: unknown, index) => {
    const at = [...path, index];
    if (holdsVariable(name)) unread.notRead(at, `plugin ${show(name)} is named by a variable the scan does not resolve`);
    else if (typeof name !== 'string') unread.refused(at, `a plugin name must be a string, not ${show(name)}`);
    else if (!INERT_PLUGINS.has(name)) unread.notRead(at, `plugin ${show(name)} is not known to leave API Gateway V2 resources alone, and the scan does not run plugins`);
  });
}
