import { SELF } from 'cloudflare:test';
import { type Schema, Validator } from '@cfworker/json-schema';

interface OpenApiDoc {
  paths: Record<
    string,
    Record<string, { responses?: Record<string, { content?: Record<string, { schema?: Schema }> }> }>
  >;
  components?: Record<string, unknown>;
}

let doc: Promise<OpenApiDoc> | undefined;
const validators = new Map<string, Validator | null>();

/** The API's own OpenAPI document, read once per test file from the running Worker. */
function openApi(): Promise<OpenApiDoc> {
  doc ??= SELF.fetch('https://app.clientele.test/api/v1/openapi.json').then(
    (r) => r.json() as Promise<OpenApiDoc>,
  );
  return doc;
}

/** The documented path template matching a concrete path (`/invoices/inv_1/send` → `/invoices/{id}/send`). */
function templateFor(paths: string[], path: string): string | undefined {
  const parts = path.split('/');
  return paths.find((t) => {
    const tp = t.split('/');
    return tp.length === parts.length && tp.every((seg, i) => seg.startsWith('{') || seg === parts[i]);
  });
}

/** True for a problem+json body that does not name its request (`requestId`). */
export function lacksRequestId(contentType: string | null, body: string): boolean {
  if (!(contentType ?? '').includes('application/problem+json')) return false;
  const problem: { requestId?: unknown } = JSON.parse(body);
  return typeof problem.requestId !== 'string' || problem.requestId === '';
}

/** The same check on an answer whose body is still unread. */
export async function problemWithoutRequestId(res: Response): Promise<boolean> {
  const type = res.headers.get('content-type');
  return lacksRequestId(type, type?.includes('application/problem+json') ? await res.clone().text() : '');
}

/**
 * Checks a 2xx JSON answer of the API against the schema its OpenAPI document declares for
 * that method, path and status; throws naming every mismatch. Used by `call()`, so every
 * Worker test checks the shape of every answer it gets.
 */
export async function checkResponseSchema(method: string, path: string, res: Response) {
  if (await problemWithoutRequestId(res)) {
    throw new Error(`${method} ${path} → ${res.status} problem without a requestId`);
  }
  if (res.status < 200 || res.status >= 300) return;
  if (!(res.headers.get('content-type') ?? '').includes('application/json')) return;
  const api = await openApi();
  const route = path.split('?')[0]!.replace(/^\/api\/v1/, '');
  const template = templateFor(Object.keys(api.paths), route);
  const key = `${method.toLowerCase()} ${template} ${res.status}`;
  if (!validators.has(key)) {
    const schema = template
      ? api.paths[template]?.[method.toLowerCase()]?.responses?.[String(res.status)]?.content?.[
          'application/json'
        ]?.schema
      : undefined;
    validators.set(
      key,
      schema ? new Validator({ ...schema, components: api.components } as Schema, '2020-12', false) : null,
    );
  }
  const validator = validators.get(key);
  if (validator === null) throw new Error(`undocumented ${res.status} JSON answer for ${method} ${route}`);
  const body = await res.clone().json();
  const result = validator!.validate(body);
  if (!result.valid) {
    const errors = result.errors.map((e) => `${e.instanceLocation}: ${e.error}`).join('\n  ');
    throw new Error(`${method} ${route} → ${res.status} does not match its OpenAPI schema:\n  ${errors}`);
  }
}
