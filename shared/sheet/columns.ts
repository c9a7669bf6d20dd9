/**
 * The managers' sheet: the "Cases" tab's columns, in order. Headers are bilingual so one sheet serves
 * every manager. Two-way sync (which columns managers may edit) builds on this list.
 */
export const CASES_TAB = 'Cases';

export const CASE_COLUMNS = [
  '案例编号 Case No',
  '状态 Status',
  '严重程度 Severity',
  '接收时间 Received',
  '渠道 Channel',
  '服务环节 Stage',
  '类别 Category',
  '顾客 Complainant',
  '联系方式 Contact',
  '经过 What happened',
  '顾客诉求 Customer asks',
  '涉及员工 Staff involved',
  '负责人 Owner',
  '约定答复 Promised reply',
  '下一期限 Next deadline',
  '调查结果 Findings',
  '是否属实 Substantiated',
  '纠正措施 Corrective action',
  '补偿 Compensation',
  '超出政策 Beyond policy',
  '批准人 Approved by',
  '通知时间 Notified at',
  '通知方式 Notify method',
  '回访满意度 Satisfaction',
  '根本原因 Root cause',
  '备注 Notes',
  '重复投诉 Repeat of',
  '版本 Version',
] as const;
