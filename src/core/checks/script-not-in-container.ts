// script-not-in-container: the MCP tool's `script` is one line that is not a URL, so the container runs
// `uv run your_script.py` on a file that only exists on your machine.
import {scriptKind} from '../jobspec/spec.js';
import {outcome, result, type StaticCheck} from './common.js';

const id = 'script-not-in-container';
const title = 'MCP scripts are inline code or URLs';

export const scriptNotInContainer: StaticCheck = {
  id,
  title,
  run(model) {
    const mcp = model.submissions.filter((s) => s.origin === 'mcp' && s.operation === 'uv' && s.script?.literal);
    const findings = [];
    for (const sub of mcp) {
      const script = sub.script!.value;
      if (/^\s*(\.\.\.|…|<[^>]*>)?\s*$/.test(script)) continue; // an elided example ("..."), not a real value
      const kind = scriptKind(script);
      if (kind === 'path') {
        findings.push(
          result(
            id,
            title,
            'fail',
            `"script": "${script}" is a local path: the MCP tool sends it as \`uv run ${script}\` to the job's container, where that file does not exist.`,
            'Paste the file\'s content as "script" (multi-line text is sent inline), give an https:// URL to it, or use `hf jobs uv run ' +
              script +
              '` (the CLI uploads local files).',
            {file: sub.file, line: sub.script!.line},
          ),
        );
      } else if (kind === 'command' && script.trim() !== '') {
        findings.push(
          result(
            id,
            title,
            'fail',
            `"script": "${script.length > 60 ? script.slice(0, 57) + '...' : script}" is one line: the MCP tool inlines only multi-line text, so this is run as \`uv run ${script.split(/\s/)[0]}\` (a file name) in the container.`,
            'Put the code on several lines (or end it with a newline), or give a URL.',
            {file: sub.file, line: sub.script!.line},
          ),
        );
      }
    }
    return outcome(
      id,
      title,
      findings,
      mcp.length > 0,
      'MCP uv calls send inline code or URLs.',
      'No MCP uv calls found.',
    );
  },
};
