// Which fix actions a troubleshooting screen offers: the tables live with the report model in
// core/troubleshoot/actions.ts (the command prints the same actions the wizard runs); re-exported here for the wizard.
export {CAUSE_ACTIONS, PROBLEM_ACTIONS, fixesFor, type FixContext} from '../troubleshoot/actions.js';
