// The example the example step shows: the job as written in my-first-hf-job/ (what Run submits) once it is read,
// else the built-in example it was written from. The Ink screen and plain mode show the same one.
import type {ExampleSummary, WizardState} from './types.js';

export function shownExample(state: WizardState): ExampleSummary | undefined {
  const written = state.example.written;
  if (written && written.id === state.goal) return written;
  return state.examples.find((e) => e.id === state.goal);
}
