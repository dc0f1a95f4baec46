// One meeting's 会议纪要: generate the draft from the record, preview it as printed, 签发 by the
// host (locks it, R16), export a PDF through window.host, then open it or its folder.
import { useEffect, useState } from 'react';
import { DocumentFrame } from '../../components/DocumentFrame';
import { PageHead } from '../../components/PageHead';
import { formatDateTime } from '../../dates';
import { FormError } from '../../forms/FormError';
import { useCommand } from '../../forms/useCommand';
import { call } from '../../ledger-client';
import { useMinutes } from '../../stores/minutes';
import { useNav } from '../../stores/nav';
import { notify } from '../../stores/notices';
import { useOverview } from '../../stores/org';
import { ExportPanel } from './ExportPanel';
import { DraftWording } from './DraftWording';
import { RevisionPanel } from './RevisionPanel';
import { SignPanel } from './SignPanel';

export function MinutesView({ meetingId }: { meetingId: number }) {
  const overview = useOverview();
  const { info, html, error, load, show } = useMinutes();
  const go = useNav((s) => s.go);
  const [meetingTitle, setMeetingTitle] = useState('');
  const [hostId, setHostId] = useState<number | null>(null);
  useEffect(() => {
    void load(meetingId);
    void call('meetings.get', { meetingId }).then((m) => {
      setMeetingTitle(m.title);
      setHostId(m.meeting.hostId);
    });
  }, [load, meetingId]);

  const generate = useCommand(async () => {
    await call('minutes.generate', { meetingId });
    notify('ok', '已根据会议记录生成纪要草稿。');
    await load(meetingId);
  });

  const revisions = info?.meetingId === meetingId ? info.revisions : [];
  const latest = revisions[0];
  // The revision being previewed: the newest, or an earlier one picked in 稿次 (R16 originals stay readable).
  const current = revisions.find((r) => r.id === html?.minutesId) ?? latest;
  const signed = current?.state === 'signed';

  return (
    <>
      <PageHead
        title={`${meetingTitle || '会议'}纪要`}
        crumbs={
          <>
            <button className="linklike" onClick={() => go({ section: 'minutes' })}>会议纪要</button>
            {' · '}
            <button className="linklike" onClick={() => go({ section: 'meetings', id: meetingId })}>返回会议</button>
          </>
        }
        actions={
          current && !signed ? (
            <button className="btn" disabled={generate.busy} onClick={() => void generate.run()}>按会议记录重新生成</button>
          ) : undefined
        }
      />
      <div className="content">
        <FormError error={error ?? generate.error} />
        {info?.meetingId === meetingId && !current && (
          <div className="card">
            <div className="empty">
              <strong>本次会议还没有纪要</strong>
              <div>纪要由会议记录自动生成：会议概况、决定事项及承办部门和时限、出席、请假、列席人员。</div>
              <button className="btn primary" disabled={generate.busy} onClick={() => void generate.run()}>生成会议纪要</button>
            </div>
          </div>
        )}
        {current && (
          <div className="grid-main-side" style={{ gridTemplateColumns: 'minmax(0, 1.7fr) minmax(280px, 1fr)' }}>
            <div>
              {html && html.minutesId === current.id ? <DocumentFrame html={html.html} title="会议纪要预览" /> : <div className="empty">正在排版…</div>}
            </div>
            <div>
              <section className="card">
                <h2>纪要</h2>
                <dl className="facts">
                  <dt>文号</dt>
                  <dd>{current.docNumber}</dd>
                  <dt>稿次</dt>
                  <dd>第{current.revision}稿{current.revisionReason ? `（勘误：${current.revisionReason}）` : ''}</dd>
                  <dt>状态</dt>
                  <dd>
                    {signed ? (
                      <span className="badge ok">已签发 · 已锁定</span>
                    ) : (
                      <span className="badge warn">草稿，待签发</span>
                    )}
                  </dd>
                  {signed && (
                    <>
                      <dt>签发</dt>
                      <dd>{current.signerName}，{formatDateTime(current.signedAt)}</dd>
                    </>
                  )}
                </dl>
              </section>
              <RevisionPanel revisions={revisions} shownId={current.id} onShow={(id) => void show(id)} onRevised={() => void load(meetingId)} />
              {!signed && <SignPanel minutesId={current.id} defaultSigner={hostId} persons={overview.persons} onSigned={() => void load(meetingId)} />}
              {!signed && current.id === latest?.id && (
                <DraftWording key={`${current.id}:${current.content.opening}:${current.content.decisions.map((d) => d.text).join('|')}`} revision={current} onSaved={() => void load(meetingId)} />
              )}
              {html && html.minutesId === current.id && <ExportPanel minutesId={current.id} meetingId={meetingId} html={html.html} fileName={html.fileName} signed={signed} />}
            </div>
          </div>
        )}
      </div>
    </>
  );
}
