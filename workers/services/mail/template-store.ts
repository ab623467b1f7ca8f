import { LANGUAGES, type Language } from '@clientele/core';
import { deleteTemplates, getClient, saveTemplate, TENANT_SCOPE, templatesOf } from '@clientele/db';
import { auditLine, auditLineIfChanged } from '../audit';
import type { TenantContext } from '../context';
import { NotFoundError, say, ValidationError } from '../errors';
import { BUILT_IN, type TemplateKind, type TemplateText } from './defaults';
import type { PreviewInput, TemplateInput, TemplateSet } from './schema';
import { renderTemplate, unknownVariables, VARIABLES, variablesIn } from './templates';
import { previewValues } from './values';

async function ensureClient(ctx: TenantContext, clientId: string | undefined) {
  if (clientId && !(await getClient(ctx.db, ctx.tenantId, clientId))) throw new NotFoundError('client');
}

/**
 * What will be sent, per language: the client's override when it has one for that
 * kind and language (subject and body together), else the business template, else
 * the built-in one.
 */
export async function templateSet(
  ctx: TenantContext,
  kind: TemplateKind,
  clientId?: string,
): Promise<TemplateSet> {
  await ensureClient(ctx, clientId);
  const rows = await templatesOf(ctx.db, ctx.tenantId, kind, clientId);
  const languages = {} as TemplateSet['languages'];
  for (const language of LANGUAGES) {
    const client = clientId ? rows.find((r) => r.scope === clientId && r.language === language) : undefined;
    const business = rows.find((r) => r.scope === TENANT_SCOPE && r.language === language);
    const chosen = client ?? business;
    languages[language] = chosen
      ? { subject: chosen.subject, body: chosen.body, source: client ? 'client' : 'business' }
      : { ...BUILT_IN[kind][language], source: 'builtin' };
  }
  return { kind, clientId: clientId ?? null, variables: [...VARIABLES[kind]], languages };
}

export async function effectiveTemplate(
  ctx: TenantContext,
  kind: TemplateKind,
  language: Language,
  clientId?: string,
) {
  return (await templateSet(ctx, kind, clientId)).languages[language];
}

/** 422 naming subject or body for each {{variable}} the kind does not provide. */
function refuseUnknownVariables(kind: TemplateKind, t: TemplateText) {
  const unknown = unknownVariables(kind, t);
  if (unknown.length) {
    throw new ValidationError(
      unknown.map((v) => ({
        path: variablesIn(t.subject).includes(v) ? 'subject' : 'body',
        message: say('unknownVariable', v, VARIABLES[kind].map((x) => `{{${x}}}`).join(', ')),
      })),
      say('unknownVariables', unknown.join(', ')),
    );
  }
}

/**
 * The editor's live preview: the text sent (or the saved template) with a client's or sample
 * values. Held to the same variables as saving, so a preview never shows what could not be saved.
 */
export async function previewTemplateFor(ctx: TenantContext, kind: TemplateKind, input: PreviewInput) {
  const saved = await effectiveTemplate(ctx, kind, input.language, input.clientId);
  const template = { subject: input.subject ?? saved.subject, body: input.body ?? saved.body };
  refuseUnknownVariables(kind, template);
  return renderTemplate(template, await previewValues(ctx, input.language, input.clientId));
}

/** Saves a template after checking every {{variable}} exists for its kind. */
export async function saveTemplateFor(
  ctx: TenantContext,
  kind: TemplateKind,
  input: TemplateInput,
  clientId?: string,
) {
  await ensureClient(ctx, clientId);
  refuseUnknownVariables(kind, input);
  await saveTemplate(
    ctx.db,
    ctx.tenantId,
    {
      scope: clientId ?? TENANT_SCOPE,
      kind,
      language: input.language,
      subject: input.subject,
      body: input.body,
    },
    ctx.now,
    () => [
      auditLine(
        ctx,
        'template.updated',
        { type: clientId ? 'client' : 'business', id: clientId ?? ctx.tenantId },
        { kind, language: input.language },
      ),
    ],
  );
  return templateSet(ctx, kind, clientId);
}

export async function deleteClientTemplate(
  ctx: TenantContext,
  clientId: string,
  kind: TemplateKind,
  language?: Language,
) {
  await ensureClient(ctx, clientId);
  await deleteTemplates(ctx.db, ctx.tenantId, clientId, kind, language, () => [
    auditLineIfChanged(
      ctx,
      'template.deleted',
      { type: 'client', id: clientId },
      { kind, language: language ?? null },
    ),
  ]);
  return templateSet(ctx, kind, clientId);
}
