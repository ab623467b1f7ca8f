import { z } from 'zod';

/** A JSON Schema as the OpenAPI document writes one (only what the security suite reads). */
export interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  anyOf?: JsonSchema[];
  $ref?: string;
  required?: string[];
  properties?: Record<string, JsonSchema>;
}

interface ParameterDoc {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: JsonSchema;
}

interface OperationItemDoc {
  security?: Record<string, string[]>[];
  /** What the caller's role must grant (`permit()` in workers/http/middleware/allow.ts). */
  'x-permission'?: string;
  parameters?: ParameterDoc[];
  requestBody?: { required?: boolean; content?: Record<string, { schema?: JsonSchema }> };
}

export interface OperationDoc {
  paths: Record<string, Record<string, OperationItemDoc>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

export interface Parameter {
  name: string;
  enum: boolean;
  schema: JsonSchema;
}

/** One operation of the API, identified by method and path (`POST /invoices/{id}/send`). */
export interface Operation {
  key: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  pathParams: Parameter[];
  queryParams: Parameter[];
  /** Set when the operation takes JSON; `field` is the first field it requires (or knows). */
  jsonBody?: { field?: { name: string; schema: JsonSchema } };
  /** The permission the document says the operation needs (`x-permission`). */
  permission: string | undefined;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/**
 * Operations anyone may call. A document that marks an operation `security: []` says so
 * itself; these are the ones the API let through before its document said so.
 */
const PUBLIC = new Set(['POST /signup', 'POST /sessions', 'GET /openapi.json']);

function resolve(doc: OperationDoc, schema: JsonSchema | undefined): JsonSchema {
  const ref = schema?.$ref?.replace('#/components/schemas/', '');
  return (ref ? doc.components?.schemas?.[ref] : schema) ?? {};
}

/** Every operation that needs credentials, as the served OpenAPI document lists them. */
export function operationsOf(doc: OperationDoc): Operation[] {
  const out: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const key = `${method.toUpperCase()} ${path}`;
      if (PUBLIC.has(key) || (op.security && op.security.length === 0)) continue;
      const params = (where: ParameterDoc['in']) =>
        (op.parameters ?? [])
          .filter((p) => p.in === where)
          .map((p) => ({ name: p.name, enum: Boolean(p.schema?.enum), schema: p.schema ?? {} }));
      const json = op.requestBody?.content?.['application/json'];
      let jsonBody: Operation['jsonBody'];
      if (json) {
        const schema = resolve(doc, json.schema);
        const name = schema.required?.[0] ?? Object.keys(schema.properties ?? {})[0];
        jsonBody = name ? { field: { name, schema: resolve(doc, schema.properties?.[name]) } } : {};
      }
      out.push({
        key,
        method: method.toUpperCase() as Operation['method'],
        path,
        pathParams: params('path'),
        queryParams: params('query'),
        jsonBody,
        permission: op['x-permission'],
      });
    }
  }
  return out;
}

const typesOf = (schema: JsonSchema): string[] => {
  if (schema.anyOf) return schema.anyOf.flatMap(typesOf);
  if (Array.isArray(schema.type)) return schema.type;
  return schema.type ? [schema.type] : [];
};

/**
 * A value the schema refuses. In a path or query (`as: 'string'`) it is text: too long, not one
 * of the enum, or not a number; in a body it is a value of another JSON type.
 */
export function wrongValueFor(schema: JsonSchema, as?: 'string'): unknown {
  const types = typesOf(schema);
  if (as === 'string') {
    if (schema.enum) return 'not-one-of-these';
    if (types.includes('integer') || types.includes('number')) return 'not-a-number';
    if (schema.maxLength !== undefined) return 'x'.repeat(schema.maxLength + 1);
    throw new Error(`no malformed value for ${JSON.stringify(schema)}: give the parameter a format`);
  }
  if (types.includes('object')) return 'not-an-object';
  if (types.includes('string')) return 12345;
  return 'not-a-number-nor-a-list';
}

const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })),
});

export type Problem = z.infer<typeof problemSchema>;

/** The problem+json body of a refusal; throws when the answer is not one. */
export async function problemOf(res: Response): Promise<Problem> {
  const type = res.headers.get('content-type') ?? '';
  if (!type.includes('application/problem+json')) {
    throw new Error(`${res.status} is not problem+json (${type}): ${await res.clone().text()}`);
  }
  return problemSchema.parse(await res.clone().json());
}
