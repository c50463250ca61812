/** Age groups and labels of the calibration margins. */

/** '0-14', '15-24', ..., '65+' from lower bounds [0, 15, 25, 35, 45, 65]. */
export function ageGroup(age: number, breaks: readonly number[]): string {
  let k = -1;
  for (let i = 0; i < breaks.length; i++) if (age >= breaks[i]) k = i;
  if (k < 0) throw new RangeError(`age ${age} is below the first age group`);
  return k === breaks.length - 1 ? `${breaks[k]}+` : `${breaks[k]}-${breaks[k + 1] - 1}`;
}

export const sexAgeLabel = (sex: string, age: number, breaks: readonly number[]) =>
  `${sex}:${ageGroup(age, breaks)}`;

/** Weighted median (the lower median of the weighted distribution of x with weights 1). */
export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const n = s.length;
  if (!n) return Number.NaN;
  return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
}
