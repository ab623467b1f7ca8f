import { COUNTRY_CODES, CURRENCY_CODES, LANGUAGES } from '@clientele/core';
import { z } from '@hono/zod-openapi';
import { isSendableAddress } from './mail/header-values';
import { problemWords } from './reader-language';

/**
 * Field schemas that inputs and answers of several resources share. They live beside the
 * services because each resource's schema is the one description of its shape: the service
 * returns `z.infer` of it and the API validates and documents with it.
 */

/**
 * Optional free text. Forms send "" for an empty input; services store that as null,
 * so the API accepts "", null or an omitted field alike.
 */
export const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

export const emailField = z
  .string()
  .trim()
  .max(254)
  .refine((v) => v === '' || z.regexes.unicodeEmail.test(v), { error: () => problemWords().invalidEmail })
  .openapi({ format: 'email', example: 'maria@example.com' });

/**
 * A person's own address (sign-up, invitations, a new email): mail is sent to it within the
 * request, and the message builder refuses an address with non-ASCII characters (RFC 6531),
 * so it is refused here, before anything is written, not after.
 */
// A malformed address already has its one refusal above.
export const personEmailField = emailField.refine(
  (v) => v === '' || !z.regexes.unicodeEmail.test(v) || isSendableAddress(v),
  {
    error: () => problemWords().invalidEmail,
  },
);

export const countryField = z
  .string()
  .trim()
  .toUpperCase()
  .refine((v) => v === '' || COUNTRY_CODES.has(v), { error: () => problemWords().unknownCountry })
  .openapi({ description: 'ISO 3166-1 alpha-2', example: 'PT' });

export const currencyField = z
  .string()
  .trim()
  .toUpperCase()
  .refine((v) => CURRENCY_CODES.has(v), { error: () => problemWords().unknownCurrency })
  .openapi({ description: 'ISO 4217', example: 'EUR' });

export const languageField = z.enum(LANGUAGES).openapi({ description: 'Language of documents and emails' });

/** Postal address as written by callers; each line optional, country ISO 3166-1. */
export const addressInput = () =>
  z.object({
    street: optionalText(300),
    city: optionalText(120),
    state: optionalText(120),
    postalCode: optionalText(32),
    country: countryField.nullable().optional(),
  });

export const AddressSchema = z
  .object({
    street: z.string().nullable(),
    city: z.string().nullable(),
    state: z.string().nullable(),
    postalCode: z.string().nullable(),
    country: z.string().nullable(),
  })
  .openapi('Address');

export type Address = z.infer<typeof AddressSchema>;
