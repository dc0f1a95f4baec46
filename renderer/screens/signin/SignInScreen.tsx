// 选择操作人: the first screen (and the one 切换 shows). Staff share one Windows account, so each
// person picks their own name; a PIN is asked only when that person set one. Names are radio
// buttons: Tab into the list, arrow keys to move, Enter to sign in.
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { Field } from '../../forms/Field';
import { FormError } from '../../forms/FormError';
import { errorFor, useCommand } from '../../forms/useCommand';
import { call, type OutputOf } from '../../ledger-client';
import { formatDateTime } from '../../dates';
import { ADMIN_NAME, useSession, type OperatorOption } from '../../stores/session';
import './signin.css';

type Operators = OutputOf<'session.operators'>;

function keyOf(o: OperatorOption): string {
  return o.personId != null ? `p${o.personId}` : `n${o.name}`;
}

export function SignInScreen() {
  const session = useSession();
  const [list, setList] = useState<Operators | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  const [pin, setPin] = useState('');
  const firstRadio = useRef<HTMLInputElement>(null);

  useEffect(() => {
    call('session.operators', {})
      .then(setList)
      .catch((e: unknown) => setLoadError(e instanceof Error ? e.message : String(e)));
  }, []);

  // Before the school is set up there is nobody to choose: the office signs in as 系统管理员.
  const options = useMemo<OperatorOption[]>(() => {
    const all = list?.operators ?? [];
    const people = all.filter((o) => o.personId != null);
    if (people.length > 0) return all;
    return all.some((o) => o.name === ADMIN_NAME)
      ? all
      : [{ personId: null, name: ADMIN_NAME, department: '学校设置之前使用', hasPin: false, lastSignInAt: null }, ...all];
  }, [list]);

  useEffect(() => {
    if (!list || chosen) return;
    const current = options.find((o) => o.name === session.operator) ?? options[0];
    if (current) setChosen(keyOf(current));
    requestAnimationFrame(() => document.querySelector<HTMLInputElement>('.signin input[type="radio"]:checked')?.focus() ?? firstRadio.current?.focus());
  }, [list, options, chosen, session.operator]);

  const selected = options.find((o) => keyOf(o) === chosen) ?? null;
  const signIn = useCommand(async () => {
    if (!selected) return;
    await session.signIn({
      ...(selected.personId != null ? { personId: selected.personId } : { name: selected.name }),
      ...(selected.hasPin ? { pin } : {}),
    });
  });

  function submit(e: FormEvent) {
    e.preventDefault();
    void signIn.run();
  }

  return (
    <div className="setup-scroll">
      <div className="signin">
        <header>
          <h1 tabIndex={-1}>议事台账 · 选择操作人</h1>
          <p className="muted">
            这台电脑由多人共用。请选择您本人的姓名再开始录入：台账会把每一次录入、表态记录和签发都记在操作人名下。
          </p>
        </header>
        {loadError && <div className="notice error" role="alert">读取人员名单没有成功：{loadError}</div>}
        {!list && !loadError && <div className="empty">正在读取人员名单…</div>}
        {list && (
          <form className="card" onSubmit={submit}>
            <fieldset className="op-grid" aria-describedby="signin-help">
              <legend>我是</legend>
              {options.map((o, i) => (
                <label key={keyOf(o)} className={`op-tile${keyOf(o) === chosen ? ' chosen' : ''}`}>
                  <input
                    ref={i === 0 ? firstRadio : undefined}
                    type="radio"
                    name="operator"
                    value={keyOf(o)}
                    checked={keyOf(o) === chosen}
                    onChange={() => {
                      setChosen(keyOf(o));
                      setPin('');
                      signIn.clear();
                    }}
                  />
                  <span className="op-name">
                    {o.name}
                    {o.hasPin && <span className="badge info" title="已设置PIN">PIN</span>}
                  </span>
                  <span className="op-meta">{o.department ?? (o.lastSignInAt ? `上次登录 ${formatDateTime(o.lastSignInAt)}` : ' ')}</span>
                </label>
              ))}
            </fieldset>
            <p id="signin-help" className="small muted">用 Tab 进入名单，方向键选择姓名，回车登录。</p>
            {selected?.hasPin && (
              <div className="pin-row">
                <Field label={`${selected.name}的PIN`} error={errorFor(signIn.error, 'pin')} help="4至8位数字">
                  <input
                    type="password"
                    inputMode="numeric"
                    autoComplete="off"
                    maxLength={8}
                    value={pin}
                    onChange={(e) => setPin(e.target.value.replace(/\D/g, ''))}
                  />
                </Field>
              </div>
            )}
            <FormError error={signIn.error} fields={selected?.hasPin ? ['pin'] : []} />
            <div className="form-actions">
              <button className="btn primary" type="submit" disabled={!selected || signIn.busy}>
                {signIn.busy ? '正在登录…' : selected ? `以「${selected.name}」登录` : '登录'}
              </button>
              {session.switching && session.operator && (
                <button className="btn" type="button" onClick={session.cancelSwitch}>
                  取消，仍由{session.operator}操作
                </button>
              )}
            </div>
          </form>
        )}
      </div>
    </div>
  );
}
