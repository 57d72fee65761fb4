import { BrowserWindow, dialog, ipcMain } from 'electron';
import { DIALOG_CHANNELS } from './dialog-channels';
import type { SenderCheck } from './ipc';

export function setupDialogs(isTrusted: SenderCheck): void {
  ipcMain.handle(DIALOG_CHANNELS.open, async (event, options: { title: string; filters: { name: string; extensions: string[] }[] }) => {
    if (!isTrusted(event)) return null;
    const window = BrowserWindow.fromWebContents(event.sender);
    const result = window
      ? await dialog.showOpenDialog(window, { title: options.title, filters: options.filters, properties: ['openFile'] })
      : await dialog.showOpenDialog({ title: options.title, filters: options.filters, properties: ['openFile'] });
    return result.canceled ? null : (result.filePaths[0] ?? null);
  });
  ipcMain.handle(DIALOG_CHANNELS.save, async (event, options: { title: string; defaultPath: string }) => {
    if (!isTrusted(event)) return null;
    const window = BrowserWindow.fromWebContents(event.sender);
    const result = window
      ? await dialog.showSaveDialog(window, { title: options.title, defaultPath: options.defaultPath })
      : await dialog.showSaveDialog({ title: options.title, defaultPath: options.defaultPath });
    return result.canceled ? null : (result.filePath ?? null);
  });
}
