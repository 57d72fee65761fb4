import { Menu, dialog, type BrowserWindow } from 'electron';
import type { Session } from '../session';

export function setupMenu(getWindow: () => BrowserWindow | null, session: Session): void {
  const openWorkspace = async () => {
    const window = getWindow();
    const options = { title: 'Open workspace', filters: [{ name: 'Bridgehead workspace', extensions: ['bridgehead'] }], properties: ['openFile', 'promptToCreate'] as Array<'openFile' | 'promptToCreate'> };
    const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
    const path = result.filePaths[0];
    if (result.canceled || !path) return;
    try {
      await session.switchWorkspace(path);
    } catch (error) {
      dialog.showErrorBox('Cannot open workspace', error instanceof Error ? error.message : String(error));
    }
  };
  const template: Electron.MenuItemConstructorOptions[] = [
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        { label: 'Open Workspace…', accelerator: 'CmdOrCtrl+O', click: () => void openWorkspace() },
        { type: 'separator' },
        process.platform === 'darwin' ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    { role: 'viewMenu' },
    { role: 'windowMenu' },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
