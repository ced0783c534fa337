// Styled lines from src/core/lessons/markdown.ts as Ink <Text>: one row per line, spans as nested Text.
import {Box, Text} from 'ink';
import React from 'react';
import type {Span, StyledLine} from '../../core/lessons/markdown.js';

function SpanText({span}: {span: Span}): React.ReactElement {
  const s = span.style ?? {};
  const text = s.href && s.href !== span.text ? `${span.text} (${s.href})` : span.text;
  return (
    <Text
      bold={s.bold ?? false}
      italic={s.italic ?? false}
      underline={s.underline ?? false}
      dimColor={s.dim ?? false}
      {...(s.color ? {color: s.color} : {})}
    >
      {text}
    </Text>
  );
}

export function StyledLines({lines}: {lines: StyledLine[]}): React.ReactElement {
  return (
    <Box flexDirection="column">
      {lines.map((line, i) => (
        <Text key={i} wrap="truncate-end">
          {line.length === 0 ? ' ' : line.map((span, j) => <SpanText key={j} span={span} />)}
        </Text>
      ))}
    </Box>
  );
}
