// Checks the params when the stack is packaged (`npm run package`, and the packaging that
// `serverless deploy` starts), before anything is bundled, uploaded or deployed: a bad param
// fails here, naming the param, what it must be and what it was, instead of packaging fine and
// then failing every cold start of the function (or, for the params only AWS reads, the deploy).
// - What the function reads is checked by the function's own reader, readLambdaSettings
//   (lib/config/lambda-settings.ts, loaded by stack/bundled-typescript.cjs), on the environment
//   of each function serverless.yml declares, as the params resolved it: one source of truth,
//   no second copy of each rule here.
// - logRetentionDays, schedule and alertEmail, which only AWS reads, against what the service
//   that reads each accepts (stack/aws-read-params.cjs).
// A local plugin rather than a variable resolver: its hook sees the environment fully
// resolved, as the Framework writes it into the template, and runs once per packaging.
// `before:package:cleanup` is packaging's first event: a refused param leaves the last package
// in .serverless/ as it was. regions, onChange and suppressionsFile are checked earlier still,
// by the resolvers that read them, and the fleet params by stack/fleet-plugin.cjs.
// Plain CommonJS because the Framework loads it with require().
const { join } = require('node:path');
// The Framework's own reader of serverless.yml (its YAML, its CloudFormation tags): the
// declared values, `${param:...}` unresolved, say which param a resolved value came from.
const readConfiguration = require('serverless/lib/configuration/read');
const { loadTypeScript } = require('./bundled-typescript.cjs');
const { AWS_READ_PARAMS } = require('./aws-read-params.cjs');

// What a variable whose value is a CloudFormation reference will hold once deployed, shaped as
// the function checks it: the value itself is known only when CloudFormation creates it.
const PLACEHOLDERS = {
  ALERT_TOPIC_ARN: ({ region, service }) => `arn:aws:sns:${region}:123456789012:${service}-alerts`,
};

let settingsReader;

class ParamsPlugin {
  constructor(serverless) {
    this.serverless = serverless;
    this.hooks = { 'before:package:cleanup': () => this.checkParams() };
  }

  async checkParams() {
    const { serverless } = this;
    const { provider, functions } = serverless.service;
    const declared = await readConfiguration(join(serverless.serviceDir, serverless.configurationFilename));
    const refuse = (declaredValue, where, problem) => new serverless.classes.Error(`${paramOf(declaredValue) ?? where}: ${problem}`);

    for (const { path, problem } of AWS_READ_PARAMS) {
      const value = valueAt(serverless.service, path);
      const found = value === undefined ? undefined : problem(value);
      if (found !== undefined) throw refuse(valueAt(declared, path), path.join('.'), found);
    }

    settingsReader ??= loadTypeScript("export { readLambdaSettings } from './lib/config/lambda-settings';");
    const { readLambdaSettings } = await settingsReader;
    for (const [name, { environment: declaredEnvironment }] of Object.entries(declared.functions ?? {})) {
      if (declaredEnvironment === undefined) continue;
      const environment = deployedEnvironment(name, functions[name].environment, { region: provider.region, service: `${serverless.service.service}-${provider.stage}` });
      try {
        // AWS_REGION as Lambda sets it: the function falls back to it without AUDIT_REGIONS.
        readLambdaSettings({ AWS_REGION: provider.region, ...environment });
      } catch (error) {
        if (error?.name !== 'ConfigError') throw error;
        // The function's message starts with the variable it names.
        const variable = Object.keys(environment).find((candidate) => error.message.startsWith(`${candidate}:`));
        throw refuse(declaredEnvironment[variable], `functions.${name}.environment`, error.message);
      }
    }
  }
}

/** The value at `path` (keys) of a configuration; undefined where there is none. */
function valueAt(configuration, path) {
  return path.reduce((value, key) => value?.[key], configuration);
}

/** `param NAME` when a declared value is exactly `${param:NAME}`. */
function paramOf(declaredValue) {
  const match = /^\$\{param:(\w+)\}$/.exec(String(declaredValue));
  return match === null ? undefined : `param ${match[1]}`;
}

/** The environment as the function will read it: strings, and a placeholder for each CloudFormation reference. */
function deployedEnvironment(name, environment, stack) {
  return Object.fromEntries(
    Object.entries(environment ?? {}).map(([variable, value]) => {
      if (typeof value !== 'object' || value === null) return [variable, String(value)];
      const placeholder = PLACEHOLDERS[variable];
      if (placeholder === undefined) throw new Error(`stack/params-plugin.cjs: functions.${name}.environment.${variable} is a CloudFormation reference with no placeholder to check in its place`);
      return [variable, placeholder(stack)];
    }),
  );
}

module.exports = ParamsPlugin;
