// Aligned plain-text tables for terminal output. Long cells are cut with an ellipsis.
export function table(
  headers: string[],
  rows: (string | number | null | undefined)[][],
  maxWidth = 60,
): string {
  const cells = [
    headers,
    ...rows.map((row) => row.map((cell) => clip(cell == null ? '—' : String(cell), maxWidth))),
  ];
  const widths = headers.map((_, column) =>
    Math.max(...cells.map((row) => [...(row[column] ?? '')].length)),
  );
  const line = (row: string[]) =>
    row
      .map((cell, column) => cell + ' '.repeat((widths[column] ?? 0) - [...cell].length))
      .join('  ')
      .trimEnd();
  return [
    line(cells[0] as string[]),
    widths.map((w) => '─'.repeat(w)).join('  '),
    ...cells.slice(1).map(line),
  ].join('\n');
}

function clip(text: string, max: number): string {
  const chars = [...text.replace(/\s*\n\s*/g, ' ')];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : chars.join('');
}
