// The example the example step shows: the job as written in my-first-hf-job/ (what Run submits) once it is read,
// else the built-in example it was written from. The Ink screen and plain mode show the same one.
import type {ConfigPlan, ExampleSummary, WizardState} from './types.js';

/**
 * The config step's "skip" choice, as it is: with no hf-job.json in my-first-hf-job/ the example runs from memory;
 * with one there (not rewritten), Run submits that file as it is.
 */
export function skipChoiceLabel(plan: ConfigPlan | undefined): string {
  const config = plan?.files.find((f) => f.role === 'job config');
  return config?.exists ? 'Skip writing; run hf-job.json as it is now' : 'Skip writing; run the example from memory';
}

/**
 * What the example screen says about a run on the sandbox: it runs the example on this computer, and that is the
 * built-in script (under uv, or its Node twin), so an edited copy of the script only runs on a real Hub.
 */
export function sandboxRunNote(state: WizardState): string | undefined {
  if (state.target?.kind !== 'sandbox') return undefined;
  const example = shownExample(state);
  if (example?.scriptEdited)
    return `On the sandbox the built-in ${example.scriptName} runs on this computer (under uv when it is installed, else its Node twin), not your edited copy: hf-job.json's settings apply here, your changes to the script run on huggingface.co.`;
  return 'On the sandbox the job runs on this computer: the Python script with uv when uv is installed, else its Node twin (same steps, same messages).';
}

export function shownExample(state: WizardState): ExampleSummary | undefined {
  const written = state.example.written;
  if (written && written.id === state.goal) return written;
  return state.examples.find((e) => e.id === state.goal);
}
