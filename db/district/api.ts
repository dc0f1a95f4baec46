// The district ledger's contract and dispatch: the same shape as db/api.ts (validate, run in one
// transaction, never throw), over a District handle instead of a school ledger. A refused import
// rolls back the whole transaction, so the district file is left exactly as it was.
import { z } from 'zod';
import type { LedgerErrorInfo } from '../errors';
import { Later, later, settleLater } from '../channel';
import { districtSummaryHtml, districtSummaryTitle, districtXlsx, inspectionHtml, inspectionTitle } from '../documents';
import { LedgerError, notFound } from '../errors';
import { safeFileName } from '../exports/names';
import { districtKeyFileText } from '../report/envelope';
import { describeZodError } from '../validation';
import { districtContract } from './contract';
import { importBundle, Refusal, registerSchool, supersedePreview, type RefusalReason } from './import';
import { districtName, renameDistrict, type District } from './store';
import { districtSummary, districtTrend, districtView, inspectionSheet, schoolDetail } from './view';
import { cnLocalDateTime } from '../calendar';

type DistrictContract = typeof districtContract;
export type DistrictChannel = keyof DistrictContract & string;
export type DistrictInputOf<C extends DistrictChannel> = z.input<DistrictContract[C]['input']>;

const handlers = {
  'district.info': (d: District) => {
    const name = districtName(d);
    return { name, fingerprint: d.key.fingerprint, keyFile: { text: districtKeyFileText(name, d.key), fileName: `${name}报送公钥.yishi-district-key` } };
  },
  'district.rename': (d: District, i: { name: string }) => renameDistrict(d, i.name),
  'district.register': (d: District, i: { name: string; fingerprint: string }) => registerSchool(d, i.name, i.fingerprint),
  'district.import': (d: District, i: { base64: string }) => importBundle(d, Buffer.from(i.base64, 'base64')),
  'district.supersedePreview': (d: District, i: { base64: string }) => supersedePreview(d, Buffer.from(i.base64, 'base64')),
  'district.supersede': (d: District, i: { base64: string; reason: string }) => importBundle(d, Buffer.from(i.base64, 'base64'), i.reason),
  'district.view': (d: District) => districtView(d),
  'district.trend': (d: District) => districtTrend(d),
  'district.school': (d: District, i: { schoolId: number }) => schoolDetail(d, i.schoolId),
  'district.audit': (d: District) =>
    (d.sqlite.prepare('SELECT id, at, operator, action, summary FROM audit ORDER BY id DESC').all() as { id: number; at: string; operator: string; action: string; summary: string }[]).map(
      (r) => ({ ...r, at: cnLocalDateTime(r.at) }),
    ),
  'district.summaryHtml': (d: District) => {
    const doc = districtSummary(d);
    return { html: districtSummaryHtml(doc), fileName: safeFileName(`${districtSummaryTitle(doc)}.pdf`) };
  },
  'district.summaryXlsx': (d: District) => {
    const doc = districtSummary(d);
    const fileName = safeFileName(`${doc.district}各校议事决策情况汇总表.xlsx`);
    // Packed after the transaction (zip is asynchronous), over the rows already read.
    return later(async () => {
      const buf = await districtXlsx(doc);
      return { base64: buf.toString('base64'), fileName, size: buf.length };
    });
  },
  'district.inspectionHtml': (d: District, i: { schoolId: number }) => {
    const doc = inspectionSheet(d, i.schoolId);
    if (!doc) notFound('学校', i.schoolId, 'schoolId');
    return { html: inspectionHtml(doc), fileName: safeFileName(`${inspectionTitle(doc)}.pdf`) };
  },
} satisfies { [K in DistrictChannel]: (d: District, input: z.output<DistrictContract[K]['input']>) => unknown };

/** What a channel answers; a packed file (Later) is what it resolves to. */
export type DistrictOutputOf<C extends DistrictChannel> = ReturnType<(typeof handlers)[C]> extends Later<infer T> ? T : ReturnType<(typeof handlers)[C]>;
export type DistrictError = LedgerErrorInfo & { reason?: RefusalReason };
export type DistrictResult<T> = { ok: true; value: T } | { ok: false; error: DistrictError };

/** What the renderer sees as window.district. */
export interface DistrictApi {
  call<C extends DistrictChannel>(channel: C, input: DistrictInputOf<C>): Promise<DistrictResult<DistrictOutputOf<C>>>;
}

export const DISTRICT_CHANNELS = Object.keys(districtContract) as DistrictChannel[];

export function dispatchDistrict(d: District, channel: string, raw: unknown): DistrictResult<unknown> {
  if (!Object.prototype.hasOwnProperty.call(districtContract, channel)) {
    return { ok: false, error: { code: 'unknown_channel', message: `未知的操作「${String(channel).slice(0, 40)}」，请升级应用或联系技术支持。` } };
  }
  const name = channel as DistrictChannel;
  const spec = districtContract[name];
  const parsed = spec.input.safeParse(raw ?? {});
  if (!parsed.success) return { ok: false, error: { code: 'invalid_input', ...describeZodError(parsed.error) } };
  const handler = handlers[name] as (d: District, i: unknown) => unknown;
  try {
    const run = d.sqlite.transaction(() => handler(d, parsed.data));
    return { ok: true, value: spec.kind === 'write' ? run.immediate() : run.deferred() };
  } catch (e) {
    if (e instanceof Refusal) return { ok: false, error: { code: 'rule_violation', message: e.message, reason: e.reason } };
    if (e instanceof LedgerError) return { ok: false, error: e.info };
    console.error(`[district] ${name} failed`, e);
    return { ok: false, error: { code: 'internal', message: '操作没有完成，区域台账未被改动。请重试；如果反复出现，请联系技术支持。' } };
  }
}

/**
 * dispatchDistrict, then wait for a file packed after the transaction (the 汇总表's XLSX); what the
 * shell and the harness call. A failed packing is the same typed internal error, nothing changed.
 */
export function dispatchDistrictAsync(d: District, channel: string, raw: unknown): Promise<DistrictResult<unknown>> {
  return settleLater(dispatchDistrict(d, channel, raw), `[district] ${channel}`, () => ({
    ok: false,
    error: { code: 'internal', message: '文件没有生成，区域台账未被改动。请重试；如果反复出现，请联系技术支持。' },
  }));
}

/** The district ledger the shell has open: its name and the folder it lives in (with its key). */
export interface DistrictOpened {
  name: string;
  folder: string;
}

/**
 * What the renderer sees as window.district: the district contract, plus choosing which district
 * ledger is open (a folder holding 区域台账.sqlite and its key; created there if missing).
 */
export interface DistrictBridge extends DistrictApi {
  /** Ask for the district ledger's folder and open it; null when the user cancels. */
  open(): Promise<DistrictOpened | null>;
  /** The district ledger open now, if any. */
  current(): Promise<DistrictOpened | null>;
  /** 改用本校台账: close the district ledger and do not reopen it at the next start (its folder stays). */
  forget(): Promise<null>;
}

/** The file name of a district ledger inside its folder. */
export const DISTRICT_FILE_NAME = '区域台账.sqlite';

/** The typed refusal when no district ledger is open (the shell and the harness give the same). */
export const NO_DISTRICT: DistrictResult<never> = {
  ok: false,
  error: { code: 'not_found', message: '还没有打开区域台账。请在「区域统筹」里选择区域台账所在的文件夹。' },
};
