// Pure arithmetic of figures, as the half-year report rounds them.

/** A percentage rounded to `decimals` (98.73 for 1008 of 1021); 0 when there is nothing to divide by. */
export function percent(numerator: number, denominator: number, decimals = 2): number {
  if (denominator === 0) return 0;
  return roundTo((numerator * 100) / denominator, decimals);
}

/**
 * A sum of money in yuan, as PostgreSQL returns a `numeric` (a string) or a number, rounded to the fen.
 * Metric values are JSON numbers: 3080000 for 308万元, 12001800 for 1200.18万元.
 */
export function yuan(amount: string | number | null | undefined): number {
  if (amount === null || amount === undefined) return 0;
  return roundTo(Number(amount), 2);
}

function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round((value + Number.EPSILON) * factor) / factor;
}
