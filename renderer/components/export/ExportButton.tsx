import type { ReactNode } from 'react';
import type { ExportJob, Made, useExport } from './useExport';

/** A button that runs one export job; every button of a panel shares the panel's exporter. */
export function ExportButton<M extends Made>({ exporter, job, primary, children }: { exporter: ReturnType<typeof useExport>; job: ExportJob<M>; primary?: boolean; children: ReactNode }) {
  return (
    <button className={`btn small${primary ? ' primary' : ''}`} disabled={exporter.busy} onClick={() => void exporter.run(job)}>
      {children}
    </button>
  );
}
