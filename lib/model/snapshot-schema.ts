import * as z from 'zod';
import { quoteValue } from './quote-value';

/**
 * The skeleton of a snapshot file: the lists, the objects in them and the ids that tie them
 * together. Everything else inside a resource passes through unchecked (see AsRead).
 */
const id = z.string({ error: 'must be a string id' }).min(1, 'must not be empty');

/** An absent list means empty; `null` is read as absent too, as hand-written files use it so. */
function listOf<T extends z.ZodType>(item: T) {
  return z.preprocess((value) => (value === null || value === undefined ? [] : value), z.array(item));
}

const integrationResponse = z.looseObject({ IntegrationResponseId: id });
const routeResponse = z.looseObject({ RouteResponseId: id });

const integration = z.looseObject({
  IntegrationId: id,
  integrationResponses: listOf(integrationResponse),
});

const route = z.looseObject({
  RouteId: id,
  routeResponses: listOf(routeResponse),
});

const api = z.looseObject({
  ApiId: id,
  integrations: listOf(integration),
  routes: listOf(route),
});

/** What the walk that wrote the file could not read (`apigw-audit snapshot` of an incomplete walk). */
const walkError = z.looseObject({
  operation: z.string().optional(),
  apiId: z.string().optional(),
  arn: z.string().optional(),
  message: z.string({ error: 'must be a string saying what could not be read' }),
});

/**
 * The one format version this apigw-audit reads. A later version may mean something else by the
 * same fields, so it is refused with what to do rather than half read.
 */
const SNAPSHOT_VERSION = 1;
const version = z.literal(SNAPSHOT_VERSION, {
  error: ({ input }) =>
    typeof input === 'number' && input > SNAPSHOT_VERSION
      ? `format version ${input} is newer than this apigw-audit reads (${SNAPSHOT_VERSION}): upgrade apigw-audit (\`apigw-audit --version\` says which you have), or write the snapshot with this one`
      : `must be the number ${SNAPSHOT_VERSION} (or left out); got ${quoteValue(input)}`,
});

export const snapshotSchema = z.looseObject({
  version: version.optional(),
  accountId: z.string().optional(),
  region: z.string().optional(),
  capturedAt: z.string().optional(),
  errors: z.array(walkError, { error: 'must be a list of what the walk could not read' }).optional(),
  apis: z.array(api, { error: 'must be a list of APIs' }),
});
