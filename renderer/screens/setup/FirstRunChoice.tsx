// First start, before anything is set up: which ledger this computer keeps. 本校台账 goes on to
// 选择操作人 and 设置学校 as before; 区域统筹台账 opens (or creates) the district ledger in a folder
// the user picks, exactly as the menu's 打开区域台账 does. Both can be changed later from the menu.
import { FormError } from '../../forms/FormError';
import { useCommand } from '../../forms/useCommand';
import type { DistrictOpened } from '../../district-client';

export function FirstRunChoice({ onSchool, onDistrict }: { onSchool: () => void; onDistrict: (opened: DistrictOpened) => void }) {
  const district = useCommand(async () => {
    if (!window.district) throw new Error('这个版本的议事台账不能打开区域台账。');
    const opened = await window.district.open();
    if (opened) onDistrict(opened);
  });
  return (
    <div className="setup-scroll">
      <div className="setup first-run">
        <header>
          <h1 tabIndex={-1}>欢迎使用议事台账：这台电脑用来做什么？</h1>
          <p className="muted">请按您的岗位选择一种。选错了也没关系：以后可以改换（区域统筹台账的页面顶栏有“改用本校台账…”，菜单「文件」里也有），已录入的内容不会丢失。</p>
        </header>
        <div className="first-run-choices" role="group" aria-label="选择台账类型">
          <button type="button" className="first-run-choice" onClick={onSchool} autoFocus>
            <strong>本校台账</strong>
            <span className="first-run-who">学校党组织</span>
            <span className="first-run-what">学校党组织办公室记录本校的议题、会议、纪要、督办和评价，按党组织领导的校长负责制议事决策。</span>
          </button>
          <button type="button" className="first-run-choice" onClick={() => void district.run()} disabled={district.busy}>
            <strong>区域统筹台账</strong>
            <span className="first-run-who">教育工委 / 教育局</span>
            <span className="first-run-what">汇总各校用U盘等方式送来的报送包，核验后查看各校议事决策情况，生成汇总报告和检查表（接下来请选择区域台账存放的文件夹）。</span>
          </button>
        </div>
        <FormError error={district.error} />
      </div>
    </div>
  );
}
