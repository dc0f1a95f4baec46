// The operator in the shell's sidebar, with 切换 for the next person at the shared PC.
import { useSession } from '../../stores/session';
import './signin.css';

export function OperatorBox() {
  const operator = useSession((s) => s.operator);
  const startSwitch = useSession((s) => s.startSwitch);
  return (
    <div className="operator-box" aria-label="当前操作人">
      <div className="who">
        <small>当前操作人</small>
        <strong title={operator ?? ''}>{operator ?? '未登录'}</strong>
      </div>
      <button type="button" onClick={startSwitch} title="换另一位同事操作">
        切换
      </button>
    </div>
  );
}
