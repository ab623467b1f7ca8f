import { LANGUAGES, type Language, offsetOfStepKey, REMINDER_STEP_MAIL } from '@clientele/core';
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
 * A reminder step's own template is stored under the kind `reminder@<step>` (`reminder@after:7`);
 * 422 for a step on another kind or a step key that is not one.
 */
function storedKind(kind: TemplateKind, step: string | undefined): string {
  if (step === undefined) return kind;
  if (kind !== 'reminder') throw new ValidationError([{ path: 'step', message: 'stepOnlyForReminders' }]);
  if (offsetOfStepKey(step) === null)
    throw new ValidationError([{ path: 'step', message: 'reminderStepUnknown' }]);
  return `${kind}@${step}`;
}

/** The built-in words of a step: before the due date, on it, or after it. */
function builtInStep(step: string, language: Language): TemplateText {
  const offset = offsetOfStepKey(step) ?? 1;
  const words = REMINDER_STEP_MAIL[language];
  return offset < 0 ? words.beforeDue : offset === 0 ? words.dueToday : words.overdue;
}

/**
 * What will be sent, per language: the client's override when it has one for that
 * kind and language (subject and body together), else the business template, else
 * the built-in one. A reminder step looks for its own template first (client, then
 * business), then the general reminder's (client, then business), then the step's built-in
 * words — a business that wrote one reminder keeps its words for every step until it words
 * a step of its own.
 */
export async function templateSet(
  ctx: TenantContext,
  kind: TemplateKind,
  clientId?: string,
  step?: string,
): Promise<TemplateSet> {
  const stepKind = storedKind(kind, step);
  await ensureClient(ctx, clientId);
  const rows = await templatesOf(ctx.db, ctx.tenantId, kind, clientId);
  const stepRows = step ? await templatesOf(ctx.db, ctx.tenantId, stepKind, clientId) : [];
  const languages = {} as TemplateSet['languages'];
  const pick = (from: typeof rows, language: Language) => {
    const client = clientId ? from.find((r) => r.scope === clientId && r.language === language) : undefined;
    const business = from.find((r) => r.scope === TENANT_SCOPE && r.language === language);
    return { row: client ?? business, source: client ? ('client' as const) : ('business' as const) };
  };
  for (const language of LANGUAGES) {
    const own = pick(stepRows, language);
    const general = pick(rows, language);
    languages[language] = own.row
      ? { subject: own.row.subject, body: own.row.body, source: own.source }
      : general.row
        ? { subject: general.row.subject, body: general.row.body, source: step ? 'general' : general.source }
        : { ...(step ? builtInStep(step, language) : BUILT_IN[kind][language]), source: 'builtin' };
  }
  return {
    kind,
    step: step ?? null,
    clientId: clientId ?? null,
    variables: [...VARIABLES[kind]],
    languages,
  };
}

export async function effectiveTemplate(
  ctx: TenantContext,
  kind: TemplateKind,
  language: Language,
  clientId?: string,
  step?: string,
) {
  return (await templateSet(ctx, kind, clientId, step)).languages[language];
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
  const saved = await effectiveTemplate(ctx, kind, input.language, input.clientId, input.step);
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
  const stored = storedKind(kind, input.step);
  await ensureClient(ctx, clientId);
  refuseUnknownVariables(kind, input);
  await saveTemplate(
    ctx.db,
    ctx.tenantId,
    {
      scope: clientId ?? TENANT_SCOPE,
      kind: stored,
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
        { kind: stored, language: input.language },
      ),
    ],
  );
  return templateSet(ctx, kind, clientId, input.step);
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
