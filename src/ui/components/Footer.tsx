// The one-line key footer.
import {Text} from 'ink';
import React from 'react';
import {footerText, type Hint} from '../keys.js';

export function Footer({hints}: {hints: Hint[]}) {
  return <Text dimColor>{footerText(hints)}</Text>;
}
