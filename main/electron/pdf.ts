/**
 * The desktop face prints briefings with Electron's own Chromium (webContents.printToPDF), so PDF
 * export needs nothing installed. The page is loaded in a hidden, sandboxed window with scripts
 * off: the briefing is static HTML and SVG.
 */
import { BrowserWindow } from 'electron';
import type { PdfRenderer } from '../export/pdf';

export const electronPdfRenderer: PdfRenderer = async (html) => {
  const window = new BrowserWindow({
    show: false,
    webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false },
  });
  try {
    await window.loadURL(`data:text/html;charset=utf-8;base64,${Buffer.from(html, 'utf8').toString('base64')}`);
    const pdf = await window.webContents.printToPDF({ printBackground: true, preferCSSPageSize: true });
    return new Uint8Array(pdf);
  } finally {
    window.destroy();
  }
};
