// The built-in wording of every draft: 4 channels x 3 tiers x 2 languages, seven parts each, in
// the order of the domain brief. Data, kept apart from the drafting logic in drafts.ts; a bank
// changes it in the workbook's 话术模板 sheet, not here.

import type { Channel } from "./drafts";
import type { RiskTier } from "./risk";
import type { Locale } from "./i18n";
import { RISK_WARNING } from "./compliance";

type Seven = [string, string, string, string, string, string, string];

// The default texts. Written to pass the compliance check (a test holds them to it), to name the
// client, product, loss, RM and call time, and never to promise principal, returns or
// compensation: part 5 offers options and the formal complaint route, not money.
export const DEFAULT_TEXTS: Record<Locale, Record<Channel, Record<RiskTier, Seven>>> = {
  "zh-CN": {
    phone: {
      high: [
        "{客户姓名}您好，我是{客户经理}，负责您的理财服务。{产品名称}近期净值下跌，我能理解您现在的着急和担心，也谢谢您一直以来对我们的信任。",
        "截至{分析日}，您持有的{产品名称}亏损{亏损金额}元，亏损比例{亏损比例}{合计说明}。这个结果没有达到您的预期，我们不回避这一点。",
        "净值下跌的主要原因是近期市场波动，产品净值较高点回落了{净值回撤}。净值型理财产品的净值会随市场涨跌变化，投资本身有风险，过往业绩也不代表未来表现。",
        "我的建议是先不要在市场波动剧烈的时候仓促决定。我们一起看看这笔资金的用途、期限和您的风险承受能力，再判断是继续持有、部分调整，还是换成更适合您的配置。",
        "具体来说，我会把您的持仓情况和产品后续披露的信息整理给您，并准备两到三个适合您当前情况的方案供您比较；您如有其他诉求，也请直接告诉我，我会如实记录，并按规定流程反馈。",
        "您的每一笔资产我们都会认真对待，这只产品的情况我们会持续跟进，希望今后继续为您提供踏实、专业的服务。",
        "我会在{联系时间}再给您打电话，把方案和最新情况跟您详细沟通；在这之前有任何问题，请随时打给我。",
      ],
      medium: [
        "{客户姓名}您好，我是{客户经理}。{产品名称}近期净值下跌，让您担心了，我很理解您的心情。",
        "截至{分析日}，您在这只产品上亏损{亏损金额}元（{亏损比例}）{合计说明}，没有达到您的预期。",
        "主要原因是近期市场波动，产品净值较高点回落{净值回撤}；净值型产品会随市场涨跌，投资有风险。",
        "建议您结合这笔资金的用途和期限理性决定，不必急于操作。",
        "我会把产品后续信息和几种可选的配置方案整理给您参考。",
        "我们会一直做好您的服务，陪您一起做长期的资产规划。",
        "我会在{联系时间}再联系您，您有任何疑问也可以随时找我。",
      ],
      low: [
        "{客户姓名}您好，我是{客户经理}，打扰您了。理解您对{产品名称}近期表现的关注。",
        "截至{分析日}，该产品亏损{亏损金额}元（{亏损比例}）{合计说明}，不及预期。",
        "主要是市场波动所致，净值型产品的净值会有涨跌。",
        "建议结合自身需要理性持有或调整。",
        "如需调整，我可以帮您梳理可选方案。",
        "我们会持续为您做好服务。",
        "我会在{联系时间}再与您联系。",
      ],
    },
    sms: {
      // One 70-character segment for the sample's names: every part cut to its bones, the loss
      // rounded for the phone screen ({亏损金额简} 4.0万, {亏损比例简} 20.0%); the exact figures are
      // in the call and the letter. A product name over 7 characters makes it two segments.
      high: [
        "{客户姓名}您好，理解您心情。",
        "{产品名称}亏约{亏损金额简}元({亏损比例简})不及预期，",
        "系市场波动。",
        "建议勿急，",
        "另议方案，",
        "长期陪伴。",
        "{客户经理}{联系时间}来电。",
      ],
      medium: [
        "{客户姓名}您好，理解您心情。",
        "{产品名称}亏约{亏损金额简}元({亏损比例简})不及预期，",
        "系市场波动。",
        "建议勿急，",
        "另议方案，",
        "长期服务。",
        "{客户经理}{联系时间}来电。",
      ],
      low: [
        "{客户姓名}您好，理解您关注。",
        "{产品名称}亏约{亏损金额简}元({亏损比例简})不及预期，",
        "系市场波动。",
        "理性持有，",
        "可议方案，",
        "持续服务。",
        "{客户经理}{联系时间}联系。",
      ],
    },
    wechat: {
      high: [
        "{客户姓名}您好，我是{客户经理}。{产品名称}近期净值下跌，我知道您一定很担心，非常理解您的心情。",
        "截至{分析日}，您持有的该产品亏损{亏损金额}元（{亏损比例}）{合计说明}，这个结果没有达到您的预期。",
        "主要原因是近期市场波动，产品净值较高点回落{净值回撤}。净值型理财的净值随市场涨跌变化，投资有风险。",
        "建议您先不要急于操作，我们结合这笔资金的用途、期限和您的风险承受能力再做判断。",
        "我会整理产品后续信息，并准备几种适合您当前情况的方案供您选择。",
        "我们会一直认真对待您的每一笔资产，和您一起做长期的规划。",
        "我会在{联系时间}亲自给您打电话详细沟通，有任何问题也可以随时在微信上找我。",
      ],
      medium: [
        "{客户姓名}您好，我是{客户经理}。{产品名称}近期净值下跌，理解您的担心。",
        "截至{分析日}，该产品亏损{亏损金额}元（{亏损比例}）{合计说明}，没有达到您的预期。",
        "主要是近期市场波动所致，净值型产品会随市场涨跌，投资有风险。",
        "建议结合资金用途和期限理性决定，不必急于操作。",
        "我会把后续信息和可选方案整理给您参考。",
        "我们会一直做好您的服务。",
        "我会在{联系时间}给您打电话，有问题也可以随时微信找我。",
      ],
      low: [
        "{客户姓名}您好，我是{客户经理}，理解您对{产品名称}的关注。",
        "截至{分析日}，该产品亏损{亏损金额}元（{亏损比例}）{合计说明}，不及预期。",
        "主要是市场波动所致。",
        "建议结合自身需要理性持有或调整。",
        "需要的话我可以帮您梳理方案。",
        "我们会持续为您服务。",
        "我会在{联系时间}与您联系。",
      ],
    },
    letter: {
      high: [
        "尊敬的{客户姓名}：\n\n您好！近期{产品名称}净值出现下跌，我们理解这给您带来的担忧和困扰，也感谢您长期以来对我行的信任。",
        "截至{分析日}，您持有的{产品名称}亏损{亏损金额}元，亏损比例为{亏损比例}{合计说明}。这一结果没有达到您的预期，我们对此高度重视。",
        "经分析，净值下跌的主要原因是近期市场波动，产品净值较高点回落{净值回撤}。净值型理财产品的净值随所投资产的市场价格变化，投资存在风险。",
        "我们建议您结合资金用途、投资期限和自身风险承受能力审慎决策，避免在市场波动中仓促操作。",
        "您的客户经理将为您梳理持仓情况，并提供若干适合您当前情况的配置方案供您参考；您如有其他诉求，我们将如实记录，并按投诉处理流程在规定时限内答复。",
        "我们珍视与您的长期关系，将持续跟踪产品运作情况，并及时向您披露相关信息。",
        `{客户经理}将于{联系时间}与您电话联系。如有疑问，欢迎随时与我们联系。\n\n此致\n敬礼！\n\n{客户经理}\n{日期}\n\n${RISK_WARNING["zh-CN"]}`,
      ],
      medium: [
        "尊敬的{客户姓名}：\n\n您好！近期{产品名称}净值下跌，我们理解您的担忧。",
        "截至{分析日}，您持有的该产品亏损{亏损金额}元，亏损比例为{亏损比例}{合计说明}，未达到您的预期。",
        "净值下跌主要由近期市场波动引起，产品净值较高点回落{净值回撤}；净值型理财产品的净值随市场变化，投资存在风险。",
        "建议您结合资金用途和投资期限理性决策，不必急于操作。",
        "您的客户经理将与您一起梳理持仓，并提供适合您的可选方案。",
        "我们重视与您的长期关系，将持续向您披露产品信息。",
        `{客户经理}将于{联系时间}与您联系。\n\n此致\n敬礼！\n\n{客户经理}\n{日期}\n\n${RISK_WARNING["zh-CN"]}`,
      ],
      low: [
        "尊敬的{客户姓名}：\n\n您好！感谢您对{产品名称}的关注。",
        "截至{分析日}，该产品亏损{亏损金额}元（{亏损比例}）{合计说明}，不及预期。",
        "这主要是市场波动所致。",
        "建议您结合自身需要理性持有或调整。",
        "如需调整，您的客户经理可为您梳理方案。",
        "我们将持续为您提供服务。",
        `{客户经理}将于{联系时间}与您联系。\n\n{客户经理}\n{日期}\n\n${RISK_WARNING["zh-CN"]}`,
      ],
    },
  },
  "en-US": {
    phone: {
      high: [
        "Hello {clientName}, this is {rm}, who looks after your wealth management account. I know the recent fall in {productName} must be worrying, and I understand how you feel. Thank you for your trust in us.",
        "As of {asOf}, your holding in {productName} shows a loss of CNY {lossAmount}, or {lossRate}{totalNote}. That is not the result you expected, and I won't pretend otherwise.",
        "The main cause is recent market volatility: the product's NAV is {drawdown} below its peak. The value of a net-value product moves with the markets, investing carries risk, and past performance does not represent future performance.",
        "My advice is not to decide in a hurry while markets are unsettled. Let's look together at what this money is for, when you may need it and how much risk you are comfortable with, and then decide whether to hold, adjust part of it or move to something that suits you better.",
        "Concretely, I will put together your holdings and the product's latest disclosures, and prepare two or three options that fit your situation for you to compare. If you have a request, tell me and I will record it faithfully and pass it on through the bank's formal process.",
        "We take every part of your savings seriously, we will keep following this product closely, and we want to keep serving you well for many years to come.",
        "I will call you again {contactTime} to go through the options; until then, please call me any time with questions.",
      ],
      medium: [
        "Hello {clientName}, this is {rm}. I understand the recent fall in {productName} has been a worry for you.",
        "As of {asOf}, the loss on this holding is CNY {lossAmount} ({lossRate}){totalNote}, which falls short of what you expected.",
        "The main cause is recent market volatility; the NAV is {drawdown} below its peak. A net-value product rises and falls with the markets, and investing carries risk.",
        "I suggest you decide calmly, based on what the money is for and when you need it, rather than in a hurry.",
        "I will send you the product's latest information and a few options that fit your situation.",
        "We are here for the long term and will keep looking after your investments with you.",
        "I will call you again {contactTime}; feel free to contact me any time before then.",
      ],
      low: [
        "Hello {clientName}, this is {rm}. I understand you may be concerned about {productName}.",
        "As of {asOf}, it shows a loss of CNY {lossAmount} ({lossRate}){totalNote}, below what you hoped for.",
        "This is mainly due to market movements; NAVs go up and down.",
        "I suggest holding or adjusting calmly, in line with your own needs.",
        "If you would like to adjust, I can go through the options with you.",
        "We will keep looking after your account.",
        "I will be in touch again {contactTime}.",
      ],
    },
    sms: {
      // One 160-character GSM segment for ordinary Latin names (rounded figures: CNY 40.0k, 20.0%).
      high: [
        "{clientName}, sorry.",
        "{productName}: down ~{lossShort} ({rateShort}), below hopes;",
        "markets fell.",
        "Stay calm;",
        "options next;",
        "we're with you.",
        "{rm} calls {contactTime}.",
      ],
      medium: [
        "{clientName}, sorry.",
        "{productName}: down ~{lossShort} ({rateShort}), below hopes;",
        "markets fell.",
        "Stay calm;",
        "options next;",
        "we're here.",
        "{rm} calls {contactTime}.",
      ],
      low: [
        "{clientName}, we understand.",
        "{productName}: down ~{lossShort} ({rateShort}), below hopes;",
        "markets fell.",
        "Decide calmly;",
        "options open;",
        "at your service.",
        "{rm} will call {contactTime}.",
      ],
    },
    wechat: {
      high: [
        "Hello {clientName}, this is {rm}. I know the recent fall in {productName} must be worrying, and I understand how you feel.",
        "As of {asOf}, your holding shows a loss of CNY {lossAmount} ({lossRate}){totalNote}. That is not the result you expected.",
        "The main cause is market volatility: the NAV is {drawdown} below its peak. Net-value products move with the markets, and investing carries risk.",
        "Please don't rush a decision; let's first look at what this money is for, when you need it and the risk you are comfortable with.",
        "I will put together the product's latest information and a few options that suit your situation.",
        "We take every part of your savings seriously and will be with you for the long term.",
        "I will call you personally {contactTime} to talk it through, and you can message me here any time.",
      ],
      medium: [
        "Hello {clientName}, this is {rm}. I understand the fall in {productName} is a worry.",
        "As of {asOf}, the loss is CNY {lossAmount} ({lossRate}){totalNote}, short of what you expected.",
        "It is mainly due to recent market volatility; net-value products move with the markets, and investing carries risk.",
        "I suggest deciding calmly, based on what the money is for and when you need it.",
        "I will send you the latest information and a few options to consider.",
        "We will keep looking after you.",
        "I will call you {contactTime}; message me here any time.",
      ],
      low: [
        "Hello {clientName}, this is {rm}. I understand you may be concerned about {productName}.",
        "As of {asOf}, the loss is CNY {lossAmount} ({lossRate}){totalNote}, below what you hoped for.",
        "This is mainly due to market movements.",
        "I suggest holding or adjusting calmly, in line with your needs.",
        "I can go through the options with you if you wish.",
        "We remain at your service.",
        "I will be in touch {contactTime}.",
      ],
    },
    letter: {
      high: [
        "Dear {clientName},\n\nThe net asset value of {productName} has fallen recently. We understand the concern this causes you, and we thank you for your continued trust.",
        "As of {asOf}, your holding in {productName} shows a loss of CNY {lossAmount}, or {lossRate}{totalNote}. This falls short of what you expected, and we take it seriously.",
        "Our analysis shows that the main cause is recent market volatility: the product's NAV is {drawdown} below its peak. The NAV of a net-value product follows the market prices of the assets it holds, and investing carries risk.",
        "We recommend that you decide with care, in the light of what the money is for, your investment horizon and your risk tolerance, rather than act in haste while markets are volatile.",
        "Your relationship manager will review your holdings with you and offer several options suited to your current situation. If you have any further request, we will record it faithfully and reply within the time limits of our complaint-handling procedure.",
        "We value our long-term relationship with you and will keep monitoring the product and disclosing information to you promptly.",
        `{rm} will call you {contactTime}. Please contact us at any time if you have questions.\n\nYours sincerely,\n\n{rm}\n{date}\n\n${RISK_WARNING["en-US"]}`,
      ],
      medium: [
        "Dear {clientName},\n\nThe net asset value of {productName} has fallen recently, and we understand your concern.",
        "As of {asOf}, your holding shows a loss of CNY {lossAmount}, or {lossRate}{totalNote}, which falls short of what you expected.",
        "The fall is mainly due to recent market volatility: the NAV is {drawdown} below its peak. The NAV of a net-value product moves with the markets, and investing carries risk.",
        "We recommend deciding calmly, in the light of what the money is for and your investment horizon.",
        "Your relationship manager will go through your holdings with you and suggest options that suit you.",
        "We value our long-term relationship and will keep you informed about the product.",
        `{rm} will contact you {contactTime}.\n\nYours sincerely,\n\n{rm}\n{date}\n\n${RISK_WARNING["en-US"]}`,
      ],
      low: [
        "Dear {clientName},\n\nThank you for your interest in {productName}.",
        "As of {asOf}, it shows a loss of CNY {lossAmount} ({lossRate}){totalNote}, below what you hoped for.",
        "This is mainly due to market movements.",
        "We suggest holding or adjusting calmly, in line with your needs.",
        "Your relationship manager can go through the options with you.",
        "We remain at your service.",
        `{rm} will contact you {contactTime}.\n\n{rm}\n{date}\n\n${RISK_WARNING["en-US"]}`,
      ],
    },
  },
};

