/** UI.md status colours: processing blue, waiting for the citizen orange, done green, closed grey. */
export const toneColor = {
  processing: 'processing',
  waiting: 'warning',
  done: 'success',
  closed: 'default',
} as const;
