import type { Actor } from '../domain/case.js';
import type { Submission } from '../domain/submission.js';
import { METRICS } from '../ports/metrics.js';
import { makeAfterCreate } from '../usecases/after-create.js';
import { makeSubmitComplaint, type SubmitOptions } from '../usecases/submit-complaint.js';
import type { Core } from './core.js';
import type { Mail } from './mail.js';

/**
 * Registering complaints, from any door: the form's endpoint, and functions with no HTTP settings at all
 * (the sheet sync creating cases from rows). The new case's emails go out once per case, and each new
 * case is counted by the door it came through (a replayed submission is not counted again).
 */
export function wireSubmitComplaint(core: Core, mail: Mail) {
  const afterCreate = makeAfterCreate({
    sendOnce: mail.sendOnce,
    execManagers: mail.mail.execManagers,
    mail: mail.context,
  });
  const submitComplaint = makeSubmitComplaint({ ...core, afterCreate });
  return async (submission: Submission, actor: Actor, opts: SubmitOptions = {}) => {
    const result = await submitComplaint(submission, actor, opts);
    if (result.created) core.metrics.count(METRICS.casesCreated, { door: actor.door });
    return result;
  };
}
