import { useId, type ReactNode } from 'react';

/** A modal dialog with a titled header and a close button; the body and footer are the caller's. */
export function Modal({ title, closeLabel, onClose, children }: { title: string; closeLabel: string; onClose(): void; children: ReactNode }) {
  const titleId = useId();
  return (
    <div className="modal-backdrop">
      <div className="modal" role="dialog" aria-modal="true" aria-labelledby={titleId}>
        <header className="modal-header">
          <h2 id={titleId}>{title}</h2>
          <button type="button" className="ghost" onClick={onClose} aria-label={closeLabel}>
            ✕
          </button>
        </header>
        {children}
      </div>
    </div>
  );
}
