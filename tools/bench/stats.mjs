const numbers = (values) => values.filter((value) => typeof value === 'number').sort((a, b) => a - b);

/** The value `fraction` of the way through the sorted values, interpolated; undefined for none. */
function percentile(values, fraction) {
  const sorted = numbers(values);
  if (sorted.length === 0) return undefined;
  const position = (sorted.length - 1) * fraction;
  const below = Math.floor(position);
  const above = Math.min(below + 1, sorted.length - 1);
  return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
}

export const median = (values) => percentile(values, 0.5);

/** The 25th and 75th percentiles: where the middle half of the samples lies. */
export const middleHalf = (values) => [percentile(values, 0.25), percentile(values, 0.75)];
