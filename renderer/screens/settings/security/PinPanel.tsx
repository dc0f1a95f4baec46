// 我的PIN: the signed-in operator sets, changes or clears their own PIN (db/session). A PIN is a
// light check against the wrong person at a shared PC, not a password.
import { useState } from 'react';
import { Field } from '../../../forms/Field';
import { FormError } from '../../../forms/FormError';
import { errorFor, useCommand } from '../../../forms/useCommand';
import { notify } from '../../../stores/notices';
import { useSession } from '../../../stores/session';

const digits = (s: string) => s.replace(/\D/g, '').slice(0, 8);

export function PinPanel() {
  const operator = useSession((s) => s.operator);
  const hasPin = useSession((s) => s.hasPin);
  const setPin = useSession((s) => s.setPin);
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const save = useCommand(async (pin: string | null) => {
    await setPin({ pin, ...(hasPin ? { currentPin: current } : {}) });
    setCurrent('');
    setNext('');
    notify('ok', pin === null ? 'PIN已清除，登录时不再询问。' : 'PIN已保存，下次登录时需要输入。');
  });
  const pinInput = (value: string, set: (v: string) => void) => (
    <input type="password" inputMode="numeric" autoComplete="off" maxLength={8} value={value} onChange={(e) => set(digits(e.target.value))} />
  );
  return (
    <section className="card" aria-labelledby="pin-title">
      <div className="card-head">
        <h3 id="pin-title">我的PIN（{operator}）</h3>
        <span className={`badge ${hasPin ? 'ok' : ''}`}>{hasPin ? '已设置' : '未设置'}</span>
      </div>
      <p className="small muted">设置后，别人在这台电脑上选择您的姓名时需要输入PIN。连续输错5次要等5分钟。</p>
      <form
        className="form pin-form"
        onSubmit={(e) => {
          e.preventDefault();
          void save.run(next);
        }}
      >
        {hasPin && (
          <Field label="原PIN" error={errorFor(save.error, 'currentPin')}>
            {pinInput(current, setCurrent)}
          </Field>
        )}
        <Field label={hasPin ? '新PIN' : 'PIN'} error={errorFor(save.error, 'pin')} help="4至8位数字">
          {pinInput(next, setNext)}
        </Field>
        <div className="form-actions wide">
          <button className="btn primary" type="submit" disabled={save.busy}>{hasPin ? '更改PIN' : '设置PIN'}</button>
          {hasPin && (
            <button className="btn danger" type="button" disabled={save.busy} onClick={() => void save.run(null)}>
              清除PIN
            </button>
          )}
        </div>
      </form>
      <FormError error={save.error} fields={['pin', 'currentPin']} />
    </section>
  );
}
