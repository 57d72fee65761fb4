/** What every handler gets: the open workspace, the event hub, and which face is serving. */
import type { AppInfo } from '../../core/api';
import type { Workspace } from '../../db/workspace';
import type { EventHub } from '../events';
import type { PdfRenderer } from '../export/pdf';
import type { UploadStore } from '../uploads';

export interface HandlerContext {
  /** The open workspace; a getter because the desktop app can switch files. */
  workspace(): Workspace;
  events: EventHub;
  /** Files the browser face sent (it has no local paths). */
  uploads: UploadStore;
  face: AppInfo['face'];
  /** How the PDF export prints HTML; the desktop face passes Electron's printToPDF. Default: headless Chromium. */
  pdfRenderer?: PdfRenderer;
}
