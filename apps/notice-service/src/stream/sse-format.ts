/** One Server-Sent Event: `event:`, optional `id:`, and the JSON data on one line (JSON never contains a raw newline). */
export function formatSseEvent(event: string, data: unknown, id?: number): string {
  return `${id === undefined ? '' : `id: ${id}\n`}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}
