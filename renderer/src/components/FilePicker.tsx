import { forwardRef } from 'react';

/** The hidden file input behind an "Import…" button (the browser face has no native dialog). */
export const FilePicker = forwardRef<HTMLInputElement, { accept: string; testId: string; onFile(file: File): void }>(function FilePicker(
  { accept, testId, onFile },
  ref,
) {
  return (
    <input
      ref={ref}
      type="file"
      accept={accept}
      hidden
      data-testid={testId}
      onChange={(e) => {
        const file = e.target.files?.[0];
        if (file) onFile(file);
        // Cleared so choosing the same file again fires again.
        e.target.value = '';
      }}
    />
  );
});
