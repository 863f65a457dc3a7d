/**
 * The listed fields of a request, those set: the contract refuses unknown fields, and a
 * caller's object may carry more (a `memberId` the server takes from the bearer token instead).
 */
export function pick<T extends object, K extends keyof T>(value: T, keys: readonly K[]): Pick<T, K> {
  const picked = {} as Pick<T, K>;
  if (typeof value !== 'object' || value === null) return picked;
  for (const key of keys) if (value[key] !== undefined) picked[key] = value[key];
  return picked;
}
