// The example jobs the lessons use, as a port: a live exercise runs the catalog's example (core/jobs buildJob takes
// it), and an exercise that does not ship an example's own script (e.g. push_dataset.py) gets the catalog's, so
// lessons and the app run the same code. core does not import src/examples: the `learn` command passes the catalog in
// (lessonExamples(EXAMPLES)) when it opens the course.
import type {JobExample} from '../jobs/build.js';

export interface LessonExamples {
  /** The example job an exercise names (`push-dataset`), or undefined. */
  find(id: string): JobExample | undefined;
  /** The script text for a file name like `push_dataset.py`, or undefined when no example uses that name. */
  scriptFile(fileName: string): string | undefined;
}

export function lessonExamples(list: readonly JobExample[]): LessonExamples {
  return {
    find: (id) => list.find((e) => e.id === id),
    scriptFile: (fileName) => list.find((e) => e.scriptName === fileName)?.python,
  };
}
