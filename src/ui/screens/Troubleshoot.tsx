// One troubleshooting screen per problem id: symptoms, likely causes, a live diagnosis naming the actual cause, fixes.
import {Box, Text} from 'ink';
import React from 'react';
import {FIX_LABELS, type FixAction} from '../../core/wizard/types.js';
import {SelectList} from '../components/SelectList.js';
import {STATUS_COLORS, STATUS_ICONS} from '../format.js';
import type {ScreenProps} from '../hooks/use-wizard.js';

export function Troubleshoot({state, dispatch}: ScreenProps) {
  const {troubleshoot} = state;
  const info = troubleshoot.info;
  if (!info) return null;
  const diagnosis = troubleshoot.diagnosis;
  const fixes: FixAction[] = diagnosis?.suggested ? [diagnosis.suggested, ...info.fixes.filter((f) => f !== diagnosis.suggested)] : info.fixes;
  return (
    <Box flexDirection="column">
      <Text bold color="red">
        {info.title}
      </Text>
      <Text dimColor>problem id: {info.id}</Text>
      {troubleshoot.evidence ? (
        <Text dimColor wrap="truncate-end">
          Seen: {troubleshoot.evidence.split('\n').find((l) => l.trim()) ?? ''}
        </Text>
      ) : null}
      <Box marginTop={1} flexDirection="column">
        <Text bold>Symptoms</Text>
        {info.symptoms.map((s) => (
          <Text key={s}>  • {s}</Text>
        ))}
        <Text bold>Likely causes</Text>
        {info.causes.map((s) => (
          <Text key={s}>  • {s}</Text>
        ))}
      </Box>
      <Box marginTop={1} flexDirection="column">
        <Text bold>Diagnosis</Text>
        {diagnosis ? (
          <>
            {diagnosis.findings.map((f) => (
              <Text key={f.text} color={STATUS_COLORS[f.status]}>
                {'  '}
                {STATUS_ICONS[f.status]} {f.text}
              </Text>
            ))}
            <Text bold color="yellow">
              → {diagnosis.cause}
            </Text>
          </>
        ) : null}
      </Box>
      {troubleshoot.phase === 'done' ? (
        <Box marginTop={1} flexDirection="column">
          <Text bold>Fix</Text>
          <SelectList
            items={fixes.map((f, i) => ({label: `${FIX_LABELS[f]}${i === 0 && diagnosis?.suggested ? '  (suggested)' : ''}`, value: f}))}
            onSubmit={(action) => dispatch({type: 'fix', action})}
          />
        </Box>
      ) : null}
    </Box>
  );
}
