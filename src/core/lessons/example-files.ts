// Exercise files that are an example job's own script (e.g. push_dataset.py) are not copied into lessons/:
// an exercise that does not ship one gets the examples catalog's script, so lessons and the app run the same code.
import {EXAMPLES} from '../../examples/catalog.js';

/** The catalog's script text for a file name like `push_dataset.py`, or undefined when no example uses that name. */
export function exampleScriptFile(fileName: string): string | undefined {
  return EXAMPLES.find((e) => e.scriptName === fileName)?.python;
}
