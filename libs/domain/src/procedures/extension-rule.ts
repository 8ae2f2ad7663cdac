import { MAX_EXTENSION_WORKING_DAYS } from './procedure-catalogue';

export type ExtensionCheck = { ok: true } | { ok: false; reason: string };

/** An extension grants 1..MAX_EXTENSION_WORKING_DAYS whole working days (how often: see the state machine). */
export function checkExtensionDays(days: number): ExtensionCheck {
  if (!Number.isInteger(days) || days < 1 || days > MAX_EXTENSION_WORKING_DAYS) {
    return {
      ok: false,
      reason: `an extension must be a whole number of working days from 1 to ${MAX_EXTENSION_WORKING_DAYS}`,
    };
  }
  return { ok: true };
}
