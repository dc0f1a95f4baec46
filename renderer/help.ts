// 帮助: the steps of each screen in plain words, and the rules that screen applies (named from
// db/terms.ts RULES, each with its help one click away). Wording only: nothing here decides.
import type { RuleId } from '../db/terms';
import type { Section } from './stores/nav';

export const HELP: Record<Section, { steps: string[]; rules: RuleId[] }> = {
  dashboard: {
    steps: [
      '“今日待办”列出今天要办的事：逾期和即将到期的督办、今明两天的会议和没送达的材料、等待沟通较久的议题、未通报的临时处置、会后未签发的纪要。点一项即可打开它。',
      '中间一排方块是每个环节的议题数，点方块可看到这些议题。',
      '按 Ctrl+K 可以搜索任何记录；左下角“大字”可以放大全部文字。',
    ],
    rules: ['R14', 'R16', 'R17'],
  },
  items: {
    steps: [
      '点“新建议题”，填写议题名称、对应的议事清单事项和提出人，保存为草稿。',
      '点“提交”，议题进入会前沟通；记录书记、校长的沟通意见，两人都同意后议题“待上会”。',
      '在“会议”里把待上会的议题列入会议议程。',
    ],
    rules: ['R1', 'R2', 'R3', 'R4', 'R5'],
  },
  meetings: {
    steps: [
      '点“新建会议”，选择议事机构、时间、地点、主持人和记录人。',
      '把待上会的议题列入议程，由书记（党组织会议）或校长（校长办公会议）确认议程。',
      '开会时登记出席情况，逐项记录发言表态（主持人最后表态）和表决结果，最后点“结束会议”。',
    ],
    rules: ['R3', 'R6', 'R7', 'R8', 'R9', 'R10', 'R15'],
  },
  minutes: {
    steps: ['选择一次已结束的会议，点“生成纪要”。', '核对纪要文字，需要时修改草稿。', '由主持人签发；签发后纪要锁定，之后只能以勘误修订。'],
    rules: ['R16'],
  },
  followups: {
    steps: [
      '每项决定事项都要安排督办：承办部门、责任人、分管领导、完成时限；确实不需要的，写明无需督办的理由。',
      '随时登记进展；确需延期的，写明理由和批准人。',
      '办结后评价；评价为一般、差的，会自动启动修正议题。',
    ],
    rules: ['R17', 'R18'],
  },
  ledger: {
    steps: ['选择年度，查看这一年的全部决定事项及其督办、评价情况。', '可按议事清单事项、议事机构、是否三重一大筛选，并导出Excel台账。'],
    rules: ['R2', 'R17', 'R18'],
  },
  settings: {
    steps: ['“学校”“人员”“议事机构”“议事清单”“议事规则”各有一页，改动后点保存。', '“提醒”可设置会前沟通等待天数和是否弹出桌面提醒。'],
    rules: ['R6', 'R8', 'R12'],
  },
};
