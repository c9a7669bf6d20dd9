import { makeAfterCreate } from '../usecases/after-create.js';
import { makeSubmitComplaint } from '../usecases/submit-complaint.js';
import type { Core } from './core.js';
import type { Mail } from './mail.js';

/**
 * Registering complaints, from any door: the form's endpoint, and functions with no HTTP settings at all
 * (the sheet sync creating cases from rows). The new case's emails go out once per case.
 */
export function wireSubmitComplaint(core: Core, mail: Mail) {
  const afterCreate = makeAfterCreate({
    sendOnce: mail.sendOnce,
    execManagers: mail.mail.execManagers,
    mail: mail.context,
  });
  return makeSubmitComplaint({ ...core, afterCreate });
}
