/** Sampling refuses the impossible with a message that names the stratum or EA and what to change. */
export class SamplingError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
    this.name = 'SamplingError';
  }
}
