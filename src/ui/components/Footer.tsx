// The one-line key footer.
import {Text} from 'ink';
import {footerText, type Hint} from '../keys.js';

export function Footer({hints}: {hints: Hint[]}) {
  return <Text dimColor>{footerText(hints)}</Text>;
}
