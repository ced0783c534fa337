// Text from outside (job logs, pasted errors, file contents, names a server sent) never drives the terminal: colour
// codes (SGR, `ESC[…m`) are dropped, every other escape sequence and control character is made visible with its
// Unicode control picture (`ESC]52;…` shows as `␛]52;…`, so an OSC 52 clipboard write or a screen clear is text),
// carriage returns become line breaks. Newlines and tabs stay. No dependencies: the sandbox imports it too.

const SGR = /\x1b\[[0-9;:]*m|\x9b[0-9;:]*m/g;
// C0 controls except \t and \n, DEL, and the C1 range (0x80-0x9f: 0x9b is a one-byte CSI on some terminals).
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f\x80-\x9f]/g;

function picture(c: string): string {
  const code = c.charCodeAt(0);
  if (code < 0x20) return String.fromCharCode(0x2400 + code);
  if (code === 0x7f) return '\u2421';
  return `\\x${code.toString(16)}`;
}

export function sanitizeTerminal(text: string): string {
  return text.replace(SGR, '').replace(/\r\n?/g, '\n').replace(CONTROL, picture);
}

/** For one-line values (a token name, a repo id): also no line breaks. */
export function sanitizeLine(text: string): string {
  return sanitizeTerminal(text).replace(/\n/g, ' ');
}
