/**
 * Thresholds as exact integer comparisons: "65 %" is 65/100 and `part / whole >= 65/100` is
 * decided as `part * 100 >= 65 * whole` in BigInt, so no rounding can move a result.
 */
export interface Share {
  readonly numerator: bigint;
  readonly denominator: bigint;
}

const parsed = new Map<string, Share>();

export function parseShare(text: string): Share {
  const known = parsed.get(text);
  if (known) return known;
  const [n = '', d = ''] = text.split('/');
  const share = { numerator: BigInt(n), denominator: BigInt(d) };
  parsed.set(text, share);
  return share;
}

export function meetsShare(part: number, whole: number, share: Share, strictlyMore: boolean): boolean {
  const lhs = BigInt(part) * share.denominator;
  const rhs = share.numerator * BigInt(whole);
  return strictlyMore ? lhs > rhs : lhs >= rhs;
}

export function formatShare(text: string): string {
  const { numerator, denominator } = parseShare(text);
  if (denominator === 100n) return `${numerator} %`;
  return `${numerator}/${denominator}`;
}
