// How to write a command the person can paste: `npx hf-jobs-wizard …` works from a clone (npm runs the
// project's own bin), after a global install, and straight from the registry. A bare `hf-jobs-wizard` is
// not on PATH after `npm start`, so suggested commands always go through this.
export const APP_COMMAND = 'npx hf-jobs-wizard';

/** `appCommand('check my-first-hf-job --sandbox')` -> `npx hf-jobs-wizard check my-first-hf-job --sandbox`. */
export function appCommand(args = ''): string {
  return args ? `${APP_COMMAND} ${args}` : APP_COMMAND;
}
