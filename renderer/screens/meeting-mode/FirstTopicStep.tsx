// R15 第一议题: a 党组织会议 opens with a study item, and its content is recorded.
import { useState } from 'react';
import { Field } from '../../forms/Field';
import { FormError } from '../../forms/FormError';
import { errorFor, useCommand } from '../../forms/useCommand';
import { call } from '../../ledger-client';
import type { MeetingView } from '../../stores/meetings';
import { notify } from '../../stores/notices';
import { RuleTag } from '../../components/RuleTag';

export function FirstTopicStep({ view, onSaved }: { view: MeetingView; onSaved(): void }) {
  const [content, setContent] = useState(view.meeting.firstTopic ?? '');
  const save = useCommand(async () => {
    await call('meetings.setFirstTopic', { meetingId: view.meeting.id, content });
    notify('ok', '第一议题学习内容已记录。');
    onSaved();
  });
  return (
    <section className="card">
      <h2>第一议题（学习）</h2>
      <p className="muted small">党组织会议以第一议题学习开始，学习内容记入会议记录和纪要<RuleTag rule="R15" />。</p>
      {view.meeting.firstTopic && <div className="notice ok">已记录：{view.meeting.firstTopic}</div>}
      <Field label="学习内容" error={errorFor(save.error, 'content')}>
        <textarea rows={4} value={content} onChange={(e) => setContent(e.target.value)} placeholder="如：学习《关于建立中小学校党组织领导的校长负责制的意见（试行）》" />
      </Field>
      <FormError error={save.error} fields={['content']} />
      <div className="form-actions">
        <button className="btn primary" disabled={save.busy} onClick={() => void save.run()}>保存第一议题</button>
      </div>
    </section>
  );
}
