import pc from 'picocolors';

export type Colors = ReturnType<typeof pc.createColors>;

type Env = Record<string, string | undefined>;

/**
 * Whether to colour what goes to `stream`: `--color` / `--no-color` first, then `NO_COLOR` (any
 * non-empty value, https://no-color.org), then `FORCE_COLOR` (`0` or `false` turn it off), then
 * a terminal that is not `dumb`.
 */
export function colorEnabled(flag: boolean | undefined, stream: { isTTY?: boolean } = process.stdout, env: Env = process.env): boolean {
  if (flag !== undefined) return flag;
  if (env.NO_COLOR) return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  return stream.isTTY === true && env.TERM !== 'dumb';
}

/** picocolors' functions, on or off by `colorEnabled`. */
export function colorsFor(flag: boolean | undefined, stream: { isTTY?: boolean } = process.stdout): Colors {
  return pc.createColors(colorEnabled(flag, stream));
}
