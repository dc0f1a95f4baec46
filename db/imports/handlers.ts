import { later, type HandlersFor } from '../channel';
import { getOrganization } from '../organization/queries';
import type { importsContract } from './contract';
import { commitImport, previewSeal } from './commit';
import { listImports, undoImport } from './undo';
import { previewWorkbook, templateWorkbook } from '../documents';

export const importsHandlers = {
  'imports.template': () =>
    later(async () => {
      const buf = await templateWorkbook();
      return { base64: buf.toString('base64'), fileName: '议事台账-历史台账导入模板.xlsx', size: buf.length };
    }),
  'imports.preview': (ledger, { orgId, fileName, base64, year, columns }) => {
    getOrganization(ledger, orgId);
    const bytes = Buffer.from(base64, 'base64');
    return later(async () => {
      const preview = await previewWorkbook(bytes, fileName, year, columns);
      return { ...preview, seal: previewSeal(bytes, preview.rows) };
    });
  },
  'imports.commit': (ledger, input) => commitImport(ledger, input),
  'imports.undo': undoImport,
  'imports.list': (ledger, { orgId }) => {
    getOrganization(ledger, orgId);
    return listImports(ledger, orgId);
  },
} satisfies HandlersFor<typeof importsContract>;
