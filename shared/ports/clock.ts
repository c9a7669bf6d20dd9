/** All time comes through a clock so tests, `npm run invoke --now` and the local scheduler can move it. */
export interface Clock {
  now(): Date;
}
