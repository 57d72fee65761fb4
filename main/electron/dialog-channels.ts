/** Desktop-only IPC channels for native dialogs; they return a path, never file contents. */
export const DIALOG_CHANNELS = {
  open: 'bridgehead:dialog-open',
  save: 'bridgehead:dialog-save',
} as const;
