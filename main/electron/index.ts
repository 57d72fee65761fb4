/**
 * The desktop shell, kept thin: one window, IPC wiring, menus and dialogs. Everything else is
 * the same session and handlers the browser face and the CLI use.
 */
import { app, type BrowserWindow, dialog, ipcMain } from 'electron';
import { PUSH_EVENT_CHANNEL } from '../../core/api/events';
import { startSession, type Session } from '../session';
import { setupDialogs } from './dialogs';
import { setupIpc, trustedSenderCheck } from './ipc';
import { setupMenu } from './menu';
import { electronPdfRenderer } from './pdf';
import { createMainWindow } from './window';

app.setName('Bridgehead');
const devServerUrl = process.env.ELECTRON_RENDERER_URL;
let mainWindow: BrowserWindow | null = null;

function workspaceArgument(argv: string[]): string | undefined {
  const index = argv.indexOf('--workspace');
  return index >= 0 ? argv[index + 1] : undefined;
}

async function start(): Promise<void> {
  await app.whenReady();
  let session: Session;
  try {
    session = await startSession({ workspace: workspaceArgument(process.argv), face: 'electron', pdfRenderer: electronPdfRenderer });
  } catch (error) {
    dialog.showErrorBox('Bridgehead cannot start', error instanceof Error ? error.message : String(error));
    app.exit(1);
    return;
  }
  const isTrusted = trustedSenderCheck({
    devServerUrl,
    allowedWebContentsIds: () => (mainWindow ? [mainWindow.webContents.id] : []),
  });
  setupIpc(ipcMain, session.handlers, isTrusted);
  setupDialogs(isTrusted);
  session.events.subscribe((event) => mainWindow?.webContents.send(PUSH_EVENT_CHANNEL, event));
  setupMenu(() => mainWindow, session);
  mainWindow = createMainWindow(devServerUrl);
  mainWindow.on('closed', () => (mainWindow = null));
  app.on('activate', () => {
    if (!mainWindow) mainWindow = createMainWindow(devServerUrl);
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', () => session.close());
}

void start();
