// The three scenario presets and their default steps. The steps follow the domain brief: the
// seven-step response flow (step 7, the review, becomes the after-action phase), the client
// communication a loss calls for (call high-tier clients first, drafts that promise nothing, the
// 15-day complaint clock), and the after-action review (causes, owned corrective actions, plan
// revision, training). Presets add what their scenario needs: the 30-minute / 1-hour incident
// report for a mass complaint, the PR-led statement for a media inquiry.

import type { Locale } from "../i18n";
import { DEFAULT_SCORING } from "../risk";
import { DEFAULT_COMPLAINT_POLICY, type ComplaintPolicy } from "../contact";

// A drill rehearses the default rules: its step texts name them from the settings' defaults.
const CLOCK = DEFAULT_COMPLAINT_POLICY;
import { DRILL_PRODUCT_CODE, DRILL_PRODUCT_NAME } from "../sample";
import { ROLE_DUTY, ROLE_NAME, type Text } from "./text";
import type { Activity, DrillRole, Phase, PresetName, RoleKey, StepPlan } from "./types";
import { ROLE_KEYS } from "./types";

export interface StepDef {
  key: string;
  phase: Phase;
  owner: RoleKey;
  minutes: number;
  text: Text;
}

const S = (key: string, phase: Phase, owner: RoleKey, minutes: number, zh: string, en: string): StepDef => ({
  key, phase, owner, minutes, text: { "zh-CN": zh, "en-US": en },
});

const PRODUCT = `${DRILL_PRODUCT_CODE} ${DRILL_PRODUCT_NAME}`;

const PREPARATION: StepDef[] = [
  S("setup-group", "preparation", "leadership", 15,
    "成立演练领导小组，明确各角色分工、联系人与演练规则",
    "Set up the drill leadership group; confirm each role, its contact and the drill rules"),
  S("brief-plan", "preparation", "leadership", 15,
    "宣读应急预案与演练情景，确认各部门人员到位",
    "Read out the response plan and the scenario; confirm every department is present"),
];

const ACTIVATE = S("activate", "response", "leadership", 30,
  "接报产品净值下跌信息（单位净值 1.5000→1.2000，跌幅 20%），启动应急响应机制，召开紧急会议",
  "NAV-fall information received (unit NAV 1.5000 to 1.2000, a 20% fall): start the response mechanism, hold the emergency meeting");

const RESPONSE_REST: StepDef[] = [
  S("analyse", "response", "finance", 60,
    "分析净值下跌原因与严重程度：运行亏损分析，统计受影响客户、亏损金额与风险分级",
    "Analyse why the NAV fell and how severe it is: run the loss analysis (clients affected, loss amounts, risk tiers)"),
  S("contact", "response", "service", 60,
    "联系客户，了解客户诉求，安抚客户情绪",
    "Contact clients, learn what they want, calm them"),
  S("dispose", "response", "risk", 60,
    "研究确定处置措施：调整投资策略与结构，降低风险，加强预警",
    "Decide disposal measures: adjust strategy and structure, lower risk, strengthen early warning"),
  S("regulator", "response", "leadership", 60,
    "向监管部门报告风险情况，请求指导",
    "Report the risk situation to the regulator and ask for guidance"),
  S("reassess", "response", "risk", 60,
    "定期重新评估风险，调整处置措施",
    "Reassess periodically and adjust the measures"),
];

const COMMUNICATION: StepDef[] = [
  S("call-high", "communication", "service", 60,
    `按风险评分排序，优先致电高风险及私行、钻石等级客户；${DEFAULT_SCORING.elderlyAge} 岁及以上客户重点关怀`,
    `Call clients in risk-score order, high-risk and private/diamond-tier clients first; special care for clients aged ${DEFAULT_SCORING.elderlyAge}+`),
  S("drafts", "communication", "service", 45,
    "准备客户沟通话术（电话、短信、微信、信函）：共情、承认不及预期、客观解释原因、专业建议、具体方案、长期关系、保持联系",
    "Prepare client drafts (phone, SMS, WeChat, letter): empathy, shortfall acknowledged, causes explained, advice, a concrete plan, the relationship, keeping in touch"),
  S("legal-review", "communication", "legal", 30,
    "法务审核话术与赔偿诉求的应对口径：不承诺保本、保收益或赔偿，不得刚性兑付",
    "Legal reviews the drafts and the answer to compensation demands: no promise of principal, returns or compensation"),
  S("send-drafts", "communication", "service", 60,
    "发送话术并回访客户，记录客户反馈",
    "Send the drafts, follow up with the clients, record their feedback"),
  S("complaints", "communication", "service", 30,
    `登记客户投诉，启动 ${CLOCK.decideDays} 日处理时限（复杂情况最长 ${CLOCK.complexDays} 日，经批准可再延长 ${CLOCK.maxDays - CLOCK.complexDays} 日）`,
    `Record the complaints and start their ${CLOCK.decideDays}-day clock (complex cases up to ${CLOCK.complexDays} days, with approval a further ${CLOCK.maxDays - CLOCK.complexDays})`),
];

const AFTER_ACTION: StepDef[] = [
  S("review", "after-action", "leadership", 60,
    "总结复盘：从市场风险、选择风险、行为因素、风险管理缺失四方面分析原因",
    "Review: analyse the causes (market risk, selection risk, behaviour, missing risk management)"),
  S("actions", "after-action", "risk", 45,
    "提出整改措施，明确责任人与完成期限，填写“总结评估”表",
    "Propose corrective actions with owners and due dates; fill in the After-action review sheet"),
  S("revise-plan", "after-action", "risk", 60,
    "修订应急预案",
    "Revise the response plan"),
  S("training", "after-action", "leadership", 60,
    "组织员工培训，提升风险意识与团队协作",
    "Train staff: risk awareness and teamwork"),
];

const MASS_REPORTS: StepDef[] = [
  S("report-phone", "response", "leadership", 30,
    "自接报起 30 分钟内，电话报告上级行与监管部门（突发事件信息报告）",
    "Within 30 minutes of the alarm, report by phone to head office and the regulator (incident information report)"),
  S("report-written", "response", "leadership", 60,
    "自接报起 1 小时内，报送书面报告",
    "Within 1 hour of the alarm, send the written report"),
];

const MASS_COMMUNICATION: StepDef[] = [
  S("site-order", "communication", "service", 30,
    "安排网点现场接待与秩序维护，设专人专线，防止事态升级",
    "Receive the clients at the branch, keep order, set up a dedicated team and line so things do not escalate"),
];

const MASS_COMPLAINTS = S("complaints", "communication", "service", 45,
  `集中登记投诉，逐一启动 ${CLOCK.decideDays} 日处理时限（复杂情况最长 ${CLOCK.complexDays} 日，经批准可再延长 ${CLOCK.maxDays - CLOCK.complexDays} 日）`,
  `Record every complaint and start each one's ${CLOCK.decideDays}-day clock (complex cases up to ${CLOCK.complexDays} days, with approval a further ${CLOCK.maxDays - CLOCK.complexDays})`);

const MEDIA: StepDef[] = [
  S("media-log", "communication", "pr", 15,
    "媒体公关部接听记者问询，记录问题与截稿时间，对外口径统一由公关部负责",
    "PR takes the journalist's inquiry, notes the questions and deadline; only PR speaks to the media"),
  S("media-monitor", "communication", "pr", 30,
    "监测舆情，评估传播范围与关注点",
    "Watch public opinion: how far the story has spread and what people focus on"),
  S("statement-draft", "communication", "pr", 60,
    "起草对外声明：事实清楚，不承诺保本、保收益或赔偿，附“理财非存款、产品有风险、投资须谨慎”",
    "Draft the public statement: factual, no promise of principal, returns or compensation, with the standard risk warning"),
  S("statement-legal", "communication", "legal", 30,
    "法务审核对外声明",
    "Legal reviews the statement"),
  S("statement-publish", "communication", "leadership", 30,
    "应急领导小组审批并发布声明，回复记者",
    "The leadership group approves and publishes the statement and answers the journalist"),
  S("media-follow", "communication", "pr", 60,
    "持续监测舆情，定时向应急领导小组报告",
    "Keep watching public opinion and report to the leadership group at set times"),
];

/** "30 分钟" / "1 小时" / "24 小时"; "30 minutes" / "1 hour". */
export function minutesPhrase(min: number, locale: Locale): string {
  if (min % 60 === 0) {
    const h = min / 60;
    return locale === "zh-CN" ? `${h} 小时` : `${h} hour${h === 1 ? "" : "s"}`;
  }
  return locale === "zh-CN" ? `${min} 分钟` : `${min} minutes`;
}

// ---- the live event's response checklist (core/event/checklist.ts), also the "live-event" drill ----

/** The incident-report deadlines in minutes from discovery (core/event/checklist.ts ReportingDeadlines). */
export interface ReportMinutes {
  oralMinutes: number;
  writtenMinutes: number;
}

/** The settings the step texts name (risk.ts elderlyAge, contact.ts complaint clock): one source. */
export interface StepRules {
  elderlyAge: number;
  complaints: ComplaintPolicy;
}
export const DEFAULT_STEP_RULES: StepRules = { elderlyAge: DEFAULT_SCORING.elderlyAge, complaints: DEFAULT_COMPLAINT_POLICY };

interface LiveStepDef {
  key: string;
  phase: Phase;
  owner: RoleKey;
  minutes: number | ((d: ReportMinutes) => number);
  text: (d: ReportMinutes, r: StepRules) => Text;
}

const fixed = (zh: string, en: string) => () => ({ "zh-CN": zh, "en-US": en });

const LIVE_STEPS: LiveStepDef[] = [
  { key: "activate", phase: "response", owner: "leadership", minutes: 30,
    text: fixed("接报产品净值下跌信息，启动应急响应机制，召集应急领导小组召开紧急会议",
      "NAV-fall information received: start the response mechanism, convene the emergency leadership group") },
  { key: "notify-service", phase: "response", owner: "leadership", minutes: 30,
    text: fixed("通知客户服务部及各网点：统一接待口径，逐件登记投诉（投诉登记表）",
      "Notify customer service and the branches: one way of receiving clients, every complaint recorded (Complaints sheet)") },
  { key: "report-phone", phase: "response", owner: "leadership", minutes: (d) => d.oralMinutes,
    text: (d) => ({
      "zh-CN": `自发现起 ${minutesPhrase(d.oralMinutes, "zh-CN")}内，电话（口头）报告上级行与监管部门`,
      "en-US": `Within ${minutesPhrase(d.oralMinutes, "en-US")} of discovery, report by phone to head office and the regulator`,
    }) },
  { key: "analyse", phase: "response", owner: "finance", minutes: 60,
    text: fixed("财务部分析净值下跌原因与严重程度：运行亏损分析，统计受影响客户、亏损金额与风险分级",
      "Finance analyses why the NAV fell and how severe it is: run the loss analysis (clients affected, losses, risk tiers)") },
  { key: "report-written", phase: "response", owner: "leadership", minutes: (d) => d.writtenMinutes,
    text: (d) => ({
      "zh-CN": `自发现起 ${minutesPhrase(d.writtenMinutes, "zh-CN")}内，报送书面报告（监管报告·初报）`,
      "en-US": `Within ${minutesPhrase(d.writtenMinutes, "en-US")} of discovery, send the written report (Regulator report, first report)`,
    }) },
  { key: "legal-assess", phase: "response", owner: "legal", minutes: 120,
    text: fixed("法务部法律评估：销售适当性、合同条款、诉讼风险与应对策略",
      "Legal assessment: suitability of the sales, contract terms, litigation risk and strategy") },
  { key: "dispose", phase: "response", owner: "risk", minutes: 120,
    text: fixed("风险管理部确定处置措施：调整投资策略与结构，降低风险，加强预警",
      "Risk management decides disposal measures: adjust strategy and structure, lower risk, early warning") },
  { key: "drafts", phase: "communication", owner: "service", minutes: 60,
    text: fixed("生成并审核客户沟通话术：不承诺保本、保收益或赔偿",
      "Write and review the client drafts: no promise of principal, returns or compensation") },
  { key: "contact", phase: "communication", owner: "service", minutes: 1440,
    text: (_, r) => ({
      "zh-CN": `按风险分级联系客户：高风险优先，${r.elderlyAge} 岁及以上与适当性不匹配客户重点关注，记录联系结果`,
      "en-US": `Contact clients by risk tier: high first; special care for clients aged ${r.elderlyAge}+ and suitability mismatches; record each outcome`,
    }) },
  { key: "complaints", phase: "communication", owner: "service", minutes: 60,
    text: (_, { complaints: c }) => ({
      "zh-CN": `登记每一件投诉，按 ${c.decideDays} 日时限答复（有延期原因 ${c.complexDays} 日，经批准最长 ${c.maxDays} 日）`,
      "en-US": `Record every complaint and answer within ${c.decideDays} days (${c.complexDays} with an extension reason, at most ${c.maxDays} with approval)`,
    }) },
  { key: "media", phase: "communication", owner: "pr", minutes: 120,
    text: fixed("媒体公关部审定并发布媒体口径，记录舆情与回应（舆情记录表）",
      "PR approves and issues the holding statement; records media coverage and responses (Media log)") },
  { key: "reassess", phase: "response", owner: "risk", minutes: 1440,
    text: fixed("定期重新评估风险，调整处置措施，按要求报送续报",
      "Reassess periodically, adjust the measures, send update reports as required") },
  { key: "regulator-final", phase: "after-action", owner: "leadership", minutes: 1440,
    text: fixed("事件处置结束后报送终报", "Send the final report once the event is over") },
  { key: "review", phase: "after-action", owner: "leadership", minutes: 120,
    text: fixed("总结复盘：从市场风险、选择风险、行为因素、风险管理缺失四方面分析原因",
      "Review: analyse the causes (market risk, selection risk, behaviour, missing risk management)") },
  { key: "actions", phase: "after-action", owner: "risk", minutes: 120,
    text: fixed("提出整改措施，明确责任人与完成期限，填写“事件复盘”表",
      "Propose corrective actions with owners and due dates; fill in the Event review sheet") },
  { key: "revise-plan", phase: "after-action", owner: "risk", minutes: 1440,
    text: fixed("修订应急预案并组织培训", "Revise the response plan and train staff") },
];

/**
 * The live event's steps with the region's report deadlines (default 30 minutes / 1 hour): the same
 * definitions for a live event and for the "live-event" drill that rehearses it.
 */
export function liveEventStepDefs(d: ReportMinutes = { oralMinutes: 30, writtenMinutes: 60 }, r: StepRules = DEFAULT_STEP_RULES): StepDef[] {
  return LIVE_STEPS.map((x) => ({ key: x.key, phase: x.phase, owner: x.owner, minutes: typeof x.minutes === "number" ? x.minutes : x.minutes(d), text: x.text(d, r) }));
}

export function presetStepDefs(preset: PresetName): StepDef[] {
  switch (preset) {
    case "nav-fall":
      return [...PREPARATION, ACTIVATE, ...RESPONSE_REST, ...COMMUNICATION, ...AFTER_ACTION];
    case "mass-complaint":
      // The incident report clock starts at the alarm, so the reports come right after it.
      return [
        ...PREPARATION, ACTIVATE, ...MASS_REPORTS, ...RESPONSE_REST,
        ...MASS_COMMUNICATION, ...COMMUNICATION.map((s) => (s.key === "complaints" ? MASS_COMPLAINTS : s)), ...AFTER_ACTION,
      ];
    case "media-inquiry":
      return [...PREPARATION, ACTIVATE, ...RESPONSE_REST, ...MEDIA, ...COMMUNICATION, ...AFTER_ACTION];
    case "live-event":
      // a rehearsal of exactly the live event's checklist, after the drill's own preparation
      return [...PREPARATION, ...liveEventStepDefs()];
  }
}

export function presetSteps(preset: PresetName, locale: Locale): StepPlan[] {
  return presetStepDefs(preset).map((d) => ({
    key: d.key, phase: d.phase, owner: ROLE_NAME[d.owner][locale], text: d.text[locale], targetMinutes: d.minutes,
  }));
}

/**
 * Which step keys an activity of the add-in completes, in order of preference: the first one in
 * the plan that is not already done or skipped gets it.
 */
export const ACTIVITY_STEPS: Record<Activity, string[]> = {
  "analysis-run": ["analyse"],
  "drafts-written": ["drafts"],
  // a mass complaint has its own 1-hour written report; otherwise the report goes to the regulator
  "report-written": ["report-written", "regulator"],
};

/** Default step texts by key in both locales: lets the reader recover a key the sheet lost. */
export function defaultTextsByKey(): Map<string, string> {
  const m = new Map<string, string>();
  for (const p of ["nav-fall", "mass-complaint", "media-inquiry", "live-event"] as PresetName[]) {
    for (const d of presetStepDefs(p)) for (const t of Object.values(d.text)) m.set(t, d.key);
  }
  return m;
}

// ---- scenarios ----

interface PresetScenario {
  title: Text;
  description: Text[];
  /** Planned start, wall clock. */
  start: string;
}

const NAV_FALL_FACTS: Text = {
  "zh-CN": `产品 ${PRODUCT}（R4，中高风险）单位净值由高点 1.5000 跌至 1.2000，跌幅 20%。约半数持有人在 1.5000 附近的宣传期买入。`,
  "en-US": `Product ${PRODUCT} (R4, medium-high risk): unit NAV fell from its peak of 1.5000 to 1.2000, a 20% fall. About half of its holders bought near 1.5000 during the sales campaign.`,
};

const SCENARIOS: Record<PresetName, PresetScenario> = {
  "live-event": {
    title: { "zh-CN": "应急演练：按应急事件响应清单演练", "en-US": "Emergency drill: the live event's response checklist" },
    description: [
      NAV_FALL_FACTS,
      {
        "zh-CN": "按实战使用的应急响应清单逐步演练：口头与书面报告时限、亏损分析、法务评估、分级联系客户、投诉登记、媒体口径、监管报告初报至终报。",
        "en-US": "Rehearse the response checklist a live event uses, step by step: the oral and written report deadlines, the loss analysis, legal assessment, contact by tier, the complaint register, the media statement, the regulator reports.",
      },
    ],
    start: "2026-11-30 09:00",
  },
  "nav-fall": {
    title: { "zh-CN": "应急演练：理财产品净值下跌与客户投诉", "en-US": "Emergency drill: a product's NAV falls and a client complains" },
    description: [
      NAV_FALL_FACTS,
      {
        "zh-CN": "客户王女士（客户编号 C000002，68 岁，风险承受能力稳健型 C2）来电投诉：她在 1.5000 买入 20 万元，现亏损约 4 万元，认为销售时未充分揭示风险，要求银行赔偿损失。",
        "en-US": "Client C000002 (aged 68, risk tolerance C2, cautious) calls to complain: she bought 200,000 at 1.5000, has lost about 40,000, says the risk was not explained when she bought, and asks the bank to make good her loss.",
      },
      {
        "zh-CN": "任务：按应急预案完成响应，运行亏损分析找出受影响客户，准备合规的沟通话术，并完成总结评估。",
        "en-US": "Task: respond by the plan, run the loss analysis to find the clients affected, prepare compliant client drafts, and complete the after-action review.",
      },
    ],
    start: "2026-11-30 09:00",
  },
  "mass-complaint": {
    title: { "zh-CN": "应急演练：净值下跌引发集中投诉", "en-US": "Emergency drill: a NAV fall sets off a mass complaint" },
    description: [
      NAV_FALL_FACTS,
      {
        "zh-CN": "上午 9 点起，40 余名客户集中来电并到网点投诉，要求赔偿，部分客户在营业厅聚集。按突发事件信息报告要求：30 分钟内电话报告，1 小时内书面报告。",
        "en-US": "From 9 a.m. over 40 clients call and come to the branch to complain and demand compensation; some gather in the banking hall. The incident report rules apply: a phone report within 30 minutes, a written report within 1 hour.",
      },
      {
        "zh-CN": "任务：按时报告，分流接待并逐一登记投诉，运行亏损分析确定优先联系顺序，完成总结评估。",
        "en-US": "Task: report on time, receive and record every complaint, run the loss analysis to decide whom to call first, complete the after-action review.",
      },
    ],
    start: "2026-11-30 09:00",
  },
  "media-inquiry": {
    title: { "zh-CN": "应急演练：净值下跌与媒体问询", "en-US": "Emergency drill: a NAV fall and a media inquiry" },
    description: [
      NAV_FALL_FACTS,
      {
        "zh-CN": "一名财经记者致电询问该产品亏损及客户投诉情况，要求当日 17:00 前回复；社交媒体上已出现相关讨论。由媒体公关部牵头，对外发布声明。",
        "en-US": "A financial journalist calls about the product's losses and the complaints and wants an answer by 17:00 today; the story is already being discussed on social media. Public relations leads and issues a public statement.",
      },
      {
        "zh-CN": "任务：统一对外口径，发布合规声明，同时完成客户沟通与总结评估。",
        "en-US": "Task: one voice to the outside, a compliant public statement, and the client communication and after-action review as well.",
      },
    ],
    start: "2026-11-30 09:00",
  },
};

export function presetScenarioTexts(preset: PresetName, locale: Locale): { title: string; description: string[]; start: string } {
  const s = SCENARIOS[preset];
  return { title: s.title[locale], description: s.description.map((t) => t[locale]), start: s.start };
}

/** The six roles of the response plan, players blank. */
export function defaultRoles(locale: Locale): DrillRole[] {
  return ROLE_KEYS.map((k) => ({ role: ROLE_NAME[k][locale], duty: ROLE_DUTY[k][locale], player: "" }));
}
