// 学校信息: the name and 党组织类型 (org.update), and where the ledger file lives (host.info).
import { useEffect, useState, type FormEvent } from 'react';
import { PARTY_KINDS } from '../../../db/terms';
import { Field } from '../../forms/Field';
import { FormError } from '../../forms/FormError';
import { errorFor, useCommand } from '../../forms/useCommand';
import { call } from '../../ledger-client';
import { notify } from '../../stores/notices';
import { useOrg, useOverview } from '../../stores/org';

type HostInfo = Awaited<ReturnType<typeof window.host.info>>;

export function SchoolPanel() {
  const { org } = useOverview();
  const reloadOrg = useOrg((s) => s.load);
  const [name, setName] = useState(org.name);
  const [partyKind, setPartyKind] = useState(org.partyKind);
  const [info, setInfo] = useState<HostInfo | null>(null);
  useEffect(() => {
    void window.host.info().then(setInfo).catch(() => setInfo(null));
  }, []);
  const save = useCommand(async () => {
    await call('org.update', { orgId: org.id, name, partyKind: partyKind as (typeof PARTY_KINDS)[number] });
    await reloadOrg();
    notify('ok', '学校信息已保存。');
  });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void save.run();
  };
  return (
    <div className="grid-2">
      <form className="card" onSubmit={onSubmit} noValidate aria-label="学校信息">
        <h2>学校信息</h2>
        <div className="form">
          <Field label="学校名称" required wide error={errorFor(save.error, 'name')}>
            <input type="text" value={name} onChange={(e) => setName(e.target.value)} />
          </Field>
          <Field label="党组织类型" required error={errorFor(save.error, 'partyKind')}>
            <select value={partyKind} onChange={(e) => setPartyKind(e.target.value)}>
              {PARTY_KINDS.map((k) => (
                <option key={k}>{k}</option>
              ))}
            </select>
          </Field>
        </div>
        <FormError error={save.error} fields={['name', 'partyKind']} />
        <div className="form-actions">
          <button type="submit" className="btn primary" disabled={save.busy || (name === org.name && partyKind === org.partyKind)}>
            保存学校信息
          </button>
        </div>
      </form>
      <section className="card" aria-labelledby="data-title">
        <h2 id="data-title">数据文件夹</h2>
        {info ? (
          <dl className="facts">
            <dt>数据文件夹</dt>
            <dd className="small" data-testid="data-folder"><code>{info.dataFolder}</code></dd>
            <dt>程序版本</dt>
            <dd>{info.version}</dd>
          </dl>
        ) : (
          <p className="muted">正在读取…</p>
        )}
        <p className="muted small" style={{ marginTop: 10 }}>
          台账保存在本机这个文件夹中，不需要联网。请定期备份；更换电脑时，把整个文件夹复制过去即可。
        </p>
        {info && (
          <button className="btn small" onClick={() => void window.host.openPath(info.dataFolder)}>
            打开数据文件夹
          </button>
        )}
      </section>
    </div>
  );
}
