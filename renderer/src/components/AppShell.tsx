import type { ReactNode } from 'react';
import { VIEWS, useAppStore } from '../store';

export function AppShell({ children }: { children: ReactNode }) {
  const view = useAppStore((s) => s.view);
  const setView = useAppStore((s) => s.setView);
  const workspace = useAppStore((s) => s.workspace);
  const app = useAppStore((s) => s.app);
  return (
    <div className="shell">
      <aside className="sidebar" aria-label="Main navigation">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">▲</span>
          <span className="brand-name">Bridgehead</span>
        </div>
        <div className="workspace-card" data-testid="workspace-name" title={workspace?.path}>
          <div className="workspace-label">Workspace</div>
          <div className="workspace-name">{workspace ? workspace.name : '…'}</div>
          {workspace?.isDemo ? <span className="badge">demo</span> : null}
        </div>
        <nav>
          <ul>
            {VIEWS.map((v) => (
              <li key={v.id}>
                <button
                  type="button"
                  className={v.id === view ? 'nav-item active' : 'nav-item'}
                  aria-current={v.id === view ? 'page' : undefined}
                  onClick={() => setView(v.id)}
                >
                  <span className="nav-label">{v.label}</span>
                  <span className="nav-hint">{v.hint}</span>
                </button>
              </li>
            ))}
          </ul>
        </nav>
        <footer className="sidebar-footer">
          {app ? `v${app.version} · ${app.face === 'electron' ? 'desktop' : 'browser'}` : ''}
        </footer>
      </aside>
      <main className="content">{children}</main>
    </div>
  );
}
