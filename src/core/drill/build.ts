// Putting a drill workbook together: scenario (preset, scenario file, team), steps (preset, scenario
// file, plan file, or the edited steps of an earlier drill workbook with their recorded times),
// the synthetic NAV and holdings tables so trainees run the real analysis, and the drill's sheets.

import type { Locale } from "../i18n";
import { generateSample } from "../sample";
import type { TableSheetModel } from "../workbook";
import type { ScenarioFile } from "./plan";
import { localiseOwner } from "./plan";
import { defaultRoles, presetScenarioTexts, presetSteps } from "./presets";
import { drillSheets } from "./sheets";
import { parseTimeText } from "./time";
import type { DrillLogEntry, DrillRole, DrillState, DrillStep, PresetName, StepPlan } from "./types";
import { toMinute } from "./types";

export interface TeamSpec {
  name: string;
  /** Players in role order, or by role name ("客户服务部" / "Customer service" / "service"). */
  players?: string[] | Record<string, string>;
}

export interface NewDrillOptions {
  locale: Locale;
  /** Default "nav-fall"; ignored when `scenarioFile` is given (its `base` is used). */
  preset?: PresetName;
  scenarioFile?: ScenarioFile;
  team?: TeamSpec;
  /** Steps from a plan file; replace the preset's and the scenario file's. */
  plan?: StepPlan[];
  /**
   * An earlier drill workbook read back (readDrillWorkbook): its steps, statuses, times, notes,
   * review, log and players are kept; the preset/scenario file still give the scenario texts.
   */
  carry?: DrillState;
  /** Seed of the synthetic data (default 7), so a class gets the same workbook. */
  seed?: number;
  /** Clients in the synthetic holdings (default 60; at least 20 so the faulty rows are there). */
  clients?: number;
  /** When the workbook is generated (wall clock): the first log line. */
  now: Date;
}

export interface NewDrill {
  state: DrillState;
  sheets: TableSheetModel[];
}

/**
 * "第一组:张三,李四" -> team 第一组 with players in role order; "第一组:客户服务部=张三,法务部=李四"
 * by role. Separators , ， 、 ; between players, : or ： after the team name.
 */
export function parseTeamArg(arg: string): TeamSpec {
  const m = /^([^:：]*)[:：](.*)$/.exec(arg);
  if (!m) return { name: arg.trim() };
  const items = m[2].split(/[,，、;；]/).map((s) => s.trim()).filter((s) => s !== "");
  if (items.some((s) => /[=＝]/.test(s))) {
    const players: Record<string, string> = {};
    for (const it of items) {
      const [role, ...rest] = it.split(/[=＝]/);
      players[role.trim()] = rest.join("=").trim();
    }
    return { name: m[1].trim(), players };
  }
  return { name: m[1].trim(), players: items };
}

function assignPlayers(roles: DrillRole[], team: TeamSpec | undefined, locale: Locale): DrillRole[] {
  const p = team?.players;
  if (!p) return roles;
  if (Array.isArray(p)) return roles.map((r, i) => ({ ...r, player: p[i] ?? r.player }));
  const byRole = new Map(Object.entries(p).map(([k, v]) => [localiseOwner(k, locale), v]));
  return roles.map((r) => ({ ...r, player: byRole.get(r.role) ?? r.player }));
}

function dayBefore(d: Date): string {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - 1)).toISOString().slice(0, 10);
}

function freshStep(p: StepPlan, i: number): DrillStep {
  return {
    no: i + 1, key: p.key ?? "", phase: p.phase, text: p.text, owner: p.owner, targetMinutes: p.targetMinutes,
    status: "not-started", startedAt: null, completedAt: null, startedManual: false, completedManual: false, note: "",
  };
}

export function newDrillWorkbook(opts: NewDrillOptions): NewDrill {
  const L = opts.locale;
  const file = opts.scenarioFile;
  const preset = file?.base ?? opts.preset ?? "nav-fall";
  const texts = presetScenarioTexts(preset, L);
  const start = file?.start ?? opts.carry?.scenario.start ?? parseTimeText(texts.start)!;

  let roles = file?.roles ?? defaultRoles(L);
  // players typed into an earlier workbook stay, unless --team names them again
  if (opts.carry) {
    const old = new Map(opts.carry.scenario.roles.map((r) => [localiseOwner(r.role, L), r.player]));
    roles = roles.map((r) => ({ ...r, player: old.get(r.role) || r.player }));
  }
  roles = assignPlayers(roles, opts.team, L);

  const scenario = {
    preset: file && (file.title || file.description) ? ("custom" as const) : preset,
    title: file?.title ?? texts.title,
    description: file?.description ?? texts.description,
    start,
    team: opts.team?.name ?? file?.team ?? opts.carry?.scenario.team ?? "",
    roles,
  };

  let steps: DrillStep[];
  if (opts.plan) steps = opts.plan.map(freshStep);
  else if (opts.carry) {
    // the edited steps as they stand (renumbered 1..n in sheet order), with what was recorded
    steps = opts.carry.steps.map((s, i) => ({ ...s, no: i + 1 }));
  } else steps = (file?.steps ?? presetSteps(preset, L)).map(freshStep);

  const generated: DrillLogEntry = {
    at: toMinute(opts.now), source: "cli", by: "", event: "generated", stepNo: null, stepText: "", from: null, to: null,
    note: scenario.preset === "custom" ? scenario.title : `${scenario.preset} · ${steps.length}`,
  };
  const state: DrillState = {
    locale: L,
    scenario,
    steps,
    review: opts.carry?.review ?? [],
    log: [...(opts.carry?.log ?? []), generated],
    clock: opts.carry?.clock ?? { startedAt: null, stoppedAt: null },
  };

  const sample = generateSample({ clients: Math.max(20, opts.clients ?? 60), products: 4, seed: opts.seed ?? 7, asOf: dayBefore(start) });
  const [scenarioModel, drillModel, reviewModel, logModel] = drillSheets(state);
  return { state, sheets: [scenarioModel, drillModel, ...sample.sheets, reviewModel, logModel] };
}
