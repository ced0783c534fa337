// Lesson content and data: front matter, the loader's errors, every lesson renders, the Markdown renderer.
import {mkdir, mkdtemp, readFile, readdir, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {FrontMatterError, parseFrontMatter} from '../../src/core/lessons/frontmatter.js';
import {findExercise, findLesson, findLessonsDir, loadLessons} from '../../src/core/lessons/loader.js';
import {faceWords} from '../../src/core/lessons/format.js';
import {
  highlightCode,
  linesToAnsi,
  linesToPlain,
  parseInline,
  renderMarkdown,
  wrapSpans,
} from '../../src/core/lessons/markdown.js';
import {LessonDataError, parseExercises} from '../../src/core/lessons/model.js';
import {findExample} from '../../src/examples/catalog.js';
import {DATASET_FILES, DATASET_REPO_NAME} from '../../src/examples/content.js';
import {PUSH_DATASET_PY} from '../../src/examples/python.js';
import {copySolution, exerciseWorkspace, prepareWorkspace} from '../../src/core/lessons/workspace.js';
import {CATALOG} from '../helpers/lessons.js';

describe('front matter', () => {
  it('parses strings, numbers, quoted strings and inline lists', () => {
    const fm = parseFrontMatter(
      '---\nid: tokens\ntitle: "A: quoted title"\norder: 3\nprerequisites: [a, b]\nnone: []\n---\n# Body\n',
    );
    expect(fm.data).toEqual({id: 'tokens', title: 'A: quoted title', order: 3, prerequisites: ['a', 'b'], none: []});
    expect(fm.body).toBe('# Body\n');
    expect(fm.bodyLine).toBe(8);
  });
  it('names the line of a problem', () => {
    expect(() => parseFrontMatter('---\nid tokens\n---\n')).toThrow(/line 2: expected "key: value"/);
    expect(() => parseFrontMatter('---\nid: a\nid: b\n---\n')).toThrow(/"id" is given twice/);
    expect(() => parseFrontMatter('---\nid: a\n')).toThrow(FrontMatterError);
    expect(() => parseFrontMatter('---\nlist: [a, b\n---\n')).toThrow(/must end with "\]"/);
  });
  it('a file without front matter is all body', () => {
    expect(parseFrontMatter('# Hi').data).toEqual({});
  });
});

describe('exercise data validation', () => {
  const quiz = (choices: unknown[]) => [
    {id: 'q', kind: 'quiz', title: 'T', hints: ['h'], solution: 's', questions: [{prompt: 'p', choices}]},
  ];
  it('requires an explanation on every wrong quiz choice and exactly one right one', () => {
    expect(() => parseExercises(quiz([{text: 'a', correct: true}, {text: 'b'}]), 'x')).toThrow(
      /wrong choice needs an "explanation"/,
    );
    expect(() =>
      parseExercises(
        quiz([
          {text: 'a', explanation: 'e'},
          {text: 'b', explanation: 'e'},
        ]),
        'x',
      ),
    ).toThrow(/exactly one choice/);
  });
  it('rejects unknown kinds, bad ids, escaping file names and unknown tokens', () => {
    expect(() => parseExercises([{id: 'a', kind: 'essay', title: 't', hints: ['h'], solution: 's'}], 'x')).toThrow(
      LessonDataError,
    );
    expect(() => parseExercises([{id: 'A b', kind: 'quiz', title: 't', hints: ['h'], solution: 's'}], 'x')).toThrow(
      /lower-case/,
    );
    expect(() =>
      parseExercises(
        [
          {
            id: 'a',
            kind: 'fix-file',
            title: 't',
            task: 't',
            hints: ['h'],
            solution: 's',
            files: ['../x'],
            checks: {pass: ['hardcoded-token']},
          },
        ],
        'x',
      ),
    ).toThrow(/plain relative name/);
    expect(() =>
      parseExercises(
        [
          {
            id: 'a',
            kind: 'live',
            title: 't',
            task: 't',
            hints: ['h'],
            solution: 's',
            files: ['f'],
            example: 'e',
            verify: {type: 'job-completed', token: 'admin'},
            solutionSteps: [{run: 'write'}],
          },
        ],
        'x',
      ),
    ).toThrow(/token must be one of/);
  });
});

describe('the lessons folder', () => {
  let tmp: string | undefined;
  afterEach(async () => {
    if (tmp) await rm(tmp, {recursive: true, force: true});
    tmp = undefined;
  });

  it('is found from source, and holds the seven lessons in order with the documented front matter', async () => {
    const lessons = await loadLessons(CATALOG);
    expect(lessons.map((l) => l.id)).toEqual([
      'tokens',
      'job-token',
      'script-token',
      'verify',
      'errors',
      'security',
      'workflow',
    ]);
    for (const l of lessons) {
      expect(l.minutes).toBeGreaterThan(0);
      expect(l.body).toMatch(/^# /);
    }
    expect(findLesson(lessons, '2')?.id).toBe('job-token');
    expect(findLesson(lessons, '02-giving-a-job-its-token')?.id).toBe('job-token');
    expect(findExercise(findLesson(lessons, 'job-token')!, '2')?.id).toBe('python-get-token');
  });

  it('every lesson renders without losing text, at several widths', async () => {
    for (const lesson of await loadLessons(CATALOG)) {
      for (const width of [40, 80, 120]) {
        const lines = renderMarkdown(lesson.body, {width});
        const plain = linesToPlain(lines);
        expect(plain.replace(/\s+/g, ' ')).toContain(lesson.title.replace(/"/g, ''));
        expect(plain).not.toMatch(/```|\*\*/);
        // Prose wraps to the width; code blocks and table rows may be wider.
        for (const l of lines) {
          const text = l.map((s) => s.text).join('');
          if (!text.startsWith('  │') && !/─/.test(text) && !text.includes('http'))
            expect(text.length, `${lesson.id} @${width}: ${text}`).toBeLessThanOrEqual(Math.max(width, 60));
        }
      }
    }
  });

  it("lesson 5's title says what it covers: the token errors and the job failures that are not token errors", async () => {
    const errors = findLesson(await loadLessons(CATALOG), 'errors')!;
    expect(errors.body).toMatch(/^## 5\. .*job failures that are not token errors/m);
    expect(errors.title).toMatch(/token errors/);
    expect(errors.title).toMatch(/job failures/);
  });

  it('tasks and hints name the keys of the full-screen view; plain mode and the command get their menu entries and flags', async () => {
    const texts = (await loadLessons(CATALOG)).flatMap((l) =>
      l.exercises.flatMap((e) => [...(e.kind === 'quiz' ? [] : [e.task]), ...e.hints]),
    );
    const keyed = texts.filter((t) => /\b[Pp]ress [a-z]\b|\([a-z]\)/.test(t));
    expect(keyed.length).toBeGreaterThan(3);
    for (const t of texts) {
      expect(faceWords(t, 'key')).toBe(t);
      for (const face of ['menu', 'command'] as const)
        expect(faceWords(t, face), `${face}: ${t}`).not.toMatch(/\b[Pp]ress [a-z]\b|\([a-z]\)/);
    }
    expect(faceWords('Press r and pick the read token.', 'menu')).toBe(
      'Choose "Run the job in hf-job.json" and pick the read token.',
    );
    expect(faceWords('Run it once as it is (r): the log says.', 'command')).toBe('Run it once as it is: the log says.');
    expect(faceWords('Press r and pick the read token. Then press r again.', 'command')).toBe(
      'Run it with --run EX --token read. Then use --run EX --token NAME again.',
    );
  });

  it('every command of the app in a lesson is written as it runs from npm (npx hf-jobs-wizard …), as the app says it', async () => {
    for (const lesson of await loadLessons(CATALOG)) {
      const bare = lesson.body.match(/(?<!npx )`hf-jobs-wizard [a-z-]+[^`]*`/g) ?? [];
      expect(bare, lesson.id).toEqual([]);
    }
  });

  it('the lesson text keeps the corrections the seed gets wrong', async () => {
    const all = (await loadLessons(CATALOG)).map((l) => l.body).join('\n');
    expect(all).toContain('--secrets HF_TOKEN');
    expect(all).toContain('get_token()');
    expect(all).toContain('hf auth login');
    expect(all).toContain('job.write');
    expect(all).toMatch(/deprecated/);
    expect(all).not.toMatch(/^\s*huggingface-cli login\s*$/m);
  });

  it("agrees with the examples catalog: every live exercise names a real example, the job scripts are the catalog's", async () => {
    const lessons = await loadLessons(CATALOG);
    const dir = findLessonsDir();
    for (const lesson of lessons) {
      for (const exercise of lesson.exercises) {
        if (exercise.kind !== 'live') continue;
        expect(findExample(exercise.example), `${lesson.id}/${exercise.id}`).toBeDefined();
        if (exercise.verify.type === 'dataset-pushed')
          expect(exercise.verify.repo).toBe(findExample(exercise.example)!.repo!('u').id.split('/')[1]);
      }
    }
    // Every push_dataset.py the job itself runs is the catalog's script, byte for byte (lesson 3's is the learner's own, shorter one).
    const scripts: string[] = [];
    const walk = async (d: string): Promise<void> => {
      for (const e of await readdir(d, {withFileTypes: true})) {
        if (e.isDirectory()) await walk(join(d, e.name));
        else scripts.push(join(d, e.name));
      }
    };
    await walk(dir);
    // They are not copied into lessons/: the workspace gets the catalog's script (only lesson 3 ships its own).
    const shipped = scripts.filter((f) => f.endsWith('push_dataset.py'));
    expect(
      shipped.every((f) => f.includes('03-token-in-the-script')),
      shipped.join(', '),
    ).toBe(true);
    const root = await mkdtemp(join(tmpdir(), 'lesson-scripts-'));
    try {
      let prepared = 0;
      for (const lesson of lessons) {
        for (const exercise of lesson.exercises) {
          if (
            exercise.kind === 'quiz' ||
            !exercise.files.includes('push_dataset.py') ||
            lesson.dirName.startsWith('03-')
          )
            continue;
          for (const copy of [prepareWorkspace, copySolution]) {
            await copy(root, lesson, exercise, CATALOG);
            expect(
              await readFile(join(exerciseWorkspace(root, lesson, exercise), 'push_dataset.py'), 'utf8'),
              `${lesson.id}/${exercise.id}`,
            ).toBe(PUSH_DATASET_PY);
          }
          prepared++;
        }
      }
      expect(prepared).toBeGreaterThanOrEqual(4);
    } finally {
      await rm(root, {recursive: true, force: true});
    }
    // No lesson text, task or file names the old repo or file names.
    const texts = await Promise.all(
      scripts.filter((f) => /\.(md|json|py|sh)$/.test(f)).map(async (f) => [f, await readFile(f, 'utf8')] as const),
    );
    for (const [f, text] of texts) {
      expect(text, f).not.toMatch(/hf-jobs-wizard-demo(?!-dataset|-model)/);
      expect(text, f).not.toMatch(/(?<![/\w])data\.csv/);
    }
    const workflow = texts.find(([f]) => f.endsWith(join('07-full-workflow', 'lesson.md')))![1];
    expect(workflow).toContain(DATASET_REPO_NAME);
    for (const name of Object.keys(DATASET_FILES)) expect(workflow).toContain(name);
  });

  it('a broken lesson is reported with its file and problem', async () => {
    const tmp2 = await mkdtemp(join(tmpdir(), 'lessons-bad-'));
    tmp = tmp2;
    await writeFile(join(tmp2, 'README.md'), '# guide');
    await mkdir(join(tmp2, '01-x'));
    await writeFile(join(tmp2, '01-x', 'lesson.md'), '---\nid: x\ntitle: X\norder: one\nminutes: 3\n---\n# X\n');
    await expect(loadLessons(CATALOG, tmp2)).rejects.toThrow(
      /01-x.*lesson\.md: front matter "order" must be a positive whole number/,
    );
    expect(findLessonsDir({HF_JOBS_WIZARD_LESSONS: tmp2})).toBe(tmp2);
    expect(() => findLessonsDir({HF_JOBS_WIZARD_LESSONS: join(tmp2, 'nope')})).toThrow(/not a lessons folder/);
  });
});

describe('markdown renderer', () => {
  it('styles inline code, bold, italic and links', () => {
    const spans = parseInline(
      'Use `hf auth login`, **never** *paste*, see [tokens](https://huggingface.co/settings/tokens).',
    );
    expect(spans.find((s) => s.text === 'hf auth login')?.style).toMatchObject({code: true});
    expect(spans.find((s) => s.text === 'never')?.style).toMatchObject({bold: true});
    expect(spans.find((s) => s.text === 'paste')?.style).toMatchObject({italic: true});
    expect(spans.find((s) => s.text === 'tokens')?.style).toMatchObject({
      href: 'https://huggingface.co/settings/tokens',
    });
  });
  it('links become OSC 8 only when asked, else "text (url)"', () => {
    const lines = renderMarkdown('[docs](https://hf.co/docs) and https://hf.co/x.');
    expect(linesToPlain(lines)).toBe('docs (https://hf.co/docs) and https://hf.co/x.');
    const osc = linesToAnsi(lines, {color: true, hyperlinks: true});
    expect(osc).toContain('\x1b]8;;https://hf.co/docs\x1b\\');
    expect(linesToAnsi(lines, {color: true, hyperlinks: false})).not.toContain('\x1b]8;');
  });
  it('highlights code by language and leaves unknown languages plain', () => {
    const py = highlightCode('import os  # comment', 'python');
    expect(py.find((s) => s.text === 'import')?.style?.color).toBe('magenta');
    expect(py.find((s) => s.text === '# comment')?.style?.color).toBe('gray');
    const sh = highlightCode('hf jobs uv run --secrets HF_TOKEN x.py', 'sh');
    expect(sh.find((s) => s.text === '--secrets')?.style?.color).toBe('cyan');
    const json = highlightCode('{"HF_TOKEN": "$HF_TOKEN"}', 'json');
    expect(json.find((s) => s.text === '"HF_TOKEN"')?.style?.color).toBe('cyan');
    expect(json.find((s) => s.text === '"$HF_TOKEN"')?.style?.color).toBe('green');
    expect(highlightCode('a b', 'text')).toEqual([{text: 'a b', style: {code: true}}]);
  });
  it('renders headings, lists, tables and code blocks', () => {
    const md =
      '# Title\n\nSome text.\n\n- one\n- two `x`\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n```sh\nhf auth login\n```\n';
    const plain = linesToPlain(renderMarkdown(md));
    expect(plain).toBe(
      [
        'Title',
        '',
        'Some text.',
        '',
        '  • one',
        '  • two x',
        '',
        '  a  b',
        '  ─  ─',
        '  1  2',
        '',
        '  │ hf auth login',
      ].join('\n'),
    );
  });
  it('a table too wide for the terminal becomes label: value lines', () => {
    const md = '| kind | what it may do |\n|---|---|\n| read | read everything your account can read, everywhere |\n';
    const plain = linesToPlain(renderMarkdown(md, {width: 20}));
    expect(plain).toContain('• kind: read');
    expect(plain).toContain('what it may do:');
  });
  it('wraps at spaces and keeps continuation indent', () => {
    const lines = wrapSpans([{text: 'aaa bbb ccc ddd'}], 9, [{text: '- '}], [{text: '  '}]);
    expect(lines.map((l) => l.map((s) => s.text).join(''))).toEqual(['- aaa bbb', '  ccc ddd']);
  });
});

describe('lesson facts agree with the app (newcomer #12, confusions)', () => {
  it('"$HF_TOKEN" is counted as nine characters wherever a lesson counts it', async () => {
    const lessons = await loadLessons(CATALOG, findLessonsDir());
    const words: Record<string, number> = {seven: 7, eight: 8, nine: 9, ten: 10};
    let counted = 0;
    for (const l of lessons) {
      for (const m of l.body.matchAll(/\b(\w+) characters [`"]*\$HF_TOKEN/g)) {
        counted++;
        expect(words[m[1]!.toLowerCase()] ?? Number(m[1]), `${l.id}: "${m[0]}"`).toBe('$HF_TOKEN'.length);
      }
    }
    expect(counted).toBeGreaterThan(0);
  });

  it('lesson 1 counts the token kinds like the wizard: three to create today, plus legacy org tokens (four)', async () => {
    const lessons = await loadLessons(CATALOG, findLessonsDir());
    const body = lessons.find((l) => l.order === 1)!.body;
    expect(body).not.toMatch(/^## The three kinds$/m);
    expect(body).toMatch(/^## Three kinds you can create today \(plus legacy org tokens\)$/m);
    expect(body).toContain('The wizard lists four kinds');
  });
});
