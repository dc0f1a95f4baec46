// 设置: 学校信息与数据文件夹, 人员与职务 (一肩挑), 议事机构与任期, 议事清单, 三重一大标准, 议事规则,
// 文书 (会议名称, 纪要标题, 版记), 模板与常用语, 提醒 (今日待办), 历史台账导入.
// Tabs follow the WAI-ARIA pattern: Tab reaches the current one, ←/→ move between them.
import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { PageHead } from '../../components/PageHead';
import { useNav } from '../../stores/nav';
import { useOverview } from '../../stores/org';
import { BodiesPanel } from './BodiesPanel';
import { DocumentsPanel } from './DocumentsPanel';
import { MattersPanel } from './MattersPanel';
import { PeoplePanel } from './PeoplePanel';
import { ReportPanel } from './ReportPanel';
import { RulesPanel } from './RulesPanel';
import { RemindersPanel } from './RemindersPanel';
import { ImportPanel } from './ImportPanel';
import { TemplatesPanel } from './TemplatesPanel';
import { SchoolPanel } from './SchoolPanel';
import { ThresholdsPanel } from './ThresholdsPanel';
import { TransferPanel } from './TransferPanel';
import { SecuritySection } from './security/SecuritySection';

export interface SettingsTab {
  key: string;
  label: string;
  panel: () => ReactNode;
}

const TABS: SettingsTab[] = [
  { key: 'school', label: '学校与数据', panel: () => <SchoolPanel /> },
  { key: 'people', label: '人员与职务', panel: () => <PeoplePanel /> },
  { key: 'bodies', label: '议事机构', panel: () => <BodiesPanel /> },
  { key: 'matters', label: '议事清单', panel: () => <MattersPanel /> },
  { key: 'thresholds', label: '三重一大标准', panel: () => <ThresholdsPanel /> },
  { key: 'rules', label: '议事规则', panel: () => <RulesPanel /> },
  { key: 'documents', label: '文书', panel: () => <DocumentsPanel /> },
  { key: 'templates', label: '模板与常用语', panel: () => <TemplatesPanel /> },
  { key: 'reminders', label: '提醒', panel: () => <RemindersPanel /> },
  { key: 'import', label: '历史台账导入', panel: () => <ImportPanel /> },
  { key: 'security', label: '数据安全', panel: () => <SecuritySection /> },
  { key: 'transfer', label: '拆分与合并', panel: () => <TransferPanel /> },
  { key: 'report', label: '报送', panel: () => <ReportPanel /> },
];

const known = (key: string | undefined) => TABS.find((t) => t.key === key)?.key;

export function SettingsScreen() {
  const overview = useOverview();
  // A tab named in the route (台账 → 制作报送包… opens 报送), else the first.
  const asked = useNav((s) => s.route.tab);
  const [tab, setTab] = useState(known(asked) ?? TABS[0]!.key);
  useEffect(() => {
    const k = known(asked);
    if (k) setTab(k);
  }, [asked]);
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const index = TABS.findIndex((t) => t.key === tab);
  const select = (i: number) => {
    const next = (i + TABS.length) % TABS.length;
    setTab(TABS[next]!.key);
    refs.current[next]?.focus();
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'ArrowRight') select(index + 1);
    else if (e.key === 'ArrowLeft') select(index - 1);
    else return;
    e.preventDefault();
  };
  const current = TABS[index] ?? TABS[0]!;
  return (
    <>
      <PageHead title="设置" crumbs={`${overview.org.name} · ${overview.org.partyKind}`} />
      <div className="content">
        <div className="tabs" role="tablist" aria-label="设置分类" onKeyDown={onKeyDown}>
          {TABS.map((t, i) => (
            <button
              key={t.key}
              ref={(el) => {
                refs.current[i] = el;
              }}
              role="tab"
              id={`settings-tab-${t.key}`}
              aria-selected={t.key === current.key}
              aria-controls="settings-panel"
              tabIndex={t.key === current.key ? 0 : -1}
              onClick={() => setTab(t.key)}
            >
              {t.label}
            </button>
          ))}
          <span className="muted small tabs-hint">← → 切换</span>
        </div>
        <div role="tabpanel" id="settings-panel" aria-labelledby={`settings-tab-${current.key}`}>
          {current.panel()}
        </div>
      </div>
    </>
  );
}
