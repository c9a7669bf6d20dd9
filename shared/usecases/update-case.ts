/** Changing a case from any door: the lifecycle decides, the repository refuses stale writes. */
import type { Case } from '../domain/case.js';
import { conflictError, notFoundError } from '../domain/errors.js';
import { applyChange, type ChangeRequest } from '../domain/lifecycle.js';
import type { CaseRules } from '../domain/rules.js';
import type { CaseRepository } from '../ports/case-repository.js';
import type { Clock } from '../ports/clock.js';

export function makeUpdateCase(deps: { cases: CaseRepository; clock: Clock; rules: CaseRules }) {
  /** `expectedVersion` is the version the caller saw; a stale one is a conflict, not an overwrite. */
  return async function updateCase(
    caseNo: string,
    expectedVersion: number,
    req: ChangeRequest,
  ): Promise<Case> {
    const current = await deps.cases.get(caseNo);
    if (!current) throw notFoundError(`no case ${caseNo}`);
    if (current.version !== expectedVersion) {
      throw conflictError(
        `case ${caseNo} is at version ${current.version}, not ${expectedVersion}; reload and try again`,
      );
    }
    const { next, event } = applyChange(current, req, deps.clock.now(), deps.rules);
    if (!event) return current;
    await deps.cases.update(next, expectedVersion, event);
    return next;
  };
}
export type UpdateCase = ReturnType<typeof makeUpdateCase>;
