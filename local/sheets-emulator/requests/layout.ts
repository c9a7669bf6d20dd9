/** Sheet layout kept as given: conditional formats, protected ranges, the basic filter, charts. */
import { randomInt } from 'node:crypto';
import {
  asObject,
  findSheetById,
  invalid,
  type Json,
  requireInt,
  type SheetState,
  type SpreadsheetState,
} from '../model.js';
import { gridRange } from './dims.js';
import { applyMask } from './mask.js';

type Handler = (ss: SpreadsheetState, p: Json, where: string) => Json;

/** Every range must lie on one existing sheet inside its grid; returns that sheet. */
function rangesSheet(ss: SpreadsheetState, ranges: unknown, where: string): SheetState {
  if (!Array.isArray(ranges) || ranges.length === 0)
    throw invalid(`${where}: rule.ranges must not be empty.`);
  const sheets = new Set(ranges.map((r, i) => gridRange(ss, r, `${where}: ranges[${i}]`).sheet));
  if (sheets.size !== 1) throw invalid(`${where}: All ranges of a rule must be on the same sheet.`);
  return [...sheets][0] as SheetState;
}

function checkRule(rule: Json, where: string): void {
  const hasBoolean = rule.booleanRule !== undefined;
  const hasGradient = rule.gradientRule !== undefined;
  if (hasBoolean === hasGradient)
    throw invalid(`${where}: Exactly one of booleanRule or gradientRule must be set.`);
}

const newId = (taken: (id: number) => boolean) => {
  let id: number;
  do id = randomInt(1, 2_000_000_000);
  while (taken(id));
  return id;
};

function allProtected(ss: SpreadsheetState): Json[] {
  return ss.sheets.flatMap((s) => s.protectedRanges);
}

function findProtected(ss: SpreadsheetState, id: unknown, where: string): [SheetState, number] {
  for (const sheet of ss.sheets) {
    const i = sheet.protectedRanges.findIndex((p) => p.protectedRangeId === id);
    if (i >= 0) return [sheet, i];
  }
  throw invalid(`${where}: No protected range with id: ${String(id)}`);
}

function ruleAt(ss: SpreadsheetState, p: Json, where: string): [SheetState, number] {
  const sheet = findSheetById(ss, p.sheetId, where);
  const index = requireInt(p.index ?? 0, `${where}: index`, 0);
  if (index >= sheet.conditionalFormats.length) {
    throw invalid(`${where}: No conditional format on sheet: ${sheet.properties.sheetId} at index: ${index}`);
  }
  return [sheet, index];
}

function findChart(ss: SpreadsheetState, id: unknown, where: string): [SheetState, number] {
  for (const sheet of ss.sheets) {
    const i = sheet.charts.findIndex((c) => c.chartId === id);
    if (i >= 0) return [sheet, i];
  }
  throw invalid(`${where}: No chart with id: ${String(id)}`);
}

export const LAYOUT_REQUESTS: Record<string, Handler> = {
  addConditionalFormatRule: (ss, p, where) => {
    const rule = structuredClone(asObject(p.rule));
    checkRule(rule, where);
    const sheet = rangesSheet(ss, rule.ranges, where);
    const index = requireInt(p.index ?? 0, `${where}: index`, 0);
    sheet.conditionalFormats.splice(Math.min(index, sheet.conditionalFormats.length), 0, rule);
    return {};
  },
  updateConditionalFormatRule: (ss, p, where) => {
    const [sheet, index] = ruleAt(ss, p, where);
    const oldRule = sheet.conditionalFormats[index] as Json;
    if (p.rule !== undefined) {
      const rule = structuredClone(asObject(p.rule));
      checkRule(rule, where);
      if (rangesSheet(ss, rule.ranges, where) !== sheet) {
        throw invalid(`${where}: The rule's ranges must stay on sheet ${sheet.properties.sheetId}.`);
      }
      sheet.conditionalFormats[index] = rule;
      return { updateConditionalFormatRule: { newRule: rule, oldRule, newIndex: index, oldIndex: index } };
    }
    const newIndex = requireInt(p.newIndex, `${where}: newIndex`, 0);
    if (newIndex >= sheet.conditionalFormats.length) throw invalid(`${where}: newIndex is out of range.`);
    sheet.conditionalFormats.splice(index, 1);
    sheet.conditionalFormats.splice(newIndex, 0, oldRule);
    return { updateConditionalFormatRule: { newRule: oldRule, newIndex, oldIndex: index } };
  },
  deleteConditionalFormatRule: (ss, p, where) => {
    const [sheet, index] = ruleAt(ss, p, where);
    const [rule] = sheet.conditionalFormats.splice(index, 1);
    return { deleteConditionalFormatRule: { rule } };
  },
  addProtectedRange: (ss, p, where) => {
    const pr = structuredClone(asObject(p.protectedRange));
    if (!pr.range) throw invalid(`${where}: protectedRange.range must be set.`);
    const { sheet } = gridRange(ss, pr.range, where);
    if (pr.protectedRangeId !== undefined) {
      requireInt(pr.protectedRangeId, `${where}: protectedRangeId`, 0);
      if (allProtected(ss).some((x) => x.protectedRangeId === pr.protectedRangeId)) {
        throw invalid(`${where}: A protected range with ID ${String(pr.protectedRangeId)} already exists.`);
      }
    } else pr.protectedRangeId = newId((id) => allProtected(ss).some((x) => x.protectedRangeId === id));
    pr.requestingUserCanEdit = true;
    sheet.protectedRanges.push(pr);
    return { addProtectedRange: { protectedRange: pr } };
  },
  updateProtectedRange: (ss, p, where) => {
    const given = asObject(p.protectedRange);
    const [sheet, i] = findProtected(ss, given.protectedRangeId, where);
    const target = sheet.protectedRanges[i] as Json;
    applyMask(target, given, p.fields, where, true, ['protectedRangeId']);
    if (target.range) gridRange(ss, target.range, where);
    return {};
  },
  deleteProtectedRange: (ss, p, where) => {
    const [sheet, i] = findProtected(ss, p.protectedRangeId, where);
    sheet.protectedRanges.splice(i, 1);
    return {};
  },
  setBasicFilter: (ss, p, where) => {
    const filter = structuredClone(asObject(p.filter));
    if (!filter.range) throw invalid(`${where}: filter.range must be set.`);
    const { sheet } = gridRange(ss, filter.range, where);
    sheet.basicFilter = filter;
    return {};
  },
  clearBasicFilter: (ss, p, where) => {
    delete findSheetById(ss, p.sheetId, where).basicFilter;
    return {};
  },
  addChart: (ss, p, where) => {
    const chart = structuredClone(asObject(p.chart));
    if (!chart.spec) throw invalid(`${where}: chart.spec must be set.`);
    const anchor = ((chart.position as Json | undefined)?.overlayPosition as Json | undefined)?.anchorCell as
      | Json
      | undefined;
    const sheet = findSheetById(ss, anchor?.sheetId ?? (chart.position as Json | undefined)?.sheetId, where);
    const taken = (id: number) => ss.sheets.some((s) => s.charts.some((c) => c.chartId === id));
    if (chart.chartId !== undefined) {
      if (taken(chart.chartId as number))
        throw invalid(`${where}: An object with ID ${String(chart.chartId)} already exists.`);
    } else chart.chartId = newId(taken);
    sheet.charts.push(chart);
    return { addChart: { chart } };
  },
  updateChartSpec: (ss, p, where) => {
    const [sheet, i] = findChart(ss, p.chartId, where);
    (sheet.charts[i] as Json).spec = structuredClone(asObject(p.spec));
    return {};
  },
  deleteEmbeddedObject: (ss, p, where) => {
    const [sheet, i] = findChart(ss, p.objectId, where);
    sheet.charts.splice(i, 1);
    return {};
  },
};
