// The wizard's troubleshooting state as the one report model (core/troubleshoot/report.ts): the Ink screen and
// plain mode both render this, so they say what the `troubleshoot` command says.
import {buildReport, type TroubleshootReport} from '../troubleshoot/report.js';
import type {WizardState} from './types.js';

/** The report for the troubleshooting screen, or undefined while there is nothing classified yet. */
export function wizardReport(
  state: Pick<WizardState, 'troubleshoot' | 'target' | 'step'> & Partial<Pick<WizardState, 'run'>>,
): TroubleshootReport | undefined {
  const t = state.troubleshoot;
  if (!t.info) return undefined;
  const first = t.evidence
    ?.split('\n')
    .find((l) => l.trim())
    ?.trim();
  // A pasted text (the paste box was used) came from some job of the person's, not one this wizard ran.
  const origin = t.draft !== undefined ? 'pasted' : t.returnTo === 'result' ? 'job' : 'check';
  const d = t.diagnosis;
  const ran = state.run !== undefined && (state.run.job !== undefined || state.run.phase === 'finished');
  return buildReport({
    problem: t.info.id,
    ...(t.guess && t.problem === t.info.id ? {guess: true} : {}),
    // A text from huggingface.co pasted while on the sandbox is answered for huggingface.co (its pages, no practice tokens).
    ...(t.hub ? {endpoint: t.hub} : state.target ? {endpoint: state.target.endpoint} : {}),
    origin,
    ...(origin === 'pasted' && t.leaks?.length ? {leaks: t.leaks} : {}),
    seen: t.seen?.length ? t.seen : first ? [first] : [],
    ...(t.alternatives ? {alternatives: t.alternatives} : {}),
    info: t.info,
    ...(d ? {diagnosis: {findings: d.findings, cause: d.cause, ...(d.actual ? {actual: d.actual} : {})}} : {}),
    // "Run the job again" only once this wizard has run (or tried to submit) the job: not from the checklist or a
    // refused pre-flight, where nothing ran yet.
    actions: d
      ? {
          actions: d.actions.filter((a) => a !== 'retry' || ran),
          ...(d.suggested && (d.suggested !== 'retry' || ran) ? {suggested: d.suggested} : {}),
        }
      : {actions: []},
  });
}
