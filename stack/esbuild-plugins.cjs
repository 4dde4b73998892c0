// The esbuild plugins serverless-esbuild bundles the function with (serverless.yml
// `custom.esbuild.plugins`). Plain CommonJS because the plugin loads the file with require().
const { readFile } = require('node:fs/promises');

/**
 * An AWS SDK client's schemas (dist-es/schemas/schemas_0.js) describe every operation of the
 * service, each as an exported array the bundle keeps only when used. Their member traits are
 * written with computed keys, `{ [_jN]: _n }`, where `_jN` is a string constant of the same
 * file; esbuild cannot prove such a key free of side effects (the file's constants are not
 * inlined, as a TypeRegistry is created among them), so it keeps every schema of every
 * operation: some 45 KB of API Gateway V2, SNS and DynamoDB operations the function never
 * calls. Writing those keys as the string literals the constants hold (`{ "jsonName": _n }`),
 * the same object, lets tree shaking drop the unused schemas. A name that is not one of the
 * file's plain string constants is left as it is.
 */
const SCHEMAS = /[\\/]@aws-sdk[\\/]client-[^\\/]+[\\/]dist-es[\\/]schemas[\\/]schemas_\d+\.js$/;
const STRING_CONSTANT = /^const (_\w+) = ("[^"\\\n]*");$/gm;
const COMPUTED_KEY = /\[(_\w+)\]:/g;

function withLiteralKeys(source) {
  const strings = new Map(Array.from(source.matchAll(STRING_CONSTANT), ([, name, literal]) => [name, literal]));
  return source.replace(COMPUTED_KEY, (key, name) => (strings.has(name) ? `${strings.get(name)}:` : key));
}

const sdkSchemaKeys = {
  name: 'sdk-schema-literal-keys',
  setup(build) {
    build.onLoad({ filter: SCHEMAS }, async ({ path }) => ({ contents: withLiteralKeys(await readFile(path, 'utf8')), loader: 'js' }));
  },
};

/**
 * The SDK's HTTP protocols import @smithy/core/event-streams dynamically, for operations that
 * stream events; the function calls none (API Gateway V2 reads, SNS Publish, DynamoDB Query and
 * BatchWriteItem). Bundled, that import costs some 13 KB and makes esbuild wrap about 160
 * @smithy/core modules it shares in lazy initialisers. It resolves instead to a module that
 * says why it is missing, should an event stream ever be asked for.
 */
const withoutEventStreams = {
  name: 'sdk-without-event-streams',
  setup(build) {
    build.onResolve({ filter: /^@smithy\/core\/event-streams$/ }, ({ kind }) => (kind === 'dynamic-import' ? { path: 'event-streams', namespace: 'not-bundled' } : undefined));
    build.onLoad({ filter: /.*/, namespace: 'not-bundled' }, () => ({
      contents: "throw new Error('@smithy/core/event-streams is not bundled with this function (stack/esbuild-plugins.cjs): it calls no operation that streams events');",
      loader: 'js',
    }));
  },
};

/**
 * The bundle is minified without keepNames (which names every function and class again at
 * load: some 27 KB and 1,200 calls). The SDK reads one class name, though: a client's logger
 * that is a NoOpLogger (the default) sends the SDK's few warnings, e.g. the HTTP handler's
 * "socket usage at capacity", to the console; any other logger receives them. That class
 * keeps its name, so those warnings still reach the function's log.
 */
const sdkLoggerName = {
  name: 'sdk-no-op-logger-name',
  setup(build) {
    build.onLoad({ filter: /[\\/]@smithy[\\/]core[\\/]dist-es[\\/]submodules[\\/]client[\\/]smithy-client[\\/]NoOpLogger\.js$/ }, async ({ path }) => ({
      contents: `${await readFile(path, 'utf8')}\nObject.defineProperty(NoOpLogger, "name", { value: "NoOpLogger" });\n`,
      loader: 'js',
    }));
  },
};

module.exports = [sdkSchemaKeys, withoutEventStreams, sdkLoggerName];
