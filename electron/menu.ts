// A minimal Chinese menu: the data-folder actions, the standard edit roles (so Ctrl+C/V work
// everywhere), zoom for small old screens, and 关于. Developer tools only from the repository.
import { Menu, type MenuItemConstructorOptions } from 'electron';

export interface MenuActions {
  openDataFolder(): void;
  moveDataFolder(): void;
  /** Choose the district ledger's folder and show 区域统筹 (electron/district.ts). */
  openDistrict(): void;
  /** Stop using the district ledger here and show 本校台账 (its set-up when no school is set up yet). */
  useSchool(): void;
  about(): void;
  devTools: boolean;
}

export function buildMenu(actions: MenuActions): Menu {
  const view: MenuItemConstructorOptions[] = [
    { label: '放大', role: 'zoomIn', accelerator: 'CmdOrCtrl+=' },
    { label: '缩小', role: 'zoomOut' },
    { label: '实际大小', role: 'resetZoom' },
    { type: 'separator' },
    { label: '全屏', role: 'togglefullscreen' },
  ];
  if (actions.devTools) view.push({ type: 'separator' }, { label: '重新加载', role: 'reload' }, { label: '开发者工具', role: 'toggleDevTools' });
  const template: MenuItemConstructorOptions[] = [
    {
      label: '文件',
      submenu: [
        { label: '打开数据文件夹', click: () => actions.openDataFolder() },
        { label: '更改数据文件夹位置…', click: () => actions.moveDataFolder() },
        { type: 'separator' },
        { label: '打开区域台账（区域统筹）…', click: () => actions.openDistrict() },
        { label: '改用本校台账（学校党组织）', click: () => actions.useSchool() },
        { type: 'separator' },
        { label: '退出', role: 'quit' },
      ],
    },
    {
      label: '编辑',
      submenu: [
        { label: '撤销', role: 'undo' },
        { label: '重做', role: 'redo' },
        { type: 'separator' },
        { label: '剪切', role: 'cut' },
        { label: '复制', role: 'copy' },
        { label: '粘贴', role: 'paste' },
        { label: '全选', role: 'selectAll' },
      ],
    },
    { label: '视图', submenu: view },
    { label: '帮助', submenu: [{ label: '关于议事台账', click: () => actions.about() }] },
  ];
  return Menu.buildFromTemplate(template);
}
