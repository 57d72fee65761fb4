import { useEffect, useRef, useState, type DragEvent } from 'react';
import { Banners } from '../components/Banners';
import { FilePicker } from '../components/FilePicker';
import { formatWhole } from '../format';
import { useAppStore } from '../store';
import { ImportDialog } from './inventory/ImportDialog';
import { InventoryTable } from './inventory/InventoryTable';
import { InventoryToolbar } from './inventory/InventoryToolbar';

export function InventoryView({ desktopOpen }: { desktopOpen: (() => Promise<string | null>) | null }) {
  const total = useAppStore((s) => s.total);
  const workspace = useAppStore((s) => s.workspace);
  const error = useAppStore((s) => s.inventoryError);
  const reload = useAppStore((s) => s.reloadInventory);
  const startImport = useAppStore((s) => s.startImport);
  const startImportFromPath = useAppStore((s) => s.startImportFromPath);
  const fileInput = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);

  useEffect(() => {
    void reload();
  }, [reload]);

  const pick = async () => {
    if (desktopOpen) {
      const path = await desktopOpen();
      if (path) void startImportFromPath(path);
    } else fileInput.current?.click();
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file) void startImport(file);
  };

  return (
    <section
      className={dragging ? 'view dropping' : 'view'}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <header className="view-header">
        <h1>Inventory</h1>
        <p className="muted" data-testid="workload-count">
          {formatWhole(total)} shown of {formatWhole(workspace?.counts.workloads ?? 0)} workloads
        </p>
      </header>
      <InventoryToolbar onImport={() => void pick()} />
      <FilePicker ref={fileInput} accept=".csv,.tsv,.txt,text/csv" testId="import-file-input" onFile={(file) => void startImport(file)} />
      <Banners error={error} />
      <InventoryTable />
      {dragging ? <div className="drop-hint">Drop a CSV file to import it</div> : null}
      <ImportDialog />
    </section>
  );
}
