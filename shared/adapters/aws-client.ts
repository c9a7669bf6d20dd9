/**
 * How long an AWS SDK call may take. Without these a paused DynamoDB or SES holds every request for as
 * long as it is paused (the SDK waits forever, and its requestTimeout only warns unless told to throw).
 * Two attempts of at most a second to connect and 2.5 s to answer stay well below the shortest function
 * timeout (10 s), so a stalled call ends as an error the function still answers, not as a Lambda timeout.
 */
export const SDK_CLIENT_LIMITS = {
  maxAttempts: 2,
  requestHandler: { connectionTimeout: 1000, requestTimeout: 2500, throwOnRequestTimeout: true },
} as const;

/** The longest one SDK call can take with these limits, retry backoff included (at most 20 s of it, never reached here). */
export const SDK_CALL_WORST_MS =
  SDK_CLIENT_LIMITS.maxAttempts *
    (SDK_CLIENT_LIMITS.requestHandler.connectionTimeout + SDK_CLIENT_LIMITS.requestHandler.requestTimeout) +
  1000;
