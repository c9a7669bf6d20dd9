/** All time comes through a clock so tests, `npm run invoke --now` and the local scheduler can move it. */
export interface Clock {
  now(): Date;
}

/** How much of a run's time is left (the function's timeout, counted in real milliseconds). */
export interface Budget {
  remainingMs(): number;
}
