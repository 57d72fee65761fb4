import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import type { Workload } from '../../../../core/inventory/schema';
import { formatCompact, label } from '../../format';
import { useAppStore } from '../../store';
import { rowAt, type SortKey } from '../../store/inventory-slice';

interface Column {
  key: SortKey;
  title: string;
  width: number;
  cell(w: Workload): string;
  numeric?: boolean;
}

const COLUMNS: Column[] = [
  { key: 'id', title: 'ID', width: 120, cell: (w) => w.id },
  { key: 'name', title: 'Name', width: 280, cell: (w) => w.name },
  { key: 'missionArea', title: 'Mission area', width: 170, cell: (w) => label(w.missionArea) },
  { key: 'vendor', title: 'Vendor', width: 100, cell: (w) => w.vendor },
  { key: 'model', title: 'Model', width: 170, cell: (w) => w.model ?? '—' },
  { key: 'classification', title: 'Classification', width: 120, cell: (w) => label(w.classification) },
  { key: 'criticality', title: 'Criticality', width: 100, cell: (w) => label(w.criticality) },
  {
    key: 'monthlyTokens',
    title: 'Tokens / month',
    width: 120,
    numeric: true,
    cell: (w) =>
      w.monthlyInputTokens === null && w.monthlyOutputTokens === null
        ? '—'
        : formatCompact((w.monthlyInputTokens ?? 0) + (w.monthlyOutputTokens ?? 0)),
  },
  { key: 'owner', title: 'Owner', width: 180, cell: (w) => w.owner ?? '—' },
];
const TEMPLATE = COLUMNS.map((c) => `${c.width}px`).join(' ');
const ROW_HEIGHT = 34;

export function InventoryTable() {
  const total = useAppStore((s) => s.total);
  const pages = useAppStore((s) => s.pages);
  const sort = useAppStore((s) => s.sort);
  const direction = useAppStore((s) => s.direction);
  const toggleSort = useAppStore((s) => s.toggleSort);
  const ensureRows = useAppStore((s) => s.ensureRows);
  const generation = useAppStore((s) => s.generation);
  const scroller = useRef<HTMLDivElement>(null);

  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is the documented API
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 20,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;

  useEffect(() => {
    if (total > 0) void ensureRows(first, last);
  }, [first, last, total, generation, ensureRows]);

  useEffect(() => {
    scroller.current?.scrollTo({ top: 0 });
  }, [generation]);

  return (
    <div className="table" role="table" aria-label="Workloads" aria-rowcount={total + 1}>
      <div className="table-head" role="row" style={{ gridTemplateColumns: TEMPLATE }}>
        {COLUMNS.map((c) => (
          <div
            key={c.key}
            role="columnheader"
            aria-sort={sort === c.key ? (direction === 'asc' ? 'ascending' : 'descending') : 'none'}
            className={c.numeric ? 'num' : undefined}
          >
            <button type="button" className="sort" onClick={() => toggleSort(c.key)}>
              {c.title}
              <span aria-hidden="true">{sort === c.key ? (direction === 'asc' ? ' ▲' : ' ▼') : ''}</span>
            </button>
          </div>
        ))}
      </div>
      <div className="table-body" ref={scroller} data-testid="inventory-scroller">
        {total === 0 ? <div className="table-empty">No workloads match.</div> : null}
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const w = rowAt(pages, item.index);
            return (
              <div
                key={item.key}
                role="row"
                aria-rowindex={item.index + 2}
                className={item.index % 2 ? 'table-row odd' : 'table-row'}
                style={{ gridTemplateColumns: TEMPLATE, transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
              >
                {COLUMNS.map((c) => (
                  <div key={c.key} role="cell" className={c.numeric ? 'num' : undefined} title={w ? c.cell(w) : undefined}>
                    {w ? c.cell(w) : '…'}
                  </div>
                ))}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
