const rules = new Intl.PluralRules('ru-RU');

/**
 * A count with its Russian noun form: one (1, 21), few (2–4, 22) or many (5–20, 11):
 * 1 устройство, 3 устройства, 11 устройств. Callers pick the case the sentence needs.
 */
export function russianCount(n: number, one: string, few: string, many: string): string {
  const form = rules.select(n);
  return `${n} ${form === 'one' ? one : form === 'few' ? few : many}`;
}
