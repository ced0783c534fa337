// The terminal's height, kept up to date on resize (Infinity when unknown, e.g. in tests): screens that would not
// fit switch to a compact form, because Ink cannot scroll and the top of a too-tall frame is lost.
import {useStdout} from 'ink';
import {useEffect, useState} from 'react';

export function useRows(): number {
  const {stdout} = useStdout();
  const [rows, setRows] = useState(() => stdout.rows || Infinity);
  useEffect(() => {
    const update = () => setRows(stdout.rows || Infinity);
    stdout.on('resize', update);
    return () => {
      stdout.off('resize', update);
    };
  }, [stdout]);
  return rows;
}

/** The terminal's width, kept up to date on resize (80 when unknown, as Ink assumes). */
export function useColumns(): number {
  const {stdout} = useStdout();
  const [columns, setColumns] = useState(() => stdout.columns || 80);
  useEffect(() => {
    const update = () => setColumns(stdout.columns || 80);
    stdout.on('resize', update);
    return () => {
      stdout.off('resize', update);
    };
  }, [stdout]);
  return columns;
}
