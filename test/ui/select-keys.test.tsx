// Keys that arrive together (tmux `send-keys Down Down Enter`, a fast typist): ONE stdin write holding several keys
// is applied in order, so Enter submits the item the arrows moved to (newcomer report #3).
import {cleanup, render} from 'ink-testing-library';
import {afterEach, describe, expect, it, vi} from 'vitest';
import {SelectList} from '../../src/ui/components/SelectList.js';
import {delay} from './helpers.js';

afterEach(() => cleanup());
const ITEMS = [
  {label: 'Write token', value: 'write'},
  {label: 'Read token', value: 'read'},
  {label: 'Fine-grained token', value: 'fine-grained'},
];

describe('SelectList with keys in one chunk', () => {
  it('Down Down Enter in one write submits the third item', async () => {
    const onSubmit = vi.fn();
    const {stdin} = render(<SelectList items={ITEMS} onSubmit={onSubmit} />);
    await delay();
    stdin.write('\u001B[B\u001B[B\r');
    await vi.waitFor(() => expect(onSubmit).toHaveBeenCalled());
    expect(onSubmit.mock.calls).toEqual([['fine-grained']]);
  });

  it('j j Enter typed as one chunk submits the third item', async () => {
    const onSubmit = vi.fn();
    const {stdin} = render(<SelectList items={ITEMS} onSubmit={onSubmit} />);
    await delay();
    stdin.write('jj\r');
    await vi.waitFor(() => expect(onSubmit).toHaveBeenCalled());
    expect(onSubmit.mock.calls).toEqual([['fine-grained']]);
  });

  it('Up Enter in one write from the first item wraps to the last', async () => {
    const onSubmit = vi.fn();
    const {stdin} = render(<SelectList items={ITEMS} onSubmit={onSubmit} />);
    await delay();
    stdin.write('\u001B[A\r');
    await vi.waitFor(() => expect(onSubmit).toHaveBeenCalled());
    expect(onSubmit.mock.calls).toEqual([['fine-grained']]);
  });
});

describe('onHighlight before Enter', () => {
  it('Down Enter in one write: the highlight of the new item is reported before the submit', async () => {
    const calls: string[] = [];
    const {stdin} = render(
      <SelectList
        items={ITEMS}
        onHighlight={(v) => calls.push(`highlight ${v}`)}
        onSubmit={(v) => calls.push(`submit ${v}`)}
      />,
    );
    await delay();
    stdin.write('\u001B[B\r');
    await vi.waitFor(() => expect(calls).toContain('submit read'));
    expect(calls).toEqual(['highlight write', 'highlight read', 'submit read']);
  });
});
