// The example catalog as the lessons take it (core/lessons does not import src/examples; `learn` passes it in): tests
// open courses, load lessons and build exercise jobs with this one, as the command does.
import {lessonExamples} from '../../src/core/lessons/example-files.js';
import {EXAMPLES} from '../../src/examples/catalog.js';

export const CATALOG = lessonExamples(EXAMPLES);
