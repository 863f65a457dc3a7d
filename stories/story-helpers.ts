/** Small pieces every element story uses to turn Storybook args into markup. */

/** An arg as an attribute value; empty and unset args leave the attribute out. */
export const attr = (value: string | number | undefined): string | undefined =>
  value === undefined || value === '' ? undefined : String(value);

/** The custom properties among `names` that the controls set, for a `style` attribute. */
export function cssVars<A extends object>(args: A, names: readonly (keyof A & string)[]): Record<string, string> {
  const style: Record<string, string> = {};
  for (const name of names) {
    const value = args[name];
    if (typeof value === 'string' && value) style[name] = value;
  }
  return style;
}
