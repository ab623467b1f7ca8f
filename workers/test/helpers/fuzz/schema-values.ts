import fc from 'fast-check';
import { anyJson, anyString, boundaryString, NASTY_NUMBERS, namedStrings } from './values';

export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  allOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  maxItems?: number;
  format?: string;
  example?: unknown;
}

export interface SchemaContext {
  /** `#/components/schemas/X` → X's schema. */
  resolve: (ref: string) => JsonSchema;
  /** Ids worth trying for a field or parameter named like `clientId`, `ids` or `invoiceId`. */
  idsFor: (name: string) => string[];
}

function deref(schema: JsonSchema, ctx: SchemaContext): JsonSchema {
  let s = schema;
  for (let i = 0; s.$ref && i < 10; i++) s = ctx.resolve(s.$ref);
  if (s.allOf) {
    const parts = s.allOf.map((p) => deref(p, ctx));
    return {
      type: 'object',
      properties: Object.assign({}, ...parts.map((p) => p.properties ?? {})),
      required: parts.flatMap((p) => p.required ?? []),
    };
  }
  return s;
}

const typesOf = (s: JsonSchema): string[] =>
  Array.isArray(s.type) ? s.type : s.type ? [s.type] : s.properties ? ['object'] : [];

/** A value of the declared type near or past its limits, or a plausible one. */
function ofType(type: string, s: JsonSchema, name: string | undefined, ctx: SchemaContext, depth: number) {
  switch (type) {
    case 'string': {
      const hints = [...namedStrings(name), ...(name && /id$/i.test(name) ? ctx.idsFor(name) : [])];
      // An enum mostly takes its own values, so the request gets past it to the other fields.
      if (s.enum) {
        const values = s.enum.filter((e) => typeof e === 'string') as string[];
        return fc.oneof(
          { weight: 5, arbitrary: fc.constantFrom(...values) },
          { weight: 1, arbitrary: anyString(s.maxLength) },
        );
      }
      const options: fc.Arbitrary<string>[] = [anyString(s.maxLength)];
      if (hints.length) options.push(fc.constantFrom(...hints));
      if (s.maxLength !== undefined) options.push(boundaryString(s.maxLength));
      if (typeof s.example === 'string') options.push(fc.constant(s.example));
      return fc.oneof(...options);
    }
    case 'integer':
    case 'number': {
      const edges = [s.minimum, s.maximum]
        .filter((n): n is number => n !== undefined)
        .flatMap((n) => [n, n - 1, n + 1, n + 0.5]);
      const min = s.minimum ?? -1e6;
      const max = s.maximum ?? 1e9;
      return fc.oneof(
        { weight: 2, arbitrary: fc.constantFrom(...NASTY_NUMBERS, ...edges) },
        {
          weight: 1,
          arbitrary: type === 'integer' ? fc.integer() : fc.double({ noNaN: true, noDefaultInfinity: true }),
        },
        // In range, so the other fields of the request are what gets tested.
        {
          weight: 2,
          arbitrary: type === 'integer' ? fc.integer({ min, max }) : fc.double({ min, max, noNaN: true }),
        },
      );
    }
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      const item = s.items ? valueFor(s.items, singular(name), ctx, depth + 1) : anyJson;
      const many = s.maxItems !== undefined ? s.maxItems + 1 : 201;
      return fc.oneof(
        { weight: 6, arbitrary: fc.array(item, { maxLength: 3 }) },
        {
          weight: 1,
          arbitrary: item.map((one) => Array.from({ length: Math.min(many, 501) }, () => one)),
        },
      );
    }
    case 'object':
      return objectFor(s, ctx, depth);
    default:
      return anyJson;
  }
}

const singular = (name: string | undefined) => (name?.endsWith('s') ? name.slice(0, -1) : name);

/** Present, missing or extra fields; each present one valid-ish or of the wrong type. */
function objectFor(s: JsonSchema, ctx: SchemaContext, depth: number): fc.Arbitrary<Record<string, unknown>> {
  const props = Object.entries(s.properties ?? {});
  const required = new Set(s.required ?? []);
  const fields = props.map(([key, schema]) =>
    fc.tuple(
      fc.constant(key),
      fc.integer({ min: 0, max: 9 }),
      depth > 4 ? fc.constant(null) : valueFor(schema, key, ctx, depth + 1),
    ),
  );
  const extras = fc.array(
    fc.tuple(
      fc.constantFrom(
        'tenantId',
        'id',
        '__proto__',
        'constructor',
        'createdAt',
        'status',
        'role',
        'x'.repeat(300),
        '',
      ),
      anyJson,
    ),
    { maxLength: 2 },
  );
  return fc
    .tuple(fc.tuple(...fields), fc.integer({ min: 0, max: 9 }), extras)
    .map(([present, dropAll, extra]) => {
      const out: Record<string, unknown> = {};
      for (const [key, roll, value] of present) {
        // Required fields are mostly there (so the request reaches the handler), optional ones half the time.
        if (dropAll === 0 || roll >= (required.has(key) ? 9 : 5)) continue;
        out[key] = value;
      }
      if (dropAll > 6) {
        for (const [key, value] of extra) {
          // An own "__proto__" key, as JSON.parse would make it, rather than a prototype change.
          Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
        }
      }
      return out;
    });
}

/** Values for a schema: mostly of its type (at and past the limits), sometimes any other JSON. */
export function valueFor(
  schema: JsonSchema,
  name: string | undefined,
  ctx: SchemaContext,
  depth = 0,
): fc.Arbitrary<unknown> {
  const s = deref(schema, ctx);
  const alternatives = s.anyOf ?? s.oneOf;
  const typed = alternatives
    ? fc.oneof(...alternatives.map((a) => valueFor(a, name, ctx, depth + 1)))
    : typesOf(s).length
      ? fc.oneof(...typesOf(s).map((t) => ofType(t, s, name, ctx, depth)))
      : anyJson;
  return fc.oneof({ weight: 14, arbitrary: typed }, { weight: 1, arbitrary: anyJson });
}

/** A query or path value: the schema's value as a URL would carry it. */
export function paramValue(schema: JsonSchema, name: string, ctx: SchemaContext): fc.Arbitrary<string> {
  return valueFor(schema, name, ctx).map((v) => (typeof v === 'string' ? v : (JSON.stringify(v) ?? '')));
}
