// The paste box starts with the text from the last time (Esc out of it keeps the text) and reports every change.
import {cleanup, render} from 'ink-testing-library';
import {afterEach, expect, it, vi} from 'vitest';
import {PasteBox} from '../../src/ui/components/PasteBox.js';
import {delay, press} from './helpers.js';

afterEach(() => cleanup());

it('shows the kept text, and typing goes on from it', async () => {
  const onChange = vi.fn();
  const {lastFrame, stdin} = render(
    <PasteBox initial={'HTTP 401\nUnauthorized'} onChange={onChange} onSubmit={() => {}} />,
  );
  expect(lastFrame()).toContain('HTTP 401');
  expect(lastFrame()).toContain('Unauthorized');
  expect(lastFrame()).toContain('2 lines');
  await delay();
  await press(stdin, '!');
  expect(onChange).toHaveBeenLastCalledWith('HTTP 401\nUnauthorized!');
});
