// A URL as an OSC 8 hyperlink where the terminal supports it; the visible text is the URL either way.
import {Text} from 'ink';
import {hyperlink} from '../format.js';
import {useUiEnv} from '../hooks/use-wizard.js';

export function Link({url}: {url: string}) {
  const {links} = useUiEnv();
  return (
    <Text color="blue" underline>
      {hyperlink(url, links)}
    </Text>
  );
}
